import { instant, text } from './column';
import { table } from './table';

/**
 * Which rows came from the optional sample vault, so they can be removed
 * later without touching the user's own; a row of links is named by its pair, "a/b".
 */
export const sampleRowsTable = table('sample_rows', 'sr', {
  tableName: text().key(),
  rowId: text().key(),
  /** The row's updated_at as the sample left it: a row changed since is the user's. */
  loadedAt: instant().nullable(),
});
