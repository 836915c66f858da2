import { z } from 'zod';
import { trashItemSchema, trashRefSchema } from '#shared/domain/trash';
import { noInput } from '../no-input';

export const trashChannels = {
  /** Newest deletion first. */
  'trash.list': { effect: 'reads', input: noInput, output: z.array(trashItemSchema) },
  'trash.restore': { effect: 'writes', input: trashRefSchema, output: trashRefSchema },
  /** Deletes for good everything in the trash, with attachments' files. */
  'trash.empty': { effect: 'writes', input: noInput, output: z.object({ removed: z.number().int() }) },
} as const;
