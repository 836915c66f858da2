import { BACKUP_EXTENSION, BACKUP_FILE_PATTERN, type BackupReason } from '#shared/domain/backup';

/** A moment as it appears in file names: 20260401T093000123Z. */
export function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('.', '');
}

export function backupFileName(now: Date, reason: BackupReason): string {
  return `afterview-${stamp(now)}-${reason}.${BACKUP_EXTENSION}`;
}

export interface BackupName {
  fileName: string;
  createdAt: string;
  reason: BackupReason;
  /** An older plain SQLite backup, made before photos were included. */
  legacy: boolean;
}

/** What a backup's file name says, or null for any other name. */
export function parseBackupName(fileName: string): BackupName | null {
  const match = BACKUP_FILE_PATTERN.exec(fileName);
  if (!match) return null;
  const digits = fileName.slice('afterview-'.length, fileName.indexOf('Z-'));
  const iso = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}T${digits.slice(9, 11)}:${digits.slice(11, 13)}:${digits.slice(13, 15)}.${(digits.slice(15) || '000').padEnd(3, '0')}Z`;
  if (Number.isNaN(Date.parse(iso))) return null;
  return { fileName, createdAt: iso, reason: match[1] as BackupReason, legacy: match[2] !== BACKUP_EXTENSION };
}

/**
 * Names of Afterview's own temporary files in the backups folder: a backup
 * being written, a file being unpacked for a restore, a picked file waiting
 * to be restored, and SQLite's side files of any of them.
 */
export const TEMPORARY_NAME = /^\.[A-Za-z0-9._-]+\.part(?:-journal|-wal|-shm)?$/;

export function temporaryName(purpose: 'snapshot' | 'writing' | 'unpacking' | 'picked', id: string): string {
  return `.${purpose}-${id}.part`;
}
