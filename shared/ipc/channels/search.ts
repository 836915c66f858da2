import { z } from 'zod';
import { searchQuerySchema, searchResultSchema } from '#shared/domain/search';

export const searchChannels = {
  /** Title matches first, then the most recently changed; items in the trash are left out. */
  'search.query': { effect: 'reads', input: searchQuerySchema, output: z.array(searchResultSchema) },
} as const;
