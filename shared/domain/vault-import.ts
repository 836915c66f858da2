import { z } from 'zod';
import { idSchema } from './fields';

/** The kinds of record an import preview counts, in the order it shows them. */
export const IMPORT_KINDS = ['openings', 'companies', 'contacts', 'interviews', 'notes', 'letters', 'photos', 'references', 'research', 'touchpoints', 'templates', 'other'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  openings: 'Openings',
  companies: 'Companies',
  contacts: 'Contacts',
  interviews: 'Interviews',
  notes: 'Notes',
  letters: 'Letters',
  photos: 'Business card photos',
  references: 'References',
  research: 'Research entries',
  touchpoints: 'Touchpoints',
  templates: 'Letter templates',
  other: 'Other details (teams, reminders, settings…)',
};

/** An import runs as a job the renderer names, so it can follow its progress ('imports.progress') and cancel it. */
export const vaultImportPickSchema = z.object({ jobId: idSchema, source: z.enum(['folder', 'zip']) }).strict();
export const vaultImportJobSchema = z.object({ jobId: idSchema }).strict();
export const vaultImportRunSchema = z.object({ jobId: idSchema, importId: idSchema }).strict();
export const vaultImportDiscardSchema = z.object({ importId: idSchema }).strict();
/** A protected export's passphrase, for the .zip that asked for it (by the sourceId it answered). */
export const vaultImportUnlockSchema = z
  .object({
    jobId: idSchema,
    sourceId: idSchema,
    passphrase: z.string({ error: 'Type the export’s passphrase.' }).min(1, { error: 'Type the export’s passphrase.' }).max(4096, { error: 'That passphrase is too long; keep it under 1,000 characters.' }),
  })
  .strict();

const countsSchema = z.object({ kind: z.enum(IMPORT_KINDS), inExport: z.number().int(), added: z.number().int(), same: z.number().int(), kept: z.number().int() });

/** What an export holds and what importing it would do; nothing has changed yet. */
export const vaultImportPreviewSchema = z.object({
  importId: z.string(),
  exportedAt: z.string(),
  appVersion: z.string(),
  /** Nothing of the user's was in the vault: the export comes in exactly as it was. */
  vaultWasEmpty: z.boolean(),
  kinds: z.array(countsSchema),
  toAdd: z.number().int(),
});
export type VaultImportPreview = z.infer<typeof vaultImportPreviewSchema>;

export const vaultImportInspectedSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('ready'), preview: vaultImportPreviewSchema }),
  /** A .zip protected with a passphrase: imports.unlock reads it once the user types it. */
  z.object({ outcome: z.literal('needsPassphrase'), sourceId: z.string() }),
  z.object({ outcome: z.literal('canceled') }),
]);
export type VaultImportInspected = z.infer<typeof vaultImportInspectedSchema>;

export const vaultImportResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('imported'), added: z.number().int(), kinds: z.array(z.object({ kind: z.enum(IMPORT_KINDS), added: z.number().int() })) }),
  z.object({ outcome: z.literal('canceled') }),
]);
export type VaultImportResult = z.infer<typeof vaultImportResultSchema>;

/** The preview's route for sending a .zip to import (a browser cannot hand over a path). */
export const VAULT_IMPORT_ZIP_ROUTE = '/api/imports/vault.zip';
