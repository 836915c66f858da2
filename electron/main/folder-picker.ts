import type { BaseWindow, Dialog, OpenDialogOptions } from 'electron';

const EXPORT_OPTIONS: OpenDialogOptions = {
  title: 'Choose where to save the export',
  buttonLabel: 'Export here',
  properties: ['openDirectory', 'createDirectory'],
};

/** Bringing an export back in: its folder, or the .zip (one dialog cannot offer both on Windows and Linux). */
const IMPORT_OPTIONS: Record<'folder' | 'zip', OpenDialogOptions> = {
  folder: { title: 'Choose the Afterview export folder', buttonLabel: 'Import', properties: ['openDirectory'] },
  zip: { title: 'Choose the Afterview export (.zip)', buttonLabel: 'Import', properties: ['openFile'], filters: [{ name: 'Zip archive', extensions: ['zip'] }] },
};

/** One open dialog attached to our window (a sheet on macOS); null when the user closes it. */
function openDialog(dialog: Pick<Dialog, 'showOpenDialog'>, window: () => BaseWindow | null, options: OpenDialogOptions): Promise<string | null> {
  const parent = window();
  return (parent && !parent.isDestroyed() ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options)).then((result) =>
    result.canceled ? null : (result.filePaths[0] ?? null),
  );
}

/** The folder dialog the core's whole-vault export asks through. */
export function createFolderPicker(dialog: Pick<Dialog, 'showOpenDialog'>, window: () => BaseWindow | null): () => Promise<string | null> {
  return () => openDialog(dialog, window, EXPORT_OPTIONS);
}

/** The dialog the core's import asks through for an export's folder or .zip. */
export function createImportSourcePicker(dialog: Pick<Dialog, 'showOpenDialog'>, window: () => BaseWindow | null): (kind: 'folder' | 'zip') => Promise<string | null> {
  return (kind) => openDialog(dialog, window, IMPORT_OPTIONS[kind]);
}
