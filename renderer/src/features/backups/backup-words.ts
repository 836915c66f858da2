import { BACKUP_RETENTION, type Backup, type BackupContents, type BackupReason } from '#shared/domain/backup';
import { systemHourCycle } from '#renderer/ui/clock';

/** A backup's size as a person reads it: KB below a megabyte, MB with one decimal above. */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** What a backup holds, in the words of the screens: "12 openings, 40 notes, 3 photos". */
export function describeHoldings(contents: BackupContents): string {
  const { openings, notes, photos } = contents.counts;
  const pictures = contents.includesPhotos ? count(photos, 'photo', 'photos') : 'no photos (an older backup)';
  return `${count(openings, 'opening', 'openings')}, ${count(notes, 'note', 'notes')}, ${pictures}`;
}

/** What a finished "Back up now" says, from the Backups screen or the command palette. */
export function backupMadeMessage(backup: Backup): string {
  return backup.contents ? `Backed up and checked: ${describeHoldings(backup.contents)} (${formatSize(backup.size)}).` : `Backed up and checked (${formatSize(backup.size)}).`;
}

/** The kind of a backup as it reads inside a sentence. */
const KIND_IN_A_SENTENCE: Record<BackupReason, string> = {
  manual: 'backup you made',
  daily: 'daily backup',
  'pre-migration': 'backup made before an update',
  'pre-restore': 'backup made before a restore',
  'pre-encryption': 'backup made before encryption changed',
};

// Seconds tell apart two backups of the same minute; the hour follows the system's clock like every other time.
const longMoment = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'medium', hourCycle: systemHourCycle() });
export const formatMoment = (iso: string) => longMoment.format(new Date(iso));

/**
 * Each row's Restore button says which backup it restores: its kind and its
 * moment to the second. Two that would still read alike are numbered, so no
 * two buttons on the screen share a name.
 */
export function restoreLabels(backups: readonly Backup[]): Map<string, string> {
  const plain = backups.map((backup) => `Restore the ${KIND_IN_A_SENTENCE[backup.reason]} of ${formatMoment(backup.createdAt)}`);
  const total = new Map<string, number>();
  for (const label of plain) total.set(label, (total.get(label) ?? 0) + 1);
  const seen = new Map<string, number>();
  return new Map(
    backups.map((backup, index) => {
      const label = plain[index]!;
      if (total.get(label) === 1) return [backup.fileName, label];
      const nth = (seen.get(label) ?? 0) + 1;
      seen.set(label, nth);
      return [backup.fileName, `${label} (${nth} of ${total.get(label)})`];
    }),
  );
}

/** How many of each kind Afterview keeps, in a sentence for the Backups screen. */
export const RETENTION_SENTENCE =
  `It keeps the last ${BACKUP_RETENTION.daily} daily backups, one a week for ${BACKUP_RETENTION.weekly} weeks and one a month for ${BACKUP_RETENTION.monthly} months, ` +
  `the last ${BACKUP_RETENTION.manual} you make, and the last ${BACKUP_RETENTION['pre-migration']} made before an update and before a restore.`;
