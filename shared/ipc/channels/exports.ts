import { z } from 'zod';
import { vaultExportJobSchema, vaultExportResultSchema, vaultZipBodySchema, vaultZipInputSchema, vaultZipResultSchema } from '#shared/domain/data-export';
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
  /**
   * The same export as one .zip file the user names in a save dialog
   * (desktop app only), encrypted with WinZip AES-256 when a passphrase is
   * given: the vault's own (checked against its key) or a new one.
   */
  'exports.vaultToZip': { effect: 'reads', input: vaultZipInputSchema, output: vaultZipResultSchema },
  /**
   * Checks a zip's protection before the export starts, so the dialog can say
   * what is wrong beside the field: the vault's passphrase must open the
   * vault, a new one must be long enough. Nothing is kept.
   */
  'exports.checkZipProtection': { effect: 'reads', input: vaultZipBodySchema, output: z.object({ protected: z.boolean() }) },
  /** Stops a running whole-vault export; nothing it wrote stays behind. */
  'exports.vaultCancel': { effect: 'reads', input: vaultExportJobSchema, output: z.object({ canceled: z.boolean() }) },
} as const;
