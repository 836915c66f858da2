import { z } from 'zod';
import { newOpeningSchema, openingSchema } from '../../domain/opening';
import { noInput } from '../no-input';

export const openingChannels = {
  'openings.list': { input: noInput, output: z.array(openingSchema) },
  'openings.create': { input: newOpeningSchema, output: openingSchema },
} as const;
