import type { Node as PMNode } from '@tiptap/pm/model';

const EXCERPT_CHARS = 140;

/** The first words of a note, for the list while the vault's own summary catches up. */
export function excerptOf(doc: PMNode): string {
  const text = doc.textBetween(0, doc.content.size, ' ', ' ').replace(/\s+/g, ' ').trim();
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1).trimEnd()}…` : text;
}
