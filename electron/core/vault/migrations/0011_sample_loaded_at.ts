import type { Migration } from './migration';

// The tables whose rows the sample vault creates; repeated on purpose: a shipped migration never changes.
const MARKED_TABLES = ['companies', 'openings', 'contacts', 'interviews', 'notes', 'research_entries', 'letters', 'touchpoints', 'references'];

/**
 * Each sample row remembers its updated_at as the sample left it, so that
 * removing the sample keeps every row the user changed since. Rows of a
 * sample loaded before this migration get the value they have now if it is
 * within a minute of the load (the load is one transaction, a user's edit
 * comes later), and none otherwise: such a row counts as changed, and stays.
 */
export const m0011SampleLoadedAt: Migration = {
  id: '0011_sample_loaded_at',
  up(db) {
    db.exec('ALTER TABLE sample_rows ADD COLUMN loaded_at TEXT');
    const loadEnded = MARKED_TABLES.map(
      (table) => `SELECT max(t.created_at) AS at FROM "${table}" t JOIN sample_rows s ON s.table_name = '${table}' AND s.row_id = t.id`,
    ).join(' UNION ALL ');
    for (const table of MARKED_TABLES) {
      db.exec(`
        UPDATE sample_rows SET loaded_at = (SELECT t.updated_at FROM "${table}" t WHERE t.id = sample_rows.row_id)
        WHERE table_name = '${table}'
          AND (SELECT t.updated_at FROM "${table}" t WHERE t.id = sample_rows.row_id)
            <= strftime('%Y-%m-%dT%H:%M:%fZ', (SELECT max(at) FROM (${loadEnded})), '+60 seconds');
      `);
    }
  },
};
