import { z } from 'zod';

/**
 * What a whole-vault export holds, written last as manifest.json: the format
 * and its version (raised whenever the layout changes in a way an older
 * Afterview could not read), the app and schema versions that wrote the
 * data, the row count of every table, and a SHA-256 of the JSON dump and of
 * each photo. An import checks all of it before it changes anything.
 */
export const EXPORT_FORMAT = 'afterview-export';
export const EXPORT_FORMAT_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';
export const DUMP_PATH = 'afterview.json';
/** Photos keep the names they have in the vault's attachments folder. */
export const ATTACHMENTS_FOLDER = 'attachments';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const exportedFile = z.object({ path: z.string().min(1).max(500), bytes: z.number().int().nonnegative(), sha256 });

export const manifestSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.number().int().positive(),
  appVersion: z.string().max(100),
  schemaVersion: z.number().int().positive(),
  exportedAt: z.iso.datetime(),
  data: exportedFile,
  tables: z.record(z.string().max(100), z.number().int().nonnegative()),
  attachments: z.array(exportedFile),
  /** Photos a card names but the vault's folder did not have when the export was made. */
  missingAttachments: z.array(z.string().max(200)),
});
export type Manifest = z.infer<typeof manifestSchema>;
