import { MARK_END, MARK_START, type SearchKind, type SearchResult } from '#shared/domain/search';
import { matchExpression, searchTerms } from '#core/search/match-expression';
import { firstMatch, SNIPPET_REACH, snippetAround, wordMatcher } from '#core/search/snippet';
import type { Db } from '../connection';
import { companiesTable } from '../tables/companies';
import { contactsTable } from '../tables/contacts';
import { interviewsTable } from '../tables/interviews';
import { lettersTable } from '../tables/letters';
import { live } from '../tables/live';
import { notesTable } from '../tables/notes';
import { openingsTable } from '../tables/openings';
import { referencesTable } from '../tables/references';
import { researchTable } from '../tables/research';
import type { AnyTable } from '../tables/table';
import { touchpointsTable } from '../tables/touchpoints';

/**
 * What each kind of result needs at query time, over the alias `x` (its row):
 * whether it is visible (trashed rows stay indexed and are left out here),
 * the page that shows it as "<kind>/<id>", and a line saying what it belongs
 * to. A new kind of result is one entry here (and its source in a migration).
 */
interface ResultKind {
  table: AnyTable;
  /** Decided by the table's own live rule (tables/live.ts). */
  live: string;
  page: string;
  context: string;
}

const OPENING_NAME = (openingId: string) => `(SELECT o.role || ' · ' || c.name FROM openings o JOIN companies c ON c.id = o.company_id WHERE o.id = ${openingId})`;

const RESULT_KINDS: Record<SearchKind, ResultKind> = {
  note: {
    table: notesTable,
    live: live(notesTable, 'x'),
    // A note shows on its parent's page.
    page: `x.parent_type || '/' || x.parent_id`,
    context: `CASE x.parent_type
      WHEN 'opening' THEN ${OPENING_NAME('x.parent_id')}
      WHEN 'interview' THEN ${OPENING_NAME('(SELECT opening_id FROM interviews WHERE id = x.parent_id)')}
      WHEN 'company' THEN (SELECT name FROM companies WHERE id = x.parent_id)
      WHEN 'contact' THEN (SELECT name FROM contacts WHERE id = x.parent_id) END`,
  },
  letter: { table: lettersTable, live: live(lettersTable, 'x'), page: `'letter/' || x.id`, context: OPENING_NAME('x.opening_id') },
  opening: { table: openingsTable, live: live(openingsTable, 'x'), page: `'opening/' || x.id`, context: 'NULL' },
  company: { table: companiesTable, live: live(companiesTable, 'x'), page: `'company/' || x.id`, context: 'NULL' },
  contact: { table: contactsTable, live: live(contactsTable, 'x'), page: `'contact/' || x.id`, context: 'NULL' },
  // Research shows on its company's page.
  research: { table: researchTable, live: live(researchTable, 'x'), page: `'company/' || x.company_id`, context: '(SELECT name FROM companies WHERE id = x.company_id)' },
  interview: { table: interviewsTable, live: live(interviewsTable, 'x'), page: `'interview/' || x.id`, context: OPENING_NAME('x.opening_id') },
  // A touchpoint shows in its opening's log, or its contact's when it was about no opening.
  touchpoint: {
    table: touchpointsTable,
    live: live(touchpointsTable, 'x'),
    page: `CASE WHEN x.opening_id IS NOT NULL THEN 'opening/' || x.opening_id WHEN x.contact_id IS NOT NULL THEN 'contact/' || x.contact_id ELSE 'today/' END`,
    context: `coalesce(${OPENING_NAME('x.opening_id')}, '')`,
  },
  reference: { table: referencesTable, live: live(referencesTable, 'x'), page: `'reference/' || x.id`, context: 'nullif(x.relationship, \'\')' },
};

/** One CASE over the result's kind, reading `expression` from its row. */
function byKind(expression: (kind: ResultKind) => string, otherwise: string): string {
  const branches = Object.entries(RESULT_KINDS).map(
    ([kind, rule]) => `WHEN '${kind}' THEN (SELECT ${expression(rule)} FROM ${rule.table.quoted} x WHERE x.id = d.ref_id)`,
  );
  return `(CASE d.kind ${branches.join(' ')} ELSE ${otherwise} END)`;
}

/** Whether the indexed row is visible. */
const LIVE = byKind((rule) => `(${rule.live})`, '0') + ' IS 1';
const TARGET = byKind((rule) => rule.page, "''");
const CONTEXT = byKind((rule) => rule.context, 'NULL');

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

const PAGES: Record<string, string> = { opening: 'openings', interview: 'interviews', company: 'companies', contact: 'contacts', letter: 'letters', reference: 'references' };

/** The parts of an interview's indexed text, with the names its page gives them. */
const INTERVIEW_FIELDS = [
  ['location', 'Where'],
  ['next_step', 'Next step'],
  ['impressions', 'Impressions'],
  ['concerns', 'Concerns'],
  ['questions', 'Open questions'],
  ['learned', 'What you learned'],
] as const;
type InterviewText = Record<(typeof INTERVIEW_FIELDS)[number][0], string | null>;

function routeOf(target: string): string {
  const [kind = '', id = ''] = target.split('/');
  return `/${PAGES[kind] ?? 'today'}/${id}`;
}

export function createSearchRepository(db: Db) {
  const anyMatch = db.prepare<{ match: string; limit: number; start: string; end: string }, Row>(ANY_MATCH);
  const titleMatch = db.prepare<{ match: string; limit: number; start: string; end: string }, Row>(TITLE_MATCH);
  const bodyHead = db.prepare<{ doc: number; chars: number }, string>('SELECT substr(c1, 1, @chars) FROM search_fts_content WHERE id = @doc').pluck();
  const wholeBody = db.prepare<[number], string>('SELECT c1 FROM search_fts_content WHERE id = ?').pluck();
  const contextOf = db.prepare<[number], string | null>(`SELECT ${CONTEXT} FROM search_docs d WHERE d.id = ?`).pluck();
  const interviewText = db.prepare<[string], InterviewText>(`SELECT ${INTERVIEW_FIELDS.map(([column]) => column).join(', ')} FROM interviews WHERE id = ?`);

  /**
   * An interview's snippet from the part of the debrief that matched, named:
   * "Concerns: …the [relocation] budget…". Null when only its title matched.
   */
  function interviewSnippet(id: string, matcher: RegExp | null): string | null {
    const text = matcher && interviewText.get(id);
    if (!text) return null;
    for (const [column, label] of INTERVIEW_FIELDS) {
      const value = text[column];
      if (value && firstMatch(value, matcher) >= 0) return `${label}: ${snippetAround(value, matcher, true)}`;
    }
    return null;
  }

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
        const snippet =
          (row.kind === 'interview' ? interviewSnippet(row.id, wordMatcher(terms)) : null) ?? (row.long ? longSnippet(row.doc, wordMatcher(terms)) : (row.snippet ?? ''));
        results.push({ kind: row.kind, id: row.id, title: row.title, snippet, context: contextOf.get(row.doc) ?? '', route: routeOf(row.target) });
      }
      return results;
    },
  };
}
export type SearchRepository = ReturnType<typeof createSearchRepository>;
