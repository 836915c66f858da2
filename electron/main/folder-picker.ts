import type { BaseWindow, Dialog, OpenDialogOptions } from 'electron';
import { join } from 'node:path';

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

/**
 * The save dialog for a whole-vault .zip: its name filled in, in the folder
 * people look for what they saved; the dialog itself asks before replacing a
 * file. Null when the user closes it.
 */
export function createZipFilePicker(dialog: Pick<Dialog, 'showSaveDialog'>, window: () => BaseWindow | null, folder: () => string): (fileName: string) => Promise<string | null> {
  return async (fileName) => {
    const options = { title: 'Save the whole vault as a .zip', buttonLabel: 'Export', defaultPath: join(folder(), fileName), filters: [{ name: 'Zip archive', extensions: ['zip'] }] };
    const parent = window();
    const result = parent && !parent.isDestroyed() ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return null;
    return /\.zip$/i.test(result.filePath) ? result.filePath : `${result.filePath}.zip`;
  };
}
