import type { Migration } from './migration';

// The tables whose rows the sample vault creates; repeated on purpose: a shipped migration never changes.
const MARKED_TABLES = ['companies', 'openings', 'contacts', 'interviews', 'notes', 'research_entries', 'letters', 'touchpoints', 'references'];
/** Tables of links, without an id of their own: marked by the pair they link, "a/b". */
const MARKED_LINKS: Record<string, string> = {
  interview_team: `old.interview_id || '/' || old.contact_id`,
  opening_references: `old.opening_id || '/' || old.reference_id`,
};

/**
 * Sample rows: which rows came from the optional sample vault, so they can be
 * removed later without touching the user's own. A mark goes when its row goes,
 * however it goes (emptied trash, a cascade), so the marks never outlive the rows.
 */
export const m0008SampleRows: Migration = {
  id: '0008_sample_rows',
  up(db) {
    db.exec(`
      CREATE TABLE sample_rows (
        table_name TEXT NOT NULL CHECK (table_name IN (${[...MARKED_TABLES, ...Object.keys(MARKED_LINKS)].map((table) => `'${table}'`).join(',')})),
        row_id TEXT NOT NULL,
        PRIMARY KEY (table_name, row_id)
      ) STRICT;
    `);
    for (const table of MARKED_TABLES) {
      db.exec(`
        CREATE TRIGGER sample_rows_forget_${table} AFTER DELETE ON "${table}" BEGIN
          DELETE FROM sample_rows WHERE table_name = '${table}' AND row_id = old.id;
        END;
      `);
    }
    for (const [table, id] of Object.entries(MARKED_LINKS)) {
      db.exec(`
        CREATE TRIGGER sample_rows_forget_${table} AFTER DELETE ON ${table} BEGIN
          DELETE FROM sample_rows WHERE table_name = '${table}' AND row_id = ${id};
        END;
      `);
    }
  },
};
