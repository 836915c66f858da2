import type { BaseWindow, Dialog, OpenDialogOptions } from 'electron';

const OPTIONS: OpenDialogOptions = {
  title: 'Choose where to save the export',
  buttonLabel: 'Export here',
  properties: ['openDirectory', 'createDirectory'],
};

/**
 * The folder dialog the core's whole-vault export asks through: attached to
 * our window (a sheet on macOS), null when the user closes it.
 */
export function createFolderPicker(dialog: Pick<Dialog, 'showOpenDialog'>, window: () => BaseWindow | null): () => Promise<string | null> {
  return async () => {
    const parent = window();
    const result = parent && !parent.isDestroyed() ? await dialog.showOpenDialog(parent, OPTIONS) : await dialog.showOpenDialog(OPTIONS);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
