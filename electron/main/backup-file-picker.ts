import type { BaseWindow, Dialog, OpenDialogOptions } from 'electron';
import { BACKUP_EXTENSION, LEGACY_BACKUP_EXTENSION } from '#shared/domain/backup';

const OPTIONS: OpenDialogOptions = {
  title: 'Choose a backup to restore',
  buttonLabel: 'Check this backup',
  properties: ['openFile'],
  // Any file may be picked: the core checks it and says plainly what is wrong with a foreign one.
  filters: [
    { name: 'Afterview backups', extensions: [BACKUP_EXTENSION, LEGACY_BACKUP_EXTENSION] },
    { name: 'All files', extensions: ['*'] },
  ],
};

/**
 * The file dialog the core's backups.pick asks through: attached to our
 * window (a sheet on macOS), null when the user closes it. The core copies
 * and checks the file; this only says which one.
 */
export function createBackupFilePicker(dialog: Pick<Dialog, 'showOpenDialog'>, window: () => BaseWindow | null): () => Promise<string | null> {
  return async () => {
    const parent = window();
    const result = parent && !parent.isDestroyed() ? await dialog.showOpenDialog(parent, OPTIONS) : await dialog.showOpenDialog(OPTIONS);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
