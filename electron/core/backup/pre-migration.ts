import { dirname, join } from 'node:path';
import type { VaultKey } from '../vault/cipher';
import type { Db } from '../vault/db';
import { backupDirFor, pruneBackupFolder } from './backup-folder';
import { makeBackupNow } from './make-backup';

/**
 * The backup made just before migrations change an existing vault's shape:
 * synchronous, because the vault is still opening. Returns its file name.
 */
export function snapshotBeforeMigration(vaultPath: string, db: Db, key: VaultKey | null, now: Date, appVersion: string | null = null): string {
  const dir = backupDirFor(vaultPath);
  const made = makeBackupNow({ dir, db, attachmentsDir: join(dirname(vaultPath), 'attachments'), appVersion, key }, 'pre-migration', now);
  pruneBackupFolder(dir, [made.fileName]);
  return made.fileName;
}
