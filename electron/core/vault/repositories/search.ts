import { MARK_END, MARK_START, type SearchKind, type SearchResult } from '../../../../shared/domain/search';
import { matchExpression, searchTerms } from '../../search/match-expression';
import type { Db } from '../connection';
import { liveLetter, liveNote } from '../liveness';

/** Whether the indexed row is visible: trashed rows stay indexed and are left out here. */
const LIVE = `(CASE d.kind
  WHEN 'note' THEN EXISTS (SELECT 1 FROM notes sn WHERE sn.id = d.ref_id AND ${liveNote('sn')})
  WHEN 'letter' THEN EXISTS (SELECT 1 FROM letters sl WHERE sl.id = d.ref_id AND ${liveLetter('sl')})
  WHEN 'opening' THEN EXISTS (SELECT 1 FROM openings so WHERE so.id = d.ref_id AND so.deleted_at IS NULL)
  WHEN 'contact' THEN EXISTS (SELECT 1 FROM contacts sc WHERE sc.id = d.ref_id AND sc.deleted_at IS NULL)
  WHEN 'research' THEN EXISTS (SELECT 1 FROM research_entries sr WHERE sr.id = d.ref_id AND sr.deleted_at IS NULL)
  ELSE 1 END)`;

/** The page showing the row, as "<kind>/<id>": a note shows on its parent's, research on its company's. */
const TARGET = `(CASE d.kind
  WHEN 'note' THEN (SELECT parent_type || '/' || parent_id FROM notes WHERE id = d.ref_id)
  WHEN 'research' THEN (SELECT 'company/' || company_id FROM research_entries WHERE id = d.ref_id)
  ELSE d.kind || '/' || d.ref_id END)`;

const SNIPPET_TOKENS = 12;
const PLAIN_SNIPPET_CHARS = 120;

/*
 * Both queries read matches newest first (the index's rowid order) and stop at
 * the limit, so a common word costs no more than a rare one: nothing is
 * scored, and highlight()/snippet() run only on the rows returned.
 */
const ANY_MATCH = `
  SELECT d.id AS doc, d.kind, d.ref_id AS id, ${TARGET} AS target,
    highlight(search_fts, 0, @start, @end) AS title,
    snippet(search_fts, 1, @start, @end, '…', ${SNIPPET_TOKENS}) AS snippet
  FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid
  WHERE search_fts MATCH @match AND ${LIVE}
  ORDER BY search_fts.rowid DESC LIMIT @limit`;

const TITLE_MATCH = `
  SELECT d.id AS doc, d.kind, d.ref_id AS id, ${TARGET} AS target,
    highlight(search_titles, 0, @start, @end) AS title,
    (SELECT CASE WHEN length(body) > ${PLAIN_SNIPPET_CHARS} THEN substr(body, 1, ${PLAIN_SNIPPET_CHARS}) || '…' ELSE body END
      FROM search_fts WHERE rowid = d.id) AS snippet
  FROM search_titles JOIN search_docs d ON d.id = search_titles.rowid
  WHERE search_titles MATCH @match AND ${LIVE}
  ORDER BY search_titles.rowid DESC LIMIT @limit`;

interface Row {
  doc: number;
  kind: SearchKind;
  id: string;
  target: string;
  title: string;
  snippet: string;
}

const PAGES: Record<string, string> = { opening: 'openings', interview: 'interviews', company: 'companies', contact: 'contacts', letter: 'letters' };

function routeOf(target: string): string {
  const [kind = '', id = ''] = target.split('/');
  return `/${PAGES[kind] ?? 'today'}/${id}`;
}

export function createSearchRepository(db: Db) {
  const anyMatch = db.prepare<{ match: string; limit: number; start: string; end: string }, Row>(ANY_MATCH);
  const titleMatch = db.prepare<{ match: string; limit: number; start: string; end: string }, Row>(TITLE_MATCH);

  return {
    /** Up to `limit` results: rows whose title has every word first, then the rest, newest change first. */
    query(text: string, limit: number): SearchResult[] {
      const match = matchExpression(searchTerms(text));
      if (match === null) return [];
      const params = { match, limit, start: MARK_START, end: MARK_END };
      const anywhere = anyMatch.all(params);
      const marked = new Map(anywhere.map((row) => [row.doc, row]));
      const byTitle = titleMatch.all(params).map((row) => marked.get(row.doc) ?? row);
      const seen = new Set<number>();
      const results: SearchResult[] = [];
      for (const row of [...byTitle, ...anywhere]) {
        if (seen.has(row.doc) || results.length >= limit) continue;
        seen.add(row.doc);
        results.push({ kind: row.kind, id: row.id, title: row.title, snippet: row.snippet ?? '', route: routeOf(row.target) });
      }
      return results;
    },
  };
}
export type SearchRepository = ReturnType<typeof createSearchRepository>;
