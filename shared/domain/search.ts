import { z } from 'zod';

/** What search finds. */
export const SEARCH_KINDS = ['opening', 'contact', 'company', 'note', 'letter', 'research', 'interview', 'touchpoint', 'reference'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * Matched words in a result's title and snippet sit between these two
 * characters: plain text, never HTML, so the renderer decides how to show them.
 */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

export const SEARCH_TEXT_MAX = 200;

export const searchQuerySchema = z
  .object({
    text: z.string({ error: 'Search text must be text.' }).max(SEARCH_TEXT_MAX, { error: `Search text must be at most ${SEARCH_TEXT_MAX} characters.` }),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .strict();

export const searchResultSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  /** With MARK_START/MARK_END around matched words. */
  title: z.string(),
  /** A short excerpt, marked the same way; empty when there is nothing more to show. */
  snippet: z.string(),
  /** What it belongs to, unmarked ("Staff Engineer · Acme" for an interview); empty when the title says it all. */
  context: z.string(),
  /** The screen that shows it, as the path after the URL's '#'. */
  route: z.string(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
