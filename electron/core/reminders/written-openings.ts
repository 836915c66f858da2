import type { Db } from '../vault/connection';

/** Per connection, one set per reader: the openings whose reminders were written since that reader last looked. */
const readers = new WeakMap<Db, Set<Set<string>>>();

/** Tells every reader of `db` that reminders of these openings were added, changed or removed. */
export function noteRemindersWritten(db: Db, openingIds: Iterable<string | null | undefined>): void {
  const sets = readers.get(db);
  if (!sets) return;
  for (const id of openingIds) {
    if (!id) continue;
    for (const set of sets) set.add(id);
  }
}

/**
 * A reader's own account of the openings whose reminders were written (by the
 * reminder store, their only writer) since it last took them: what a cache
 * of something read from the reminders must read again.
 */
export function watchRemindersWritten(db: Db): { take(): string[] } {
  const written = new Set<string>();
  const sets = readers.get(db) ?? new Set<Set<string>>();
  sets.add(written);
  readers.set(db, sets);
  return {
    take() {
      const ids = [...written];
      written.clear();
      return ids;
    },
  };
}
