import { INTERVIEW_FORMAT_LABELS, type InterviewFormat } from '../../../../shared/domain/interview';
import type { DocNode } from '../../../../shared/domain/note';
import type { Db } from '../../vault/connection';
import { listed, readable } from '../../vault/tables/formats';
import { live } from '../../vault/tables/live';
import { openingFormats, openingsTable } from '../../vault/tables/openings';
import { selectList } from '../../vault/tables/sql';
import type { Row } from '../../vault/tables/table';
import { docToMarkdown, markdownHeading, plainTextMarkdown } from '../doc-markdown';
import { escapeText } from '../markdown-inline';
import { frontMatter, type FrontMatterValue } from './front-matter';
import { ATTACHMENTS_FOLDER } from './manifest';

/** One Markdown file to write: its folder, the name it would like, and its text. */
export interface MarkdownFile {
  folder: string;
  stem: string;
  content: string;
}

/** A kind of thing exported as Markdown, read page by page so no read holds the vault for long. */
export interface MarkdownSource {
  folder: string;
  count(): number;
  /** Up to `limit` rows after `afterRowid`, turned into files (null for rows not shown in the app). */
  page(afterRowid: number, limit: number): { lastRowid: number; files: (MarkdownFile | null)[] };
}

type Link = { id: string; name: string };
export interface Names {
  company(id: string | null): Link | undefined;
  opening(id: string): (Link & { role: string; company: Link }) | undefined;
  interview(id: string): (Link & { openingId: string }) | undefined;
  contact(id: string): (Link & { companyId: string | null }) | undefined;
}

/** Rows per read while loading names: 20,000 contacts in one read would hold the event loop for a tenth of a second. */
const NAMES_PAGE = 2_500;

/** Every row of a small query, read in rowid pages with `between` awaited after each full page. */
async function readAll<Row extends object>(db: Db, columns: string, table: string, where: string, between: () => Promise<void>): Promise<Row[]> {
  const page = db.prepare<[number, number], Row & { __rowid: number }>(`SELECT rowid AS __rowid, ${columns} FROM ${table} WHERE ${where} AND rowid > ? ORDER BY rowid LIMIT ?`);
  const all: Row[] = [];
  for (let after = 0; ; ) {
    const rows = page.all(after, NAMES_PAGE);
    for (const row of rows) all.push(row);
    if (rows.length < NAMES_PAGE) return all;
    after = rows[rows.length - 1]!.__rowid;
    await between();
  }
}

/**
 * Names and liveness of the things notes hang on, loaded once: a few tens of
 * thousands of short rows, read a page at a time with `between` in between.
 */
export async function loadNames(db: Db, between: () => Promise<void>): Promise<Names> {
  const companies = new Map((await readAll<Link>(db, 'id, name', 'companies', '1 = 1', between)).map((row) => [row.id, { id: row.id, name: row.name }]));
  const openings = new Map(
    (await readAll<{ id: string; role: string; companyId: string }>(db, 'id, role, company_id AS companyId', 'openings', 'deleted_at IS NULL', between)).map((row) => {
      const company = companies.get(row.companyId) ?? { id: row.companyId, name: '' };
      return [row.id, { id: row.id, name: `${row.role} at ${company.name}`, role: row.role, company }] as const;
    }),
  );
  const interviews = new Map(
    (await readAll<{ id: string; openingId: string; round: number; title: string | null }>(db, 'id, opening_id AS openingId, round, title', 'interviews', 'deleted_at IS NULL', between))
      .filter((row) => openings.has(row.openingId))
      .map((row) => [row.id, { id: row.id, name: row.title?.trim() || `Round ${row.round}`, openingId: row.openingId }] as const),
  );
  const contacts = new Map(
    (await readAll<Link & { companyId: string | null }>(db, 'id, name, company_id AS companyId', 'contacts', 'deleted_at IS NULL', between)).map((row) => [
      row.id,
      { id: row.id, name: row.name, companyId: row.companyId },
    ]),
  );
  return {
    company: (id) => (id ? companies.get(id) : undefined),
    opening: (id) => openings.get(id),
    interview: (id) => interviews.get(id),
    contact: (id) => contacts.get(id),
  };
}

