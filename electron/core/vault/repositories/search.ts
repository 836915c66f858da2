import { MARK_END, MARK_START, type SearchKind, type SearchResult } from '../../../../shared/domain/search';
import { matchExpression, searchTerms } from '../../search/match-expression';
import { firstMatch, SNIPPET_REACH, snippetAround, wordMatcher } from '../../search/snippet';
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
/**
 * Bodies longer than this (in bytes, which SQLite knows without reading the
 * text) get their snippet from us: FTS5's snippet() weighs every match in the
 * body, several ms for a 400 KB note. Below it, snippet() costs next to nothing.
 */
const LONG_BODY_BYTES = 16_384;
/** Where a long body's snippet is looked for first; most matches are near the start. */
const HEAD_CHARS = 8_192;

/*
 * Both queries read matches newest first (the index's rowid order) and stop at
 * the limit, so a common word costs no more than a rare one: nothing is
 * scored, and highlight()/snippet() run only on the rows returned. The body's
 * text is read from the index's own copy (search_fts_content: c1 is the body).
 */
const ANY_MATCH = `
  SELECT d.id AS doc, d.kind, d.ref_id AS id, ${TARGET} AS target,
    highlight(search_fts, 0, @start, @end) AS title,
    CASE WHEN octet_length(c.c1) > ${LONG_BODY_BYTES} THEN NULL
      ELSE snippet(search_fts, 1, @start, @end, '…', ${SNIPPET_TOKENS}) END AS snippet,
    octet_length(c.c1) > ${LONG_BODY_BYTES} AS long
  FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid JOIN search_fts_content c ON c.id = d.id
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
  /** Null for a long body (see LONG_BODY_BYTES): made in JS instead. */
  snippet: string | null;
  long?: number;
}

const PAGES: Record<string, string> = { opening: 'openings', interview: 'interviews', company: 'companies', contact: 'contacts', letter: 'letters' };

function routeOf(target: string): string {
  const [kind = '', id = ''] = target.split('/');
  return `/${PAGES[kind] ?? 'today'}/${id}`;
}

export function createSearchRepository(db: Db) {
  const anyMatch = db.prepare<{ match: string; limit: number; start: string; end: string }, Row>(ANY_MATCH);
  const titleMatch = db.prepare<{ match: string; limit: number; start: string; end: string }, Row>(TITLE_MATCH);
  const bodyHead = db.prepare<{ doc: number; chars: number }, string>('SELECT substr(c1, 1, @chars) FROM search_fts_content WHERE id = @doc').pluck();
  const wholeBody = db.prepare<[number], string>('SELECT c1 FROM search_fts_content WHERE id = ?').pluck();

  /** A long body's snippet: from its start when the first match is there, else from the whole text. */
  function longSnippet(doc: number, matcher: RegExp | null): string {
    const head = bodyHead.get({ doc, chars: HEAD_CHARS }) ?? '';
    const at = matcher ? firstMatch(head, matcher) : -1;
    if (at >= 0 && at + SNIPPET_REACH < head.length) return snippetAround(head, matcher, false);
    return snippetAround(wholeBody.get(doc) ?? '', matcher, true);
  }

  return {
    /** Up to `limit` results: rows whose title has every word first, then the rest, newest change first. */
    query(text: string, limit: number): SearchResult[] {
      const terms = searchTerms(text);
      const match = matchExpression(terms);
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
        const snippet = row.long ? longSnippet(row.doc, wordMatcher(terms)) : (row.snippet ?? '');
        results.push({ kind: row.kind, id: row.id, title: row.title, snippet, route: routeOf(row.target) });
      }
      return results;
    },
  };
}
export type SearchRepository = ReturnType<typeof createSearchRepository>;
