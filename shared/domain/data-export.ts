import { z } from 'zod';
import { idSchema } from './fields';

/**
 * A whole-vault export runs as a job the renderer names (a fresh UUID), so it
 * can follow the job's progress events and cancel it before the call returns.
 */
export const vaultExportJobSchema = z.object({ jobId: idSchema }).strict();
export type VaultExportJob = z.infer<typeof vaultExportJobSchema>;

/** How a whole-vault export to a folder ended: written, or stopped by the user (no folder chosen, or Cancel). */
export const vaultExportResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), folder: z.string(), files: z.number().int().nonnegative() }),
  z.object({ outcome: z.literal('canceled') }),
]);
export type VaultExportResult = z.infer<typeof vaultExportResultSchema>;

/** Progress of a running export: `done` of `total` steps, never going back. */
export const exportProgressSchema = z.object({
  jobId: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type ExportProgress = z.infer<typeof exportProgressSchema>;

/** The preview's route for the same export as a .zip download. */
export const VAULT_ZIP_ROUTE = '/api/exports/vault.zip';

/** "Afterview export 2026-03-02": the folder (or the zip's top folder) an export writes. */
export function exportFolderName(date: Date): string {
  return `Afterview export ${date.toISOString().slice(0, 10)}`;
}
