import type { Migration } from './index';

/**
 * A covering index for the notes list of a page (an opening, an interview, a
 * company, a contact). The list reads each note's title, dates and the start
 * of its text; from the table, that walks past every note's whole document and
 * text to reach the dates. The index holds exactly what the list shows, in the
 * order it shows it, so the page never touches the notes themselves. The
 * expression must match the one in the notes repository to be used.
 */
export const m0007NoteSummaries: Migration = {
  id: '0007_note_summaries',
  up(db) {
    db.exec(`
      CREATE INDEX notes_summary ON notes(parent_type, parent_id, created_at DESC, id, deleted_at, title, updated_at, substr(plain_text, 1, 320));
      DROP INDEX notes_parent;
    `);
  },
};
