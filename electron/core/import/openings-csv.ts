import {
  CSV_IMPORT_LIMITS,
  IMPORT_FIELD_LABELS,
  REQUIRED_IMPORT_FIELDS,
  type ColumnMapping,
  type CsvFileInfo,
  type CsvImportCheck,
  type CsvImportRequest,
  type CsvImportResult,
  type ImportedRow,
  type ImportField,
  type RowIssue,
} from '#shared/domain/csv-import';
import { LIMITS, plainText } from '#shared/domain/fields';
import { notTextKindOfText, notTextMessage } from '#shared/domain/file-kind';
import type { DocNode } from '#shared/domain/note';
import { newOpeningSchema, type NewOpening, type NewOpeningInput } from '#shared/domain/opening';
import { AppError } from '../errors';
import type { Db } from '../vault/connection';
import { missing } from '../vault/missing';
import type { CompaniesRepository } from '../vault/repositories/companies';
import type { NotesRepository } from '../vault/repositories/notes';
import type { OpeningsRepository } from '../vault/repositories/openings';
import { readCurrency, readDate, readSalary, readStage } from './cell-values';
import { guessColumns } from './column-guess';
import { CsvSyntaxError, parseCsv, type CsvDelimiter, type CsvRecord } from './csv';

const DELIMITER_NAMES: Record<CsvDelimiter, CsvFileInfo['delimiter']> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };
const SAMPLE_ROWS = 3;
const NOTE_TITLE = 'Imported notes';
const notesSchema = plainText('Notes', LIMITS.longText);

interface Sheet {
  headers: string[];
  rows: CsvRecord[];
  delimiter: CsvDelimiter;
}

/** The file as a header and data rows, or a readable error naming the line at fault (or saying it is not text at all). */
function readSheet(text: string): Sheet {
  const notText = notTextKindOfText(text);
  if (notText) throw new AppError('INVALID_INPUT', notTextMessage(notText));
  let parsed;
  try {
    parsed = parseCsv(text, { maxRecords: CSV_IMPORT_LIMITS.maxRows + 1, maxCellsPerRecord: CSV_IMPORT_LIMITS.maxColumns });
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new AppError('INVALID_INPUT', error.message);
    throw error;
  }
  const [header, ...rows] = parsed.records;
  if (!header) throw new AppError('INVALID_INPUT', 'The file is empty. Choose a CSV file with a header row and one opening per row.');
  if (rows.length === 0) throw new AppError('INVALID_INPUT', 'The file has a header row but no openings below it.');
  const headers = header.cells.map((name, index) => name.trim() || `Column ${index + 1}`);
  return { headers, rows, delimiter: parsed.delimiter };
}

/** Folds case, accents and spacing, so “Société Générale” finds “societe generale”. */
export function companyMatchKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

function duplicateKey(companyName: string, role: string): string {
  return `${companyMatchKey(companyName)}\u0000${companyMatchKey(role)}`;
}

function checkMapping(columns: ColumnMapping, headers: readonly string[]): void {
  for (const field of REQUIRED_IMPORT_FIELDS) {
    if (columns[field] === null) {
      throw new AppError('INVALID_INPUT', `Choose the column that holds the ${IMPORT_FIELD_LABELS[field].toLowerCase()}.`, `columns.${field}`);
    }
  }
  for (const [field, column] of Object.entries(columns)) {
    if (column !== null && column >= headers.length) {
      throw new AppError('INVALID_INPUT', `The file has only ${headers.length} columns; the one chosen for ${IMPORT_FIELD_LABELS[field as ImportField].toLowerCase()} is not there.`, `columns.${field}`);
    }
  }
}

interface ReadyRow {
  line: number;
  opening: NewOpening;
  notes: string | null;
}

interface Checked {
  ready: ReadyRow[];
  preview: ImportedRow[];
  problems: RowIssue[];
  warnings: RowIssue[];
  newCompanies: string[];
  matchedCompanies: number;
}

export interface OpeningsCsvDeps {
  db: Db;
  companies: CompaniesRepository;
  openings: OpeningsRepository;
  notes: NotesRepository;
}

