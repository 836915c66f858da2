import { z } from 'zod';
import { MAX_LINK_LENGTH } from '#shared/domain/links';

export const shellChannels = {
  /**
   * Hands a link to the browser or mail app, in both shells: the link policy
   * (domain/links.ts) runs first, and a refusal answers INVALID_INPUT with a
   * message to show as it is. The page never opens a link any other way.
   */
  'shell.openExternal': {
    effect: 'reads',
    input: z.object({ url: z.string({ error: 'There is no address to open.' }).max(MAX_LINK_LENGTH, { error: 'This link is too long to be a real address.' }) }).strict(),
    output: z.object({ url: z.string() }),
  },
} as const;
