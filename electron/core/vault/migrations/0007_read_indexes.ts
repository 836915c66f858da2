import type { Migration } from './migration';

/**
 * Indexes for the two reads a person waits on most.
 *
 * The notes list of a page (an opening, an interview, a company, a contact)
 * reads each note's title, dates and the start of its text; from the table,
 * that walks past every note's whole document and text to reach the dates.
 * notes_summary holds exactly what the list shows, in its order, so the page
 * never touches the notes themselves (it also serves every lookup by parent
 * that notes_parent did). The expression must match the notes repository's.
 *
 * Today's agenda lists the soonest open items and counts the rest:
 * reminders_open_due replaces reminders_due with the snooze beside the due
 * time, so the count is answered from the index without reading a row.
 */
export const m0007ReadIndexes: Migration = {
  id: '0007_read_indexes',
  up(db) {
    db.exec(`
      CREATE INDEX notes_summary ON notes(parent_type, parent_id, created_at DESC, id, deleted_at, title, updated_at, substr(plain_text, 1, 320));
      DROP INDEX notes_parent;
      CREATE INDEX reminders_open_due ON reminders(status, due_at, snoozed_until);
      DROP INDEX reminders_due;
    `);
  },
};
