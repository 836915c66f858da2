import { z } from 'zod';
import { csvFileInfoSchema, csvFileSchema, csvImportCheckSchema, csvImportRequestSchema, csvImportResultSchema, csvImportUndoSchema } from '#shared/domain/csv-import';

/**
 * Openings from a spreadsheet, in three steps over the same file text: read
 * its header, check every row against a mapping, then import all or none.
 * The core parses and checks the file again at each step.
 */
export const csvImportChannels = {
  /** The header, a few rows and a guessed mapping; a malformed file answers with the line at fault. */
  'csvImport.read': { effect: 'reads', input: csvFileSchema, output: csvFileInfoSchema },
  /** The rows as they would be imported, and every row that cannot be, with why. Writes nothing. */
  'csvImport.check': { effect: 'reads', input: csvImportRequestSchema, output: csvImportCheckSchema },
  /** Imports every row in one transaction, or, if any row has a problem, none. */
  'csvImport.run': { effect: 'writes', input: csvImportRequestSchema, output: csvImportResultSchema },
  /** Moves the openings an import added to the trash. */
  'csvImport.undo': { effect: 'writes', input: csvImportUndoSchema, output: z.object({ removed: z.number().int() }) },
} as const;
