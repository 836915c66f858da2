import { INTERVIEW_FORMAT_LABELS } from '#shared/domain/interview';
import { LETTER_KIND_LABELS } from '#shared/domain/letter';
import type { DocNode } from '#shared/domain/note';
import type { Db } from '#core/vault/db';
import {
  briefRows, companyRows, contactRows, interviewRows, letterRows, nameRows, noteRows, openingRows,
  type InterviewRow, type NoteRecord, type RowPages,
} from '#core/vault/read-models/export-rows';
import { companiesTable, companyMarkdown } from '#core/vault/tables/companies';
import { contactMarkdown, contactsTable } from '#core/vault/tables/contacts';
import { frontMatterEntries } from '#core/vault/tables/formats';
import { interviewMarkdown, interviewsTable } from '#core/vault/tables/interviews';
import { letterMarkdown, lettersTable } from '#core/vault/tables/letters';
import { noteMarkdown, notesTable } from '#core/vault/tables/notes';
import { openingFormats, openingsTable } from '#core/vault/tables/openings';
import { briefMarkdown, openingReferencesTable } from '#core/vault/tables/references';
import { docToMarkdown, markdownHeading, plainTextMarkdown } from '../doc-markdown';
import { escapeText } from '../markdown-inline';
import { declaredFields } from './declared-fields';
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

/**
 * Names and liveness of the things notes hang on, loaded once: a few tens of
 * thousands of short rows, read a page at a time with `between` in between.
 */