const link = (value: Link | undefined): FrontMatterValue | undefined => (value ? { id: value.id, name: value.name } : undefined);

/** A title as one heading line (a line break in it would end the heading), its text escaped. */
function heading(text: string): string {
  return markdownHeading(1, text.replace(/\s+/g, ' ').trim());
}

function markdownOf(doc: string): string {
  try {
    return docToMarkdown(JSON.parse(doc) as DocNode);
  } catch {
    return '';
  }
}

/** Keyset paging on rowid: each page is one short read, whatever the vault's size. */
function paged<Row extends { rowid: number }>(db: Db, columns: string, from: string, where: string, toFile: (row: Row) => MarkdownFile | null, folder: string): MarkdownSource {
  // Counting all rows minus the trashed ones uses two small indexes; a WHERE on deleted_at would read
  // past every note's text to reach the column. (The count sizes the progress bar; pages still filter.)
  const table = from.split(' ')[0]!;
  const count = db.prepare<[], { n: number }>(
    where === 'x.deleted_at IS NULL'
      ? `SELECT (SELECT COUNT(*) FROM ${table}) - (SELECT COUNT(*) FROM ${table} WHERE deleted_at IS NOT NULL) AS n`
      : `SELECT COUNT(*) AS n FROM ${from} WHERE ${where}`,
  );
  const page = db.prepare<[number, number], Row>(`SELECT x.rowid AS rowid, ${columns} FROM ${from} WHERE ${where} AND x.rowid > ? ORDER BY x.rowid LIMIT ?`);
  return {
    folder,
    count: () => count.get()!.n,
    page(afterRowid, limit) {
      const rows = page.all(afterRowid, limit);
      return { lastRowid: rows.length ? rows[rows.length - 1]!.rowid : afterRowid, files: rows.map(toFile) };
    },
  };
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

/**
 * A note as Markdown: front matter with its id, title, dates and what it
 * belongs to, then its text; null when the app does not show it.
 */
export function noteFile(names: Names, row: NoteRecord): MarkdownFile | null {
  if (row.deleted_at != null) return null;
  const interview = row.parent_type === 'interview' ? names.interview(row.parent_id) : undefined;
  const contact = row.parent_type === 'contact' ? names.contact(row.parent_id) : undefined;
  const opening = row.parent_type === 'opening' ? names.opening(row.parent_id) : interview ? names.opening(interview.openingId) : undefined;
  const company = row.parent_type === 'company' ? names.company(row.parent_id) : opening ? opening.company : names.company(contact?.companyId ?? null);
  // A note whose opening, interview or contact is in the trash is hidden in the app, and here.
  const parent = { opening, interview, contact, company }[row.parent_type];
  if (!parent) return null;
  const title = row.title.trim() || 'Untitled note';
  const header = frontMatter({
    id: row.id,
    title: row.title,
    created: row.created_at,
    updated: row.updated_at,
    attached_to: row.parent_type,
    opening: link(opening),
    interview: link(interview),
    company: link(company),
    contact: link(contact),
  });
  return { folder: 'notes', stem: title, content: `${header}\n${heading(title)}\n\n${markdownOf(row.doc)}` };
}

/** Every note not in the trash as Markdown; the export reads them with the JSON dump instead when its sink allows. */
export function noteSource(db: Db, names: Names): MarkdownSource {
  return paged<NoteRecord & { rowid: number }>(
    db,
    'x.id, x.parent_type, x.parent_id, x.title, x.doc, x.created_at, x.updated_at',
    'notes x',
    'x.deleted_at IS NULL',
    (row) => noteFile(names, row),
    'notes',
  );
}

/** The opening's front matter as its declaration lists it (tables/openings.ts), computed once. */
const OPENING_FRONT_MATTER = listed(openingsTable, openingFormats.frontMatter);
type OpeningRow = Row<typeof openingsTable> & { rowid: number; companyName: string };

/** A front matter value: a reference as the id and name of what it names, a choice by its label. */
function frontMatterValue(row: OpeningRow, { key, column }: (typeof OPENING_FRONT_MATTER)[number]): FrontMatterValue {
  if (column.nameAs) return { id: row[key] as string, name: row[column.nameAs as keyof OpeningRow] as string };
  return readable(column, row[key]) as FrontMatterValue;
}

export function openingSource(db: Db): MarkdownSource {
  return paged<OpeningRow>(
    db,
    `${selectList(openingsTable, 'x')}, (SELECT name FROM companies WHERE id = x.company_id) AS companyName`,
    `openings x`,
    live(openingsTable, 'x'),
    (row) => ({
      folder: 'openings',
      stem: `${row.companyName} - ${row.role}`,
      content: `${frontMatter(Object.fromEntries(OPENING_FRONT_MATTER.map((column) => [column.name, frontMatterValue(row, column)])))}\n${heading(`${row.role} at ${row.companyName}`)}\n`,
    }),
    'openings',
  );
}

export function companySource(db: Db): MarkdownSource {
  return paged<{ rowid: number; id: string; name: string; website: string | null; createdAt: string; updatedAt: string }>(
    db,
    'x.id, x.name, x.website, x.created_at AS createdAt, x.updated_at AS updatedAt',
    'companies x',
    '1 = 1',
    (row) => ({
      folder: 'companies',
      stem: row.name,
      content: `${frontMatter({ id: row.id, name: row.name, website: row.website, created: row.createdAt, updated: row.updatedAt })}\n${heading(row.name)}\n`,
    }),
    'companies',
  );
}

export function contactSource(db: Db, names: Names): MarkdownSource {
  return paged<{ rowid: number; id: string; name: string; title: string | null; companyId: string | null; email: string | null; phone: string | null; linkedinUrl: string | null; createdAt: string; updatedAt: string; cards: string }>(
    db,
    `x.id, x.name, x.title, x.company_id AS companyId, x.email, x.phone, x.linkedin_url AS linkedinUrl,
      x.created_at AS createdAt, x.updated_at AS updatedAt,
      (SELECT json_group_array(json_object('file', file_name, 'name', original_name)) FROM (SELECT k.file_name, k.original_name FROM cards k
        WHERE k.contact_id = x.id AND k.deleted_at IS NULL ORDER BY k.created_at, k.id)) AS cards`,
    `contacts x`,
    'x.deleted_at IS NULL',
    (row) => {
      // Their card photos, shown from the export's attachments folder.
      const cards = (JSON.parse(row.cards) as { file: string; name: string }[]).map(
        (card) => `![${escapeText(`Business card (${card.name})`)}](../${ATTACHMENTS_FOLDER}/${card.file})`,
      );
      return {
        folder: 'contacts',
        stem: row.name,
        content: `${frontMatter({
          id: row.id,
          name: row.name,
          title: row.title,
          company: link(names.company(row.companyId)),
          email: row.email,
          phone: row.phone,
          linkedin: row.linkedinUrl,
          created: row.createdAt,
          updated: row.updatedAt,
        })}\n${heading(row.name)}\n${cards.length ? `\n## Business cards\n\n${cards.join('\n\n')}\n` : ''}`,
      };
    },
    'contacts',
  );
}

interface InterviewRow {
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
  team: string;
  nextStep: string;
  impressions: string;
  concerns: string;
  questions: string;
  learned: string;
}

const DEBRIEF: [keyof InterviewRow, string][] = [
  ['nextStep', 'Next step'],
  ['impressions', 'Impressions'],
  ['concerns', 'Concerns'],
  ['questions', 'Questions'],
  ['learned', 'What I learned'],
];

export function interviewSource(db: Db, names: Names): MarkdownSource {
  return paged<InterviewRow>(
    db,
    `x.id, x.opening_id AS openingId, x.round, x.title, x.starts_at AS startsAt, x.ends_at AS endsAt,
      x.time_zone AS timeZone, x.format, x.location, x.meeting_url AS meetingUrl,
      (SELECT json_group_array(name) FROM (SELECT p.name FROM interview_team t JOIN contacts p ON p.id = t.contact_id
        WHERE t.interview_id = x.id AND p.deleted_at IS NULL ORDER BY t.position)) AS team,
      x.next_step AS nextStep, x.impressions, x.concerns, x.questions, x.learned`,
    `interviews x`,
    'x.deleted_at IS NULL',
    (row) => {
      const opening = names.opening(row.openingId);
      if (!opening) return null;
      const kind = row.title?.trim() || `${INTERVIEW_FORMAT_LABELS[row.format]} interview, round ${row.round}`;
      const debrief = DEBRIEF.filter(([key]) => String(row[key]).trim() !== '').map(([key, label]) => `## ${label}\n\n${plainTextMarkdown(String(row[key]))}`);
      return {
        folder: 'interviews',
        stem: `${opening.company.name} - ${opening.role} - round ${row.round}`,
        content: `${frontMatter({
          id: row.id,
          title: kind,
          opening: link(opening),
          company: link(opening.company),
          starts: row.startsAt,
          ends: row.endsAt,
          time_zone: row.timeZone,
          format: INTERVIEW_FORMAT_LABELS[row.format],
          location: row.location,
          meeting_link: row.meetingUrl,
          team: JSON.parse(row.team) as string[],
        })}\n${heading(`${kind} – ${opening.name}`)}\n${debrief.length ? `\n${debrief.join('\n')}` : ''}`,
      };
    },
    'interviews',
  );
}

export function letterSource(db: Db, names: Names): MarkdownSource {
  return paged<{ rowid: number; id: string; kind: 'thank_you' | 'rejection'; openingId: string; interviewId: string | null; recipientName: string; subject: string; doc: string; status: string; sentAt: string | null; createdAt: string; updatedAt: string }>(
    db,
    `x.id, x.kind, x.opening_id AS openingId, x.interview_id AS interviewId, x.recipient_name AS recipientName, x.subject, x.doc,
      x.status, x.sent_at AS sentAt, x.created_at AS createdAt, x.updated_at AS updatedAt`,
    `letters x`,
    'x.deleted_at IS NULL',
    (row) => {
      const opening = names.opening(row.openingId);
      const interview = row.interviewId ? names.interview(row.interviewId) : undefined;
      if (!opening || (row.interviewId && !interview)) return null;
      const what = row.kind === 'thank_you' ? 'Thank-you note' : 'Reply to a rejection';
      return {
        folder: 'letters',
        stem: `${what} to ${row.recipientName} - ${opening.company.name}`,
        content: `${frontMatter({
          id: row.id,
          kind: what,
          to: row.recipientName,
          subject: row.subject,
          status: row.status,
          sent: row.sentAt,
          opening: link(opening),
          interview: link(interview),
          company: link(opening.company),
          created: row.createdAt,
          updated: row.updatedAt,
        })}\n${heading(row.subject.trim() || `${what} to ${row.recipientName}`)}\n\n${markdownOf(row.doc)}`,
      };
    },
    'letters',
  );
}

export function briefSource(db: Db, names: Names): MarkdownSource {
  return paged<{ rowid: number; openingId: string; referenceId: string; referenceName: string; doc: string; briefedAt: string | null; updatedAt: string }>(
    db,
    `x.opening_id AS openingId, x.reference_id AS referenceId, r.name AS referenceName, x.brief_doc AS doc,
      x.briefed_at AS briefedAt, x.updated_at AS updatedAt`,
    `opening_references x JOIN "references" r ON r.id = x.reference_id`,
    'r.deleted_at IS NULL',
    (row) => {
      const opening = names.opening(row.openingId);
      if (!opening) return null;
      return {
        folder: 'briefs',
        stem: `Reference brief - ${row.referenceName} - ${opening.company.name}`,
        content: `${frontMatter({
          reference: { id: row.referenceId, name: row.referenceName },
          opening: link(opening),
          company: link(opening.company),
          sent: row.briefedAt,
          updated: row.updatedAt,
        })}\n${heading(`Reference brief for ${row.referenceName} – ${opening.name}`)}\n\n${markdownOf(row.doc)}`,
      };
    },
    'briefs',
  );
}
