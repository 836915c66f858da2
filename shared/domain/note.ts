import { z } from 'zod';
import { idSchema, LIMITS, optionalText } from './fields';

export const NOTE_PARENTS = ['opening', 'interview', 'company', 'contact'] as const;
export type NoteParent = (typeof NOTE_PARENTS)[number];
export const noteParentSchema = z.enum(NOTE_PARENTS, { error: 'A note belongs to an opening, interview, company or contact.' });

/** Largest note body accepted (TipTap JSON); a 1 MB note fits with room. */
export const MAX_NOTE_JSON_CHARS = 4_000_000;
const MAX_DEPTH = 60;

/** A ProseMirror/TipTap node as JSON. Shape only; the editor schema decides what is kept. */
export interface DocNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

const markSchema = z.object({ type: z.string().max(64), attrs: z.record(z.string(), z.unknown()).optional() }).strict();
const nodeSchema: z.ZodType<DocNode> = z.lazy(() =>
  z
    .object({
      type: z.string().max(64),
      attrs: z.record(z.string(), z.unknown()).optional(),
      content: z.array(nodeSchema).optional(),
      marks: z.array(markSchema).max(20).optional(),
      text: z.string().optional(),
    })
    .strict(),
);

/** Tolerates any shape (the input is untrusted); the node schema reports what is wrong with it. */
function depth(node: unknown, level = 1): number {
  if (level > MAX_DEPTH) return level;
  const content = node && typeof node === 'object' ? (node as { content?: unknown }).content : undefined;
  if (!Array.isArray(content)) return level;
  let deepest = level;
  for (const child of content) deepest = Math.max(deepest, depth(child, level + 1));
  return deepest;
}

export const docSchema = z
  .unknown()
  // Depth first, so a hostile 10,000-level document never reaches the recursive parser.
  .refine((value) => !!value && typeof value === 'object' && depth(value) <= MAX_DEPTH, {
    error: `The note is not a document, or is nested more than ${MAX_DEPTH} levels deep.`,
  })
  .pipe(nodeSchema)
  .refine((doc) => doc.type === 'doc', { error: 'A note must be a document.' });

export const EMPTY_DOC: DocNode = { type: 'doc', content: [{ type: 'paragraph' }] };

export const noteSummarySchema = z.object({
  id: z.string(),
  parentType: noteParentSchema,
  parentId: z.string(),
  title: z.string(),
  /** The first words of the note's text. */
  excerpt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NoteSummary = z.infer<typeof noteSummarySchema>;

export const noteSchema = z.object({
  id: z.string(),
  parentType: noteParentSchema,
  parentId: z.string(),
  title: z.string(),
  doc: docSchema,
  /** Increases with every save; lets the editor detect a stale save. */
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Note = z.infer<typeof noteSchema>;

export const newNoteSchema = z
  .object({
    parentType: noteParentSchema,
    parentId: idSchema,
    title: optionalText('Title', LIMITS.name).transform((value) => value ?? 'Untitled note'),
  })
  .strict();

export const noteSaveSchema = z
  .object({
    id: idSchema,
    title: optionalText('Title', LIMITS.name).transform((value) => value ?? 'Untitled note'),
    doc: docSchema,
  })
  .strict();

export const noteSavedSchema = z.object({ id: z.string(), revision: z.number().int(), updatedAt: z.string() });