/** Importing openings from a spreadsheet: read the header, check every row, then write all of them or none. */
export function createOpeningsCsvImport({ db, companies, openings, notes }: OpeningsCsvDeps) {
  function inspect(text: string): CsvFileInfo {
    const sheet = readSheet(text);
    return {
      headers: sheet.headers,
      delimiter: DELIMITER_NAMES[sheet.delimiter],
      rowCount: sheet.rows.length,
      sample: sheet.rows.slice(0, SAMPLE_ROWS).map((row) => row.cells.slice(0, sheet.headers.length)),
      guess: guessColumns(sheet.headers),
    };
  }

  function check({ text, columns, dateOrder }: CsvImportRequest, now: string): Checked {
    const sheet = readSheet(text);
    checkMapping(columns, sheet.headers);

    const knownCompanies = new Map(companies.list().map((company) => [companyMatchKey(company.name), company.name]));
    const existing = new Set(openings.list(now).map((opening) => duplicateKey(opening.companyName, opening.role)));
    const newCompanies = new Map<string, string>();
    const matched = new Set<string>();
    const firstLineOf = new Map<string, number>();
    const result: Checked = { ready: [], preview: [], problems: [], warnings: [], newCompanies: [], matchedCompanies: 0 };

    for (const row of sheet.rows) {
      const cell = (field: ImportField) => {
        const column = columns[field];
        return column === null ? '' : (row.cells[column] ?? '');
      };
      const reasons: string[] = [];
      const extra = row.cells.slice(sheet.headers.length).filter((value) => value.trim() !== '');
      if (extra.length > 0) {
        reasons.push(`The row has ${row.cells.length} cells but the header has ${sheet.headers.length}. Is a value with a ${sheet.delimiter === '\t' ? 'tab' : `“${sheet.delimiter}”`} missing its quotes?`);
      }

      const stage = readStage(cell('stage'));
      const appliedOn = readDate(cell('appliedOn'), dateOrder, 'Applied date');
      const salary = readSalary(cell('salary'));
      const currencyColumn = readCurrency(cell('salaryCurrency'));
      for (const read of [stage, appliedOn, salary, currencyColumn]) if (!read.ok) reasons.push(read.reason);
      // A currency column wins over a symbol in the salary cell.
      const currency = (currencyColumn.ok ? currencyColumn.value : null) ?? (salary.ok ? salary.value.currency : null);

      const input: NewOpeningInput = {
        companyName: cell('companyName'),
        role: cell('role'),
        stage: stage.ok && stage.value ? stage.value : appliedOn.ok && appliedOn.value ? 'applied' : 'interested',
        appliedOn: appliedOn.ok ? appliedOn.value : null,
        source: cell('source'),
        jobUrl: cell('jobUrl'),
        location: cell('location'),
        salaryMin: salary.ok ? salary.value.min : null,
        salaryMax: salary.ok ? salary.value.max : null,
        salaryCurrency: currency,
      };
      const parsed = newOpeningSchema.safeParse(input);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) if (!reasons.includes(issue.message)) reasons.push(issue.message);
      }
      const noteText = cell('notes');
      const notesParsed = notesSchema.safeParse(noteText);
      if (!notesParsed.success) reasons.push(notesParsed.error.issues[0]!.message);

      if (reasons.length > 0 || !parsed.success) {
        result.problems.push({ line: row.line, reasons });
        continue;
      }

      // The company as the vault spells it, or as this file first did.
      const key = companyMatchKey(parsed.data.companyName);
      const known = knownCompanies.get(key);
      const companyName = known ?? newCompanies.get(key) ?? parsed.data.companyName;
      if (known) matched.add(key);
      else if (!newCompanies.has(key)) newCompanies.set(key, companyName);
      const opening = { ...parsed.data, companyName };

      const duplicate = duplicateKey(companyName, opening.role);
      if (existing.has(duplicate)) {
        result.warnings.push({ line: row.line, reasons: [`${opening.role} at ${companyName} is already in your pipeline; this adds a second one.`] });
      } else if (firstLineOf.has(duplicate)) {
        result.warnings.push({ line: row.line, reasons: [`Same company and role as line ${firstLineOf.get(duplicate)}.`] });
      }
      if (!firstLineOf.has(duplicate)) firstLineOf.set(duplicate, row.line);

      const trimmedNotes = notesParsed.success && notesParsed.data.trim() !== '' ? notesParsed.data : null;
      result.ready.push({ line: row.line, opening, notes: trimmedNotes });
      if (result.preview.length < CSV_IMPORT_LIMITS.previewRows) {
        const { salaryMin, salaryMax, salaryCurrency, stage: finalStage, appliedOn: finalApplied, source, jobUrl, location, role } = opening;
        result.preview.push({
          line: row.line, companyName, companyExists: Boolean(known), role, stage: finalStage, appliedOn: finalApplied,
          source, jobUrl, location, salaryMin, salaryMax, salaryCurrency, notes: trimmedNotes,
        });
      }
    }
    result.newCompanies = [...newCompanies.values()];
    result.matchedCompanies = matched.size;
    return result;
  }

  const writeAll = db.transaction((rows: readonly ReadyRow[], now: string): CsvImportResult => {
    const companiesBefore = companies.list().length;
    const openingIds: string[] = [];
    for (const row of rows) {
      const opening = openings.create(row.opening, now);
      openingIds.push(opening.id);
      if (row.notes) {
        const note = notes.create({ parentType: 'opening', parentId: opening.id, title: NOTE_TITLE }, now);
        notes.save({ id: note.id, title: NOTE_TITLE, doc: docOf(row.notes) }, now);
      }
    }
    return { imported: openingIds.length, openingIds, newCompanies: companies.list().length - companiesBefore };
  });

  const trashAll = db.transaction((ids: readonly string[], now: string): number => {
    let removed = 0;
    for (const id of new Set(ids)) {
      if (!openings.get(id)) continue;
      openings.softDelete(id, now);
      removed += 1;
    }
    if (removed === 0) throw missing('opening');
    return removed;
  });

  return {
    inspect,
    check(request: CsvImportRequest, now: string): CsvImportCheck {
      const { ready, ...report } = check(request, now);
      return { ...report, rowCount: ready.length + report.problems.length };
    },
    /** Checks the file again (the preview is never trusted) and writes every row in one transaction, or nothing. */
    run(request: CsvImportRequest, now: string): CsvImportResult {
      const checked = check(request, now);
      if (checked.problems.length > 0) {
        const count = checked.problems.length;
        throw new AppError(
          'INVALID_INPUT',
          `Nothing was imported: ${count === 1 ? '1 row has a problem' : `${count.toLocaleString('en')} rows have problems`} (the first on line ${checked.problems[0]!.line}). Fix ${count === 1 ? 'it' : 'them'} in the file and try again.`,
        );
      }
      return writeAll(checked.ready, now);
    },
    /** Moves the openings of an import to the trash, where they can still be restored. */
    undo: (openingIds: readonly string[], now: string): { removed: number } => ({ removed: trashAll(openingIds, now) }),
  };
}
export type OpeningsCsvImport = ReturnType<typeof createOpeningsCsvImport>;

/** Plain text as paragraphs, one per line. */
function docOf(text: string): DocNode {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return { type: 'doc', content: lines.map((line) => (line.trim() === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: line }] })) };
}
