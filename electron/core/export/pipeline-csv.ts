import type { ExportedFile } from '#shared/domain/document-export';
import type { OpeningSummary } from '#shared/domain/opening';
import type { Db } from '../vault/db';
import { openingNoteTexts, touchpointStatsByOpening } from '../vault/read-models/opening-extras';
import { listed, readable } from '../vault/tables/formats';
import { openingFormats, openingsTable } from '../vault/tables/openings';
import { csvDocument, type CsvValue } from './csv';

/** Excel holds at most 32,767 characters in a cell; longer notes are cut there, with a mark. */
export const MAX_NOTES_CELL = 32_000;
const CUT_MARK = ' […]';

/** The opening's columns as the spreadsheet lists them (tables/openings.ts): its facts first, its timestamps after the counts. */
const COLUMNS = listed(openingsTable, openingFormats.csv);
const FACTS = COLUMNS.filter(({ column }) => column.stamp === null);
const STAMPS = COLUMNS.filter(({ column }) => column.stamp !== null);

const HEADER = [
  ...FACTS.map(({ name }) => name),
  'Interviews', 'Next interview (UTC)', 'Last interview (UTC)', 'Touchpoints', 'Last touchpoint (UTC)',
  ...STAMPS.map(({ name }) => name),
  'Notes',
];

/** A cell as a spreadsheet shows it: a company by its name, a choice by its label, an instant as a date and time. */
function cell(opening: OpeningSummary, { key, column }: (typeof COLUMNS)[number]): CsvValue {
  const value = column.nameAs ? opening[column.nameAs as keyof OpeningSummary] : opening[key];
  if (column.meaning === 'instant') return instant(value as string | null);
  return readable(column, value) as CsvValue;
}

/** Like SQLite's NOCASE: ASCII letters compare without case, everything else by code unit. */
function compareNoCase(a: string, b: string): number {
  const x = a.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  const y = b.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  return x < y ? -1 : x > y ? 1 : 0;
}

/** 2026-03-02T09:00:00.000Z → 2026-03-02 09:00, which every spreadsheet reads as a date and time. */
function instant(iso: string | null): string | null {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : null;
}

/**
 * The pipeline as a CSV: one row per opening with its facts, its interview and
 * touchpoint counts, and the plain text of every note on it or its interviews.
 */
export function pipelineCsv(db: Db, summaries: readonly OpeningSummary[], now: Date): ExportedFile {
  // The pipeline's own summaries (the same facts the Pipeline screen shows), in a spreadsheet's order.
  const openings = [...summaries].sort(
    (a, b) => compareNoCase(a.companyName, b.companyName) || compareNoCase(a.role, b.role) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const touchpoints = touchpointStatsByOpening(db);
  const notes = notesByOpening(db);
  const rows: CsvValue[][] = openings.map((o) => [
    ...FACTS.map((column) => cell(o, column)),
    o.interviewCount, instant(o.nextInterviewAt), instant(o.lastInterviewAt), touchpoints.get(o.id)?.count ?? 0, instant(touchpoints.get(o.id)?.last ?? null),
    ...STAMPS.map((column) => cell(o, column)),
    notes.get(o.id) ?? null,
  ]);
  return {
    fileName: `Afterview pipeline ${now.toISOString().slice(0, 10)}.csv`,
    mimeType: 'text/csv',
    dataBase64: csvDocument(HEADER, rows).toString('base64'),
  };
}

/** Each opening's notes (and its interviews' notes), oldest first, as "Title\ntext" blocks; at most one cell's worth. */
function notesByOpening(db: Db): Map<string, string> {
  const joined = new Map<string, string>();
  for (const row of openingNoteTexts(db, MAX_NOTES_CELL)) {
    const previous = joined.get(row.openingId);
    if (previous !== undefined && previous.length >= MAX_NOTES_CELL) continue;
    const block = [row.title.trim(), row.text.trim()].filter((part) => part !== '').join('\n');
    if (block === '') continue;
    const next = previous === undefined ? block : `${previous}\n\n${block}`;
    joined.set(row.openingId, next.length > MAX_NOTES_CELL ? next.slice(0, MAX_NOTES_CELL - CUT_MARK.length) + CUT_MARK : next);
  }
  return joined;
}
