import { z } from 'zod';
import { vaultExportJobSchema, vaultExportResultSchema } from '#shared/domain/data-export';
import { exportedFileSchema } from '#shared/domain/document-export';
import { noInput } from '../no-input';

export const exportChannels = {
  /** Every opening in the pipeline, one row each, as a spreadsheet-ready CSV. */
  'exports.pipelineCsv': { effect: 'reads', input: noInput, output: exportedFileSchema },
  /** Every interview as an event of an .ics calendar file. */
  'exports.interviewsIcs': { effect: 'reads', input: noInput, output: exportedFileSchema },
  /**
   * The whole vault as Markdown files and a JSON dump, into a folder the user
   * picks (desktop app only). Answers when the export ends; progress arrives as
   * 'exports.progress' events in between.
   */
  'exports.vaultToFolder': { effect: 'reads', input: vaultExportJobSchema, output: vaultExportResultSchema },
  /** Stops a running whole-vault export; nothing it wrote stays behind. */
  'exports.vaultCancel': { effect: 'reads', input: vaultExportJobSchema, output: z.object({ canceled: z.boolean() }) },
} as const;
