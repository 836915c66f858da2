import { z } from 'zod';
import { vaultImportDiscardSchema, vaultImportInspectedSchema, vaultImportJobSchema, vaultImportPickSchema, vaultImportResultSchema, vaultImportRunSchema, vaultImportUnlockSchema } from '#shared/domain/vault-import';

/**
 * A whole-vault export brought back in, in two steps: read and check it
 * (nothing changes; the answer says what would be added and what is already
 * here), then import it, all or nothing. Progress arrives as
 * 'imports.progress' events; the preview sends a .zip by VAULT_IMPORT_ZIP_ROUTE.
 */
export const importChannels = {
  /** Desktop: asks for the export's folder or .zip, then reads and checks it. */
  'imports.pick': { effect: 'reads', input: vaultImportPickSchema, output: vaultImportInspectedSchema },
  /** Reads and checks a protected .zip with the passphrase the user typed; a wrong one changes nothing and can be tried again. */
  'imports.unlock': { effect: 'reads', input: vaultImportUnlockSchema, output: vaultImportInspectedSchema },
  /** Adds what the checked export holds and the vault does not, in one transaction with its photos. */
  'imports.run': { effect: 'writes', input: vaultImportRunSchema, output: vaultImportResultSchema },
  /** Stops the reading or the import while it runs; nothing is left behind. */
  'imports.cancel': { effect: 'reads', input: vaultImportJobSchema, output: z.object({ canceled: z.boolean() }) },
  /** Forgets a checked export the user decided not to import. */
  'imports.discard': { effect: 'reads', input: vaultImportDiscardSchema, output: z.object({ discarded: z.boolean() }) },
} as const;
