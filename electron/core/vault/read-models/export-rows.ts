import type { InterviewFormat } from '#shared/domain/interview';
import type { Db } from '../db';
import { cardsTable, contactsTable } from '../tables/contacts';
import { interviewsTable } from '../tables/interviews';
import { lettersTable } from '../tables/letters';
import { live, notTrashed } from '../tables/live';
import { notesTable } from '../tables/notes';
import { openingsTable } from '../tables/openings';
import { referencesTable } from '../tables/references';
import { selectList } from '../tables/sql';
import type { Row } from '../tables/table';

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

/** A row of the notes table as it is stored (the JSON dump reads the same rows). */
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

export const noteRows = (db: Db) =>
  rowPages<NoteRecord & { rowid: number }>(
    db,
    'x.id, x.parent_type, x.parent_id, x.title, x.doc, x.created_at, x.updated_at',
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

export type CompanyRow = { rowid: number; id: string; name: string; website: string | null; createdAt: string; updatedAt: string };
export const companyRows = (db: Db) => rowPages<CompanyRow>(db, 'x.id, x.name, x.website, x.created_at AS createdAt, x.updated_at AS updatedAt', 'companies x', '1 = 1');

export type ContactRow = {
  rowid: number; id: string; name: string; title: string | null; companyId: string | null; email: string | null; phone: string | null;
  linkedinUrl: string | null; createdAt: string; updatedAt: string;
  /** JSON: the contact's card photos, [{ file, name }], oldest first. */
  cards: string;
};
export const contactRows = (db: Db) =>
  rowPages<ContactRow>(
    db,
    `x.id, x.name, x.title, x.company_id AS companyId, x.email, x.phone, x.linkedin_url AS linkedinUrl,
      x.created_at AS createdAt, x.updated_at AS updatedAt,
      (SELECT json_group_array(json_object('file', file_name, 'name', original_name)) FROM (SELECT k.file_name, k.original_name FROM cards k
        WHERE k.contact_id = x.id AND ${notTrashed(cardsTable, 'k')} ORDER BY k.created_at, k.id)) AS cards`,
    'contacts x',
    notTrashed(contactsTable, 'x')!,
    contactsTable.sql(contactsTable.trashColumn!),
  );

export interface InterviewRow {
  rowid: number;
  id: string;
  openingId: string;
  round: number;
  title: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  format: InterviewFormat;
  location: string | null;
  meetingUrl: string | null;
  /** JSON: the names of the live people on its team, in order. */
  team: string;
  nextStep: string;
  impressions: string;
  concerns: string;
  questions: string;
  learned: string;
}
export const interviewRows = (db: Db) =>
  rowPages<InterviewRow>(
    db,
    `x.id, x.opening_id AS openingId, x.round, x.title, x.starts_at AS startsAt, x.ends_at AS endsAt,
      x.time_zone AS timeZone, x.format, x.location, x.meeting_url AS meetingUrl,
      (SELECT json_group_array(name) FROM (SELECT p.name FROM interview_team t JOIN contacts p ON p.id = t.contact_id
        WHERE t.interview_id = x.id AND ${live(contactsTable, 'p')} ORDER BY t.position)) AS team,
      x.next_step AS nextStep, x.impressions, x.concerns, x.questions, x.learned`,
    'interviews x',
    notTrashed(interviewsTable, 'x')!,
    interviewsTable.sql(interviewsTable.trashColumn!),
  );

export type LetterRow = {
  rowid: number; id: string; kind: 'thank_you' | 'rejection'; openingId: string; interviewId: string | null; recipientName: string;
  subject: string; doc: string; status: string; sentAt: string | null; createdAt: string; updatedAt: string;
};
export const letterRows = (db: Db) =>
  rowPages<LetterRow>(
    db,
    `x.id, x.kind, x.opening_id AS openingId, x.interview_id AS interviewId, x.recipient_name AS recipientName, x.subject, x.doc,
      x.status, x.sent_at AS sentAt, x.created_at AS createdAt, x.updated_at AS updatedAt`,
    'letters x',
    notTrashed(lettersTable, 'x')!,
    lettersTable.sql(lettersTable.trashColumn!),
  );

export type BriefRow = { rowid: number; openingId: string; referenceId: string; referenceName: string; doc: string; briefedAt: string | null; updatedAt: string };
export const briefRows = (db: Db) =>
  rowPages<BriefRow>(
    db,
    `x.opening_id AS openingId, x.reference_id AS referenceId, r.name AS referenceName, x.brief_doc AS doc,
      x.briefed_at AS briefedAt, x.updated_at AS updatedAt`,
    'opening_references x JOIN "references" r ON r.id = x.reference_id',
    live(referencesTable, 'r'),
  );

/** Every card photo's file name, trash included (the export copies the attachments folder as it is). */
export function cardFileNames(db: Db): string[] {
  return db
    .prepare<[], { fileName: string }>('SELECT file_name AS fileName FROM cards ORDER BY rowid')
    .all()
    .map((row) => row.fileName);
}
