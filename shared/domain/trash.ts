import { z } from 'zod';
import { idSchema } from './fields';

/** What can be deleted; deleted items wait in the trash until it is emptied. */
export const TRASH_KINDS = ['opening', 'interview', 'contact', 'note', 'research', 'letter', 'reference', 'card'] as const;
export type TrashKind = (typeof TRASH_KINDS)[number];
export const trashKindSchema = z.enum(TRASH_KINDS);

export const trashItemSchema = z.object({
  kind: trashKindSchema,
  id: z.string(),
  title: z.string(),
  /** Where it was: e.g. "Acme · Staff Engineer". */
  context: z.string().nullable(),
  deletedAt: z.string(),
});
export type TrashItem = z.infer<typeof trashItemSchema>;

export const trashRefSchema = z.object({ kind: trashKindSchema, id: idSchema }).strict();
export const deletedSchema = z.object({ kind: trashKindSchema, id: z.string(), deletedAt: z.string() });
export type Deleted = z.infer<typeof deletedSchema>;
