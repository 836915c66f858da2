import type { Db } from '../db';
import { companiesTable, companyMarkdown } from '../tables/companies';
import { cardsTable, contactMarkdown, contactsTable } from '../tables/contacts';
import { markdownKeys, type MarkdownFormat } from '../tables/formats';
import { interviewMarkdown, interviewsTable } from '../tables/interviews';
import { letterMarkdown, lettersTable } from '../tables/letters';
import { live, notTrashed } from '../tables/live';
import { noteMarkdown, notesTable } from '../tables/notes';
import { openingsTable } from '../tables/openings';
import { briefMarkdown, openingReferencesTable, referencesTable } from '../tables/references';
import { columnList, selectList } from '../tables/sql';
import type { AnyTable, ColumnKey, Row, Values } from '../tables/table';

/**
 * The rows the whole-vault export writes as Markdown, each kind read in rowid
 * pages so no read holds the vault for long. The export (export/vault)
 * decides how each row reads; this decides which rows are live and how they
 * are fetched.
 */

/** A kind of row read page by page. */
export interface RowPages<R extends { rowid: number }> {
  count(): number;
  /** Up to `limit` rows after `afterRowid`, in rowid order. */
  page(afterRowid: number, limit: number): R[];
}

/** Keyset paging on rowid: each page is one short read, whatever the vault's size. */
function rowPages<R extends { rowid: number }>(db: Db, columns: string, from: string, where: string, trashed?: string): RowPages<R> {
  // Counting all rows minus the trashed ones uses two small indexes; a WHERE on deleted_at would read
  // past every note's text to reach the column. (The count sizes the progress bar; pages still filter.)
  const table = from.split(' ')[0]!;
  const count = db.prepare<[], { n: number }>(
    trashed
      ? `SELECT (SELECT COUNT(*) FROM ${table}) - (SELECT COUNT(*) FROM ${table} WHERE ${trashed} IS NOT NULL) AS n`
      : `SELECT COUNT(*) AS n FROM ${from} WHERE ${where}`,
  );
  const page = db.prepare<[number, number], R>(`SELECT x.rowid AS rowid, ${columns} FROM ${from} WHERE ${where} AND x.rowid > ? ORDER BY x.rowid LIMIT ?`);
  return { count: () => count.get()!.n, page: (afterRowid, limit) => page.all(afterRowid, limit) };
}

/**
 * The columns a kind of Markdown file reads: those its own code uses (`used`,
 * for its name, heading and body) and every one its format lists, so a column
 * added to the format is read without a change here.
 */
function markdownColumns<T extends AnyTable>(table: T, format: MarkdownFormat<T, string>, used: readonly ColumnKey<T>[]): ColumnKey<T>[] {
  return [...new Set([...used, ...markdownKeys(table, format)])];
}

/** A row read for a Markdown file: the columns its code uses, typed; the format's others, read by the format. */
type MarkdownRow<T extends AnyTable, K extends ColumnKey<T>> = Values<T, K> & { rowid: number };

/** Rows per read while loading names: 20,000 contacts in one read would hold the event loop for a tenth of a second. */
const NAMES_PAGE = 2_500;

/** Every row of a small query, read in rowid pages with `between` awaited after each full page. */
async function readAll<R extends object>(db: Db, columns: string, from: string, where: string, between: () => Promise<void>): Promise<R[]> {
  const page = db.prepare<[number, number], R & { __rowid: number }>(`SELECT rowid AS __rowid, ${columns} FROM ${from} WHERE ${where} AND rowid > ? ORDER BY rowid LIMIT ?`);
  const all: R[] = [];
  for (let after = 0; ; ) {
    const rows = page.all(after, NAMES_PAGE);
    for (const row of rows) all.push(row);
    if (rows.length < NAMES_PAGE) return all;
    after = rows[rows.length - 1]!.__rowid;
    await between();
  }
}

export interface NameRows {
  companies: { id: string; name: string }[];
  openings: { id: string; role: string; companyId: string }[];
  interviews: { id: string; openingId: string; round: number; title: string | null }[];
  contacts: { id: string; name: string; companyId: string | null }[];
}

/**
 * The names of the things notes hang on, their own trash mark checked (a
 * parent's is checked by whoever joins them): a few tens of thousands of
 * short rows, read a page at a time with `between` in between.
 */
export async function nameRows(db: Db, between: () => Promise<void>): Promise<NameRows> {
  const companies = await readAll<NameRows['companies'][number]>(db, 'id, name', 'companies', '1 = 1', between);
  const openings = await readAll<NameRows['openings'][number]>(db, 'id, role, company_id AS companyId', 'openings o', notTrashed(openingsTable)!, between);
  const interviews = await readAll<NameRows['interviews'][number]>(db, 'id, opening_id AS openingId, round, title', 'interviews i', notTrashed(interviewsTable)!, between);
  const contacts = await readAll<NameRows['contacts'][number]>(db, 'id, name, company_id AS companyId', 'contacts ct', notTrashed(contactsTable, 'ct')!, between);
  return { companies, openings, interviews, contacts };
}

