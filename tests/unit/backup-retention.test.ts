import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupsToKeep, type DatedBackup } from '#core/backup/retention';
import { BACKUP_REASONS, BACKUP_RETENTION, type BackupReason } from '#shared/domain/backup';

const RUNS = Number(process.env.AFTERVIEW_RETENTION_RUNS ?? 300);
/** Generous: a loaded machine runs the sequences slowly, and a run of thousands is made by hand. */
const TIMEOUT_MS = 10_000 + RUNS * 40;
const HOUR = 3_600_000;

/** One backup being made: its kind, and how long after the previous one. */
const event = fc.record({
  reason: fc.constantFrom(...BACKUP_REASONS),
  // From a burst of clicks a minute apart to a laptop left closed for three weeks.
  gap: fc.oneof(fc.integer({ min: 1, max: 60 }).map((minutes) => minutes * 60_000), fc.integer({ min: 1, max: 24 * 21 }).map((hours) => hours * HOUR)),
});

/** Makes the backups one by one, pruning after each as the app does; returns every step's survivors and all ever made. */
function simulate(events: { reason: BackupReason; gap: number }[]) {
  let time = Date.parse('2026-01-01T00:00:00.000Z');
  let kept: DatedBackup[] = [];
  const made: DatedBackup[] = [];
  const steps: { made: DatedBackup; kept: DatedBackup[] }[] = [];
  events.forEach(({ reason, gap }, index) => {
    time += gap;
    const backup = { fileName: `b${String(index).padStart(4, '0')}-${reason}`, createdAt: new Date(time).toISOString(), reason };
    made.push(backup);
    const keep = backupsToKeep([...kept, backup]);
    kept = [...kept, backup].filter((item) => keep.has(item.fileName));
    steps.push({ made: backup, kept });
  });
  return { made, steps, kept };
}

const newestFirst = (list: DatedBackup[]) => [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
const names = (list: DatedBackup[]) => list.map((backup) => backup.fileName).sort();
const weekOf = (iso: string) => {
  const day = new Date(iso);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) - ((day.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
};

describe('backup retention over generated sequences', () => {
  it('keeps the newest of each kind made by hand, before an update or before a restore, whatever else is made', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 150 }), (events) => {
        const { steps } = simulate(events);
        const madeSoFar: DatedBackup[] = [];
        for (const step of steps) {
          madeSoFar.push(step.made);
          // The backup just made is always kept.
          expect(step.kept).toContainEqual(step.made);
          for (const reason of ['manual', 'pre-migration', 'pre-restore'] as const) {
            const expected = newestFirst(madeSoFar.filter((backup) => backup.reason === reason)).slice(0, BACKUP_RETENTION[reason]);
            expect(names(step.kept.filter((backup) => backup.reason === reason))).toEqual(names(expected));
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  it('keeps a week of daily backups and one from each recent week and month, within the bound', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 150 }), (events) => {
        const { made, kept } = simulate(events);
        const daily = newestFirst(made.filter((backup) => backup.reason === 'daily'));
        const keptDaily = kept.filter((backup) => backup.reason === 'daily');
        expect(keptDaily.length).toBeLessThanOrEqual(BACKUP_RETENTION.daily + BACKUP_RETENTION.weekly + BACKUP_RETENTION.monthly);
        for (const backup of daily.slice(0, BACKUP_RETENTION.daily)) expect(keptDaily).toContainEqual(backup);
        const recentWeeks = [...new Set(daily.map((backup) => weekOf(backup.createdAt)))].slice(0, BACKUP_RETENTION.weekly);
        for (const week of recentWeeks) expect(keptDaily.some((backup) => weekOf(backup.createdAt) === week)).toBe(true);
        const recentMonths = [...new Set(daily.map((backup) => backup.createdAt.slice(0, 7)))].slice(0, BACKUP_RETENTION.monthly);
        for (const month of recentMonths) expect(keptDaily.some((backup) => backup.createdAt.slice(0, 7) === month)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  it('prunes as it goes to exactly what it would keep of the whole history: nothing lost by pruning early', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 150 }), (events) => {
        const { made, kept } = simulate(events);
        expect(names(kept)).toEqual([...backupsToKeep(made)].sort());
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  it('never lets one kind push out another: adding backups of one kind keeps every other kind as it was', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 100 }), fc.constantFrom(...BACKUP_REASONS), fc.integer({ min: 1, max: 40 }), (events, burstReason, burst) => {
        const before = simulate(events);
        const after = simulate([...events, ...Array.from({ length: burst }, () => ({ reason: burstReason, gap: 60_000 }))]);
        for (const reason of BACKUP_REASONS) {
          if (reason === burstReason) continue;
          expect(names(after.kept.filter((backup) => backup.reason === reason))).toEqual(names(before.kept.filter((backup) => backup.reason === reason)));
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);
});
