import type { Dialog } from 'electron';
import { restoreNewestBackupFile } from '#core/backup/restore-at-start';
import type { Vault } from '#core/vault/connection';

export interface RestoreOfferOptions<T = Vault> {
  dialog: Pick<Dialog, 'showErrorBox' | 'showMessageBox'>;
  vaultPath: string;
  error: unknown;
  /** Opens the vault again once a backup is in place. */
  reopen(): T;
  now?: Date;
}

/**
 * A vault that will not open at start: say why, and where it is damaged and a
 * good backup exists, offer to put that backup in place (the damaged file is
 * set aside, never deleted). Resolves to the reopened vault, or null to quit.
 */
export async function offerRestore<T = Vault>({ dialog, vaultPath, error, reopen, now = new Date() }: RestoreOfferOptions<T>): Promise<T | null> {
  const reason = describeStartupError(error);
  if (!/damaged/i.test(reason)) {
    dialog.showErrorBox('Afterview cannot open your vault', reason);
    return null;
  }
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'Afterview cannot open your vault',
    message: reason,
    detail: 'Afterview can set the damaged file aside and put your newest good backup in its place.',
    buttons: ['Restore the newest backup', 'Quit'],
    defaultId: 0,
    cancelId: 1,
  });
  if (response !== 0) return null;
  const used = restoreNewestBackupFile(vaultPath, now);
  if (!used) {
    dialog.showErrorBox('No backup to restore', 'There is no backup that passes its check. The damaged file was left as it is.');
    return null;
  }
  try {
    return reopen();
  } catch (retry) {
    dialog.showErrorBox('Afterview cannot open your vault', describeStartupError(retry));
    return null;
  }
}

export function describeStartupError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message)) {
    return 'The database engine was built for a different runtime. Run "npm install" again in the Afterview folder; it rebuilds the engine for the desktop app.';
  }
  return message;
}

