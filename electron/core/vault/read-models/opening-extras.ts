import type { Db } from '../db';
import { interviewsTable } from '../tables/interviews';
import { notTrashed } from '../tables/live';
import { notesTable } from '../tables/notes';
import { selectList } from '../tables/sql';
import { touchpointsTable } from '../tables/touchpoints';

/**
 * What the pipeline spreadsheet adds to each opening's row, read for all
 * openings at once. Callers list live openings only, so each row's own trash
 * mark is the one to check here.
 */

export interface TouchpointStats {
  count: number;
  last: string | null;
}

/** How many touchpoints each opening has, and when the latest was. */
export function touchpointStatsByOpening(db: Db): Map<string, TouchpointStats> {
  const rows = db
    .prepare<[], TouchpointStats & { openingId: string }>(
      `SELECT ${selectList(touchpointsTable, 't', ['openingId'])}, COUNT(*) AS count, MAX(t.occurred_at) AS last FROM touchpoints t WHERE ${notTrashed(touchpointsTable, 't')} GROUP BY t.opening_id`,
    )
    .all();
  return new Map(rows.map(({ openingId, count, last }) => [openingId, { count, last }]));
}

/** The notes on each opening and on its interviews, oldest first, each text cut at `maxChars`. */
export function openingNoteTexts(db: Db, maxChars: number): IterableIterator<{ openingId: string; title: string; text: string }> {
  return db
    .prepare<[number], { openingId: string; title: string; text: string }>(`
      SELECT coalesce(i.opening_id, n.parent_id) AS openingId, n.title, substr(n.plain_text, 1, ?) AS text
      FROM notes n LEFT JOIN interviews i ON n.parent_type = 'interview' AND i.id = n.parent_id AND ${notTrashed(interviewsTable)}
      WHERE ${notTrashed(notesTable)} AND (n.parent_type = 'opening' OR i.id IS NOT NULL)
      ORDER BY n.created_at, n.rowid`)
    .iterate(maxChars);
}
