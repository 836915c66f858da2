import { z } from 'zod';
import { timeZoneSchema } from '#shared/domain/fields';
import { noInput } from '../no-input';

export const sampleChannels = {
  /** How many rows of the sample vault are in the vault; the "Sample data" banner shows while there are any. */
  'sample.get': { effect: 'reads', input: noInput, output: z.object({ rows: z.number().int().nonnegative() }) },
  /** Adds the small sample job search, in one go; refused while sample data is already there. */
  'sample.load': {
    effect: 'writes',
    input: z.object({ timeZone: timeZoneSchema }).strict(),
    output: z.object({ rows: z.number().int().nonnegative() }),
  },
  /**
   * Deletes the sample rows. A sample row the user's own work hangs on (their
   * note on a sample interview, their opening at a sample company) stays, as theirs.
   */
  'sample.remove': {
    effect: 'writes',
    input: noInput,
    output: z.object({ removed: z.number().int().nonnegative(), kept: z.number().int().nonnegative() }),
  },
} as const;
