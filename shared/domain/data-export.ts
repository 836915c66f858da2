import { z } from 'zod';
import { MAX_PASSPHRASE_LENGTH } from './encryption';
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

const zipPassphrase = z.string({ error: 'Type a passphrase.' }).min(1, { error: 'Type a passphrase.' }).max(MAX_PASSPHRASE_LENGTH * 4, { error: 'That passphrase is too long; keep it under 1,000 characters.' });

/**
 * Whether a whole-vault .zip is protected, and with what: the vault's own
 * passphrase (checked against the vault's key, never stored), or another one
 * the user typed twice. Only a zip can be protected, never a folder.
 */
export const zipProtectionSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('none') }).strict(),
    z.object({ kind: z.literal('vaultPassphrase'), passphrase: zipPassphrase }).strict(),
    z.object({ kind: z.literal('newPassphrase'), passphrase: zipPassphrase }).strict(),
  ],
  { error: 'Say whether the export is protected with a passphrase.' },
);
export type ZipProtection = z.infer<typeof zipProtectionSchema>;

/** The desktop's whole vault as one .zip file, protected or not; the preview sends the same as the body of VAULT_ZIP_ROUTE. */
export const vaultZipInputSchema = z.object({ jobId: idSchema, protection: zipProtectionSchema }).strict();
export const vaultZipBodySchema = z.object({ protection: zipProtectionSchema }).strict();

/** How a whole-vault export to a .zip file ended (desktop). */
export const vaultZipResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), file: z.string(), files: z.number().int().nonnegative(), protected: z.boolean() }),
  z.object({ outcome: z.literal('canceled') }),
]);
export type VaultZipResult = z.infer<typeof vaultZipResultSchema>;

/** Progress of a running export: `done` of `total` steps, never going back. */
export const exportProgressSchema = z.object({
  jobId: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type ExportProgress = z.infer<typeof exportProgressSchema>;

/** The preview's route for the same export as a .zip download: a POST, so a passphrase travels in its body, never in the address. */
export const VAULT_ZIP_ROUTE = '/api/exports/vault.zip';

/** "Afterview export 2026-03-02": the folder (or the zip's top folder) an export writes. */
export function exportFolderName(date: Date): string {
  return `Afterview export ${date.toISOString().slice(0, 10)}`;
}
