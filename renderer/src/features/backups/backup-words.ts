import type { Backup } from '../../../../shared/domain/backup';

/** A backup's size as a person reads it: KB below a megabyte, MB with one decimal above. */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** What a finished "Back up now" says, from the Backups screen or the command palette. */
export function backupMadeMessage(backup: Backup): string {
  return `Backed up and checked (${formatSize(backup.size)}).`;
}
