import type { Migration } from './migration';
import { SEARCH_SOURCES_0014 } from './0014_search_everything';
import { replaceSearchSource } from './search-index';

const OPENING_0014 = SEARCH_SOURCES_0014.find((source) => source.kind === 'opening')!;

/** The job posting kept on its opening, and found by search with it. */
export const m0015OpeningPosting: Migration = {
  id: '0015_opening_posting',
  up(db) {
    db.exec(`
      ALTER TABLE openings ADD COLUMN posting_text TEXT;
      ALTER TABLE openings ADD COLUMN posting_saved_at TEXT;
    `);
    replaceSearchSource(db, OPENING_0014, {
      ...OPENING_0014,
      body: `concat_ws(' · ', (SELECT name FROM companies WHERE id = s.company_id), nullif(s.location, ''), nullif(s.next_step, ''), nullif(s.posting_text, ''))`,
      watched: [...OPENING_0014.watched, 'posting_text'],
    });
  },
};
