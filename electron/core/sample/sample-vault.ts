import { createSampleRows, type SampleRemoval } from '../vault/repositories/sample-rows';
import type { Db } from '../vault/connection';
import { createSampleContent, type RunChannel } from './sample-content';

export type { SampleRemoval };

/**
 * The optional sample vault: loaded in one transaction through the app's own
 * channels, every row it creates marked (vault/repositories/sample-rows.ts),
 * and removable later without touching the user's own rows.
 */
export function createSampleVault(db: Db, run: RunChannel) {
  const rows = createSampleRows(db);
  return {
    /** How many sample rows the vault holds (the banner shows while there are any). */
    rows: rows.rows,
    load: (now: Date, timeZone: string): { rows: number } => rows.load(() => createSampleContent(run, now, timeZone)),
    remove: rows.remove,
  };
}
export type SampleVault = ReturnType<typeof createSampleVault>;
