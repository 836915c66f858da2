import { z } from 'zod';
import { idSchema } from './fields';
import { stageSchema } from './opening';

/** How big a file may be: enough for any real job search, small enough to check in a moment. */
export const CSV_IMPORT_LIMITS = {
  /** Characters of text (about the same in bytes for the usual exports). */
  maxChars: 5_000_000,
  maxRows: 5_000,
  maxColumns: 200,
  /** Rows shown in the preview; problems are always listed in full. */
  previewRows: 20,
} as const;

/** The Afterview fields a column can fill, in the order the mapping step shows them. */
export const IMPORT_FIELDS = ['companyName', 'role', 'stage', 'appliedOn', 'source', 'jobUrl', 'location', 'salary', 'salaryCurrency', 'notes'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['companyName', 'role'];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  companyName: 'Company',
  role: 'Role',
  stage: 'Stage',
  appliedOn: 'Applied date',
  source: 'Source',
  jobUrl: 'Job link',
  location: 'Location',
  salary: 'Salary',
  salaryCurrency: 'Currency',
  notes: 'Notes',
};

const columnIndex = z
  .number({ error: 'A column must be chosen by its number.' })
  .int({ error: 'A column must be chosen by its number.' })
  .min(0, { error: 'That column is not in the file.' })
  .max(CSV_IMPORT_LIMITS.maxColumns - 1, { error: 'That column is not in the file.' })
  .nullable()
  .optional()
  .transform((value) => value ?? null);

/** Which column (by position, from 0) fills each field; null or absent leaves the field empty. */
export const columnMappingSchema = z
  .object(Object.fromEntries(IMPORT_FIELDS.map((field) => [field, columnIndex])) as Record<ImportField, typeof columnIndex>)
  .strict();
export type ColumnMappingInput = z.input<typeof columnMappingSchema>;
export type ColumnMapping = z.output<typeof columnMappingSchema>;

/**
 * How to read a numeric date such as 03/04/2026. Without a choice, such a
 * date is refused rather than guessed; one that can only be read one way
 * (25/03/2026) is read that way.
 */
export const DATE_ORDERS = ['unset', 'dmy', 'mdy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];
export const DATE_ORDER_LABELS: Record<DateOrder, string> = {
  unset: 'Not chosen',
  dmy: 'Day first (31/12/2026)',
  mdy: 'Month first (12/31/2026)',
};

const csvText = z
  .string({ error: 'The file must be text.' })
  .max(CSV_IMPORT_LIMITS.maxChars, { error: 'The file is larger than 5 MB. Split it into smaller files and import each.' });

export const csvFileSchema = z.object({ text: csvText }).strict();

export const csvImportRequestSchema = z
  .object({
    text: csvText,
    columns: columnMappingSchema,
    dateOrder: z.enum(DATE_ORDERS, { error: 'Date order is not one of the choices.' }).default('unset'),
  })
  .strict();
export type CsvImportRequestInput = z.input<typeof csvImportRequestSchema>;
export type CsvImportRequest = z.output<typeof csvImportRequestSchema>;

export const CSV_DELIMITER_NAMES = ['comma', 'semicolon', 'tab'] as const;

/** Step 1: what the file holds, and a first guess at the mapping. */
export const csvFileInfoSchema = z.object({
  headers: z.array(z.string()),
  delimiter: z.enum(CSV_DELIMITER_NAMES),
  /** Data rows, header excluded, blank lines skipped. */
  rowCount: z.number().int(),
  /** The first few rows, cell by cell, to show an example beside each column. */
  sample: z.array(z.array(z.string())),
  guess: z.object(Object.fromEntries(IMPORT_FIELDS.map((field) => [field, z.number().int().nullable()])) as Record<ImportField, z.ZodNullable<z.ZodNumber>>),
});
export type CsvFileInfo = z.infer<typeof csvFileInfoSchema>;

/** A row as it would be imported. */
export const importedRowSchema = z.object({
  line: z.number().int(),
  companyName: z.string(),
  /** True when the company is already in the vault (matched ignoring case and accents). */
  companyExists: z.boolean(),
  role: z.string(),
  stage: stageSchema,
  appliedOn: z.string().nullable(),
  source: z.string().nullable(),
  jobUrl: z.string().nullable(),
  location: z.string().nullable(),
  salaryMin: z.number().nullable(),
  salaryMax: z.number().nullable(),
  salaryCurrency: z.string().nullable(),
  notes: z.string().nullable(),
});
export type ImportedRow = z.infer<typeof importedRowSchema>;

export const rowIssueSchema = z.object({ line: z.number().int(), reasons: z.array(z.string()) });
export type RowIssue = z.infer<typeof rowIssueSchema>;

/** Step 2: the file checked against the mapping; importable only without problems. */
export const csvImportCheckSchema = z.object({
  rowCount: z.number().int(),
  preview: z.array(importedRowSchema),
  /** Every row that cannot be imported, with why. */
  problems: z.array(rowIssueSchema),
  /** Rows that can be imported but may not be meant (e.g. already in the pipeline). */
  warnings: z.array(rowIssueSchema),
  newCompanies: z.array(z.string()),
  matchedCompanies: z.number().int(),
});
export type CsvImportCheck = z.infer<typeof csvImportCheckSchema>;

/** Step 3: what was written, in one transaction. */
export const csvImportResultSchema = z.object({
  imported: z.number().int(),
  openingIds: z.array(z.string()),
  newCompanies: z.number().int(),
});
export type CsvImportResult = z.infer<typeof csvImportResultSchema>;

export const csvImportUndoSchema = z
  .object({
    openingIds: z
      .array(idSchema, { error: 'Openings must be a list.' })
      .min(1, { error: 'There is nothing to undo.' })
      .max(CSV_IMPORT_LIMITS.maxRows, { error: 'That is more openings than one import can add.' }),
  })
  .strict();
