import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseBackupName, TEMPORARY_NAME, type BackupName } from './backup-names';
import { backupsToKeep } from './retention';

export function backupDirFor(vaultPath: string): string {
  return join(dirname(vaultPath), 'backups');
}

/** The backups in a folder by name only, newest first: cheap, for the daily timer and retention. */
export function backupNamesIn(dir: string): BackupName[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((fileName) => parseBackupName(fileName) ?? [])
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
}

/** Removes what retention does not keep; never a name in `protect` (the backup being restored). Returns the names removed. */
export function pruneBackupFolder(dir: string, protect: readonly string[] = []): string[] {
  const all = backupNamesIn(dir);
  const keep = backupsToKeep(all);
  const removed: string[] = [];
  for (const backup of all) {
    if (keep.has(backup.fileName) || protect.includes(backup.fileName)) continue;
    rmSync(join(dir, backup.fileName), { force: true });
    removed.push(backup.fileName);
  }
  return removed;
}

/** Removes what a crash or a kill left half-done: temporary files and unpacked folders. Run at start. */
export function removeBackupLeftovers(dir: string): number {
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (!TEMPORARY_NAME.test(name)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}
