import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { prepareRestore, type PreparedRestore } from './backup-checks';
import { backupDirFor, backupNamesIn } from './backup-folder';
import { stamp, temporaryName, type BackupName } from './backup-names';
import type { VaultKey } from '../vault/cipher';
import { runNow } from './steps';

/**
 * For a vault too damaged to open: sets the damaged file aside (never deletes
 * it) and puts the newest backup that passes every check in its place, with
 * the photos it holds that the attachments folder lacks. Returns the backup
 * used, or null when there is none to use.
 */
export function restoreNewestBackupFile(vaultPath: string, now: Date, key: VaultKey | null = null): BackupName | null {
  const dir = backupDirFor(vaultPath);
  for (const candidate of backupNamesIn(dir)) {
    const staging = join(dir, temporaryName('unpacking', randomUUID()));
    try {
      let prepared: PreparedRestore;
      try {
        prepared = runNow(prepareRestore(join(dir, candidate.fileName), staging, key));
      } catch {
        continue;
      }
      const aside = `${vaultPath}.damaged-${stamp(now)}`;
      if (existsSync(vaultPath)) renameSync(vaultPath, aside);
      for (const suffix of ['-wal', '-shm']) if (existsSync(vaultPath + suffix)) renameSync(vaultPath + suffix, aside + suffix);
      renameSync(prepared.database, vaultPath);
      if (prepared.attachments) {
        // The attachments folder was not what broke: photos already there stay, missing ones come back.
        const attachmentsDir = join(dirname(vaultPath), 'attachments');
        mkdirSync(attachmentsDir, { recursive: true });
        for (const name of prepared.attachments.names) {
          const into = join(attachmentsDir, name);
          if (!existsSync(into)) renameSync(join(prepared.attachments.dir, name), into);
        }
      }
      return candidate;
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  return null;
}
