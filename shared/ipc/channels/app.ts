import { z } from 'zod';
import { noInput } from '../no-input';

export const appChannels = {
  'app.info': {
    effect: 'reads',
    input: noInput,
    output: z.object({ version: z.string(), vaultPath: z.string(), schemaVersion: z.number().int() }),
  },
} as const;