export async function loadNames(db: Db, between: () => Promise<void>): Promise<Names> {
  const rows = await nameRows(db, between);
  const companies = new Map(rows.companies.map((row) => [row.id, { id: row.id, name: row.name }]));
  const openings = new Map(
    rows.openings.map((row) => {
      const company = companies.get(row.companyId) ?? { id: row.companyId, name: '' };
      return [row.id, { id: row.id, name: `${row.role} at ${company.name}`, role: row.role, company }] as const;
    }),
  );
  const interviews = new Map(
    rows.interviews
      .filter((row) => openings.has(row.openingId))
      .map((row) => [row.id, { id: row.id, name: row.title?.trim() || `Round ${row.round}`, openingId: row.openingId }] as const),
  );
  const contacts = new Map(
    rows.contacts.map((row) => [
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

/** A kind of row, turned into files page by page. */
function paged<R extends { rowid: number }>(rows: RowPages<R>, toFile: (row: R) => MarkdownFile | null, folder: string): MarkdownSource {
  return {
    folder,
    count: rows.count,
    page(afterRowid, limit) {
      const page = rows.page(afterRowid, limit);
      return { lastRowid: page.length ? page[page.length - 1]!.rowid : afterRowid, files: page.map(toFile) };
    },
  };
}

export type { NoteRecord };

/** Each format's front matter entries, computed once. Notes are read as stored (the JSON dump's rows), the rest by key. */
const NOTE_FRONT_MATTER = frontMatterEntries(notesTable, noteMarkdown.frontMatter, 'stored');
const OPENING_FRONT_MATTER = frontMatterEntries(openingsTable, openingFormats.frontMatter);
const COMPANY_FRONT_MATTER = frontMatterEntries(companiesTable, companyMarkdown.frontMatter);
const CONTACT_FRONT_MATTER = frontMatterEntries(contactsTable, contactMarkdown.frontMatter);
const INTERVIEW_FRONT_MATTER = frontMatterEntries(interviewsTable, interviewMarkdown.frontMatter);
const LETTER_FRONT_MATTER = frontMatterEntries(lettersTable, letterMarkdown.frontMatter);
const BRIEF_FRONT_MATTER = frontMatterEntries(openingReferencesTable, briefMarkdown.frontMatter);
/** The debrief's answers, written as sections of the interview's file. */
const DEBRIEF_SECTIONS = Object.entries(interviewMarkdown.sections ?? {}) as [keyof InterviewRow, string][];

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
  const header = frontMatter(
    declaredFields(NOTE_FRONT_MATTER, row, { opening: link(opening), interview: link(interview), company: link(company), contact: link(contact) }),
  );
  return { folder: 'notes', stem: title, content: `${header}\n${heading(title)}\n\n${markdownOf(row.doc)}` };
}

/** Every note not in the trash as Markdown; the export reads them with the JSON dump instead when its sink allows. */
export function noteSource(db: Db, names: Names): MarkdownSource {
  return paged(
    noteRows(db),
    (row) => noteFile(names, row),
    'notes',
  );
}

export function openingSource(db: Db): MarkdownSource {
  return paged(
    openingRows(db),
    (row) => ({
      folder: 'openings',
      stem: `${row.companyName} - ${row.role}`,
      content: `${frontMatter(declaredFields(OPENING_FRONT_MATTER, row))}\n${heading(`${row.role} at ${row.companyName}`)}\n`,
    }),
    'openings',
  );
}

export function companySource(db: Db): MarkdownSource {
  return paged(
    companyRows(db),
    (row) => ({
      folder: 'companies',
      stem: row.name,
      content: `${frontMatter(declaredFields(COMPANY_FRONT_MATTER, row))}\n${heading(row.name)}\n`,
    }),
    'companies',
  );
}

export function contactSource(db: Db, names: Names): MarkdownSource {
  return paged(
    contactRows(db),
    (row) => {
      // Their card photos, shown from the export's attachments folder.
      const cards = (JSON.parse(row.cards) as { file: string; name: string }[]).map(
        (card) => `![${escapeText(`Business card (${card.name})`)}](../${ATTACHMENTS_FOLDER}/${card.file})`,
      );
      return {
        folder: 'contacts',
        stem: row.name,
        content: `${frontMatter(declaredFields(CONTACT_FRONT_MATTER, row, { companyId: link(names.company(row.companyId)) }))}\n${heading(row.name)}\n${cards.length ? `\n## Business cards\n\n${cards.join('\n\n')}\n` : ''}`,
      };
    },
    'contacts',
  );
}

export function interviewSource(db: Db, names: Names): MarkdownSource {
  return paged(
    interviewRows(db),
    (row) => {
      const opening = names.opening(row.openingId);
      if (!opening) return null;
      const kind = row.title?.trim() || `${INTERVIEW_FORMAT_LABELS[row.format]} interview, round ${row.round}`;
      const debrief = DEBRIEF_SECTIONS.filter(([key]) => String(row[key]).trim() !== '').map(([key, label]) => `## ${label}\n\n${plainTextMarkdown(String(row[key]))}`);
      return {
        folder: 'interviews',
        stem: `${opening.company.name} - ${opening.role} - round ${row.round}`,
        content: `${frontMatter(
          declaredFields(INTERVIEW_FRONT_MATTER, row, { title: kind, openingId: link(opening), company: link(opening.company), team: JSON.parse(row.team) as string[] }),
        )}\n${heading(`${kind} – ${opening.name}`)}\n${debrief.length ? `\n${debrief.join('\n')}` : ''}`,
      };
    },
    'interviews',
  );
}

export function letterSource(db: Db, names: Names): MarkdownSource {
  return paged(
    letterRows(db),
    (row) => {
      const opening = names.opening(row.openingId);
      const interview = row.interviewId ? names.interview(row.interviewId) : undefined;
      if (!opening || (row.interviewId && !interview)) return null;
      const what = LETTER_KIND_LABELS[row.kind];
      return {
        folder: 'letters',
        stem: `${what} to ${row.recipientName} - ${opening.company.name}`,
        content: `${frontMatter(
          declaredFields(LETTER_FRONT_MATTER, row, { openingId: link(opening), interviewId: link(interview), company: link(opening.company) }),
        )}\n${heading(row.subject.trim() || `${what} to ${row.recipientName}`)}\n\n${markdownOf(row.doc)}`,
      };
    },
    'letters',
  );
}

export function briefSource(db: Db, names: Names): MarkdownSource {
  return paged(
    briefRows(db),
    (row) => {
      const opening = names.opening(row.openingId);
      if (!opening) return null;
      return {
        folder: 'briefs',
        stem: `Reference brief - ${row.referenceName} - ${opening.company.name}`,
        content: `${frontMatter(
          declaredFields(BRIEF_FRONT_MATTER, row, {
            referenceId: { id: row.referenceId, name: row.referenceName },
            openingId: link(opening),
            company: link(opening.company),
          }),
        )}\n${heading(`Reference brief for ${row.referenceName} – ${opening.name}`)}\n\n${markdownOf(row.briefDoc)}`,
      };
    },
    'briefs',
  );
}
