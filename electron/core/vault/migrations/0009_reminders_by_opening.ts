import type { Migration } from './migration';

/**
 * The reminders are planned a slice of openings at a time (so a plan never
 * holds the whole vault in memory, and yields between slices): each slice
 * reads the stored rows of its own openings, by this index.
 */
export const m0009RemindersByOpening: Migration = {
  id: '0009_reminders_by_opening',
  up(db) {
    db.exec('CREATE INDEX reminders_opening ON reminders(opening_id)');
  },
};
