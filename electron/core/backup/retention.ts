import { BACKUP_RETENTION, type BackupReason } from '#shared/domain/backup';

export interface DatedBackup {
  fileName: string;
  createdAt: string;
  reason: BackupReason;
}

export type RetentionLimits = typeof BACKUP_RETENTION;

const newestFirst = (a: DatedBackup, b: DatedBackup) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName);

/** Monday of the instant's week, in UTC: the week a daily backup belongs to. */
function weekOf(iso: string): string {
  const day = new Date(iso);
  const monday = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) - ((day.getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(monday).toISOString().slice(0, 10);
}

const monthOf = (iso: string) => iso.slice(0, 7);

/** The newest backup of each of the most recent `count` periods that have one. */
function newestPerPeriod(sorted: DatedBackup[], periodOf: (iso: string) => string, count: number): DatedBackup[] {
  const seen = new Set<string>();
  const kept: DatedBackup[] = [];
  for (const backup of sorted) {
    const period = periodOf(backup.createdAt);
    if (seen.has(period)) continue;
    seen.add(period);
    if (kept.length === count) break;
    kept.push(backup);
  }
  return kept;
}

/**
 * Which backups to keep. Every kind has its own pool, so no kind ever pushes
 * out another: the newest few made by hand, before an update, before a
 * restore and before encryption was turned on, off or its key changed; of the daily ones, the newest week of days plus the newest of each
 * recent week and month, so a slip noticed weeks later can still be undone.
 */
export function backupsToKeep(backups: readonly DatedBackup[], limits: RetentionLimits = BACKUP_RETENTION): Set<string> {
  const keep = new Set<string>();
  const ofReason = (reason: BackupReason) => backups.filter((backup) => backup.reason === reason).sort(newestFirst);
  for (const reason of ['manual', 'pre-migration', 'pre-restore', 'pre-encryption'] as const) {
    for (const backup of ofReason(reason).slice(0, limits[reason])) keep.add(backup.fileName);
  }
  const daily = ofReason('daily');
  for (const backup of [...daily.slice(0, limits.daily), ...newestPerPeriod(daily, weekOf, limits.weekly), ...newestPerPeriod(daily, monthOf, limits.monthly)]) {
    keep.add(backup.fileName);
  }
  return keep;
}