/** A row of the notes table as it is stored, under its SQL names (the JSON dump reads the same rows). */
export interface NoteRecord {
  id: string;
  parent_type: 'opening' | 'interview' | 'company' | 'contact';
  parent_id: string;
  title: string;
  doc: string;
  created_at: string;
  updated_at: string;
  deleted_at?: string | null;
}

const NOTE_USED = ['id', 'parentType', 'parentId', 'title', 'doc'] as const;
export const noteRows = (db: Db) =>
  rowPages<NoteRecord & { rowid: number }>(
    db,
    columnList(notesTable, 'x', markdownColumns(notesTable, noteMarkdown, NOTE_USED)),
    'notes x',
    notTrashed(notesTable, 'x')!,
    notesTable.sql(notesTable.trashColumn!),
  );

export type OpeningRow = Row<typeof openingsTable> & { rowid: number; companyName: string };
export const openingRows = (db: Db) =>
  rowPages<OpeningRow>(
    db,
    `${selectList(openingsTable, 'x')}, (SELECT name FROM companies WHERE id = x.company_id) AS companyName`,
    'openings x',
    live(openingsTable, 'x'),
    openingsTable.sql(openingsTable.trashColumn!),
  );

const COMPANY_USED = ['name'] as const;
export type CompanyRow = MarkdownRow<typeof companiesTable, (typeof COMPANY_USED)[number]>;
export const companyRows = (db: Db) =>
  rowPages<CompanyRow>(db, selectList(companiesTable, 'x', markdownColumns(companiesTable, companyMarkdown, COMPANY_USED)), 'companies x', '1 = 1');

const CONTACT_USED = ['name', 'companyId'] as const;
export type ContactRow = MarkdownRow<typeof contactsTable, (typeof CONTACT_USED)[number]> & {
  /** JSON: the contact's card photos, [{ file, name }], oldest first. */
  cards: string;
};
export const contactRows = (db: Db) =>
  rowPages<ContactRow>(
    db,
    `${selectList(contactsTable, 'x', markdownColumns(contactsTable, contactMarkdown, CONTACT_USED))},
      (SELECT json_group_array(json_object('file', file_name, 'name', original_name)) FROM (SELECT k.file_name, k.original_name FROM cards k
        WHERE k.contact_id = x.id AND ${notTrashed(cardsTable, 'k')} ORDER BY k.created_at, k.id)) AS cards`,
    'contacts x',
    notTrashed(contactsTable, 'x')!,
    contactsTable.sql(contactsTable.trashColumn!),
  );

const INTERVIEW_USED = ['id', 'openingId', 'round', 'title', 'format'] as const;
export type InterviewRow = MarkdownRow<typeof interviewsTable, (typeof INTERVIEW_USED)[number]> & {
  /** JSON: the names of the live people on its team, in order. */
  team: string;
};
export const interviewRows = (db: Db) =>
  rowPages<InterviewRow>(
    db,
    `${selectList(interviewsTable, 'x', markdownColumns(interviewsTable, interviewMarkdown, INTERVIEW_USED))},
      (SELECT json_group_array(name) FROM (SELECT p.name FROM interview_team t JOIN contacts p ON p.id = t.contact_id
        WHERE t.interview_id = x.id AND ${live(contactsTable, 'p')} ORDER BY t.position)) AS team`,
    'interviews x',
    notTrashed(interviewsTable, 'x')!,
    interviewsTable.sql(interviewsTable.trashColumn!),
  );

const LETTER_USED = ['kind', 'openingId', 'interviewId', 'recipientName', 'subject', 'doc'] as const;
export type LetterRow = Omit<MarkdownRow<typeof lettersTable, (typeof LETTER_USED)[number]>, 'doc'> & { doc: string };
export const letterRows = (db: Db) =>
  rowPages<LetterRow>(
    db,
    selectList(lettersTable, 'x', markdownColumns(lettersTable, letterMarkdown, LETTER_USED)),
    'letters x',
    notTrashed(lettersTable, 'x')!,
    lettersTable.sql(lettersTable.trashColumn!),
  );

const BRIEF_USED = ['openingId', 'referenceId', 'briefDoc'] as const;
export type BriefRow = Omit<MarkdownRow<typeof openingReferencesTable, (typeof BRIEF_USED)[number]>, 'briefDoc'> & { briefDoc: string; referenceName: string };
export const briefRows = (db: Db) =>
  rowPages<BriefRow>(
    db,
    `${selectList(openingReferencesTable, 'x', markdownColumns(openingReferencesTable, briefMarkdown, BRIEF_USED))}, r.name AS referenceName`,
    'opening_references x JOIN "references" r ON r.id = x.reference_id',
    live(referencesTable, 'r'),
  );

/** Every card photo's file name, trash included (the export copies the attachments folder as it is). */
export function cardFileNames(db: Db): string[] {
  return db
    .prepare<[], { fileName: string }>(`SELECT ${selectList(cardsTable, 'k', ['fileName'])} FROM cards k ORDER BY k.rowid`)
    .all()
    .map((row) => row.fileName);
}
