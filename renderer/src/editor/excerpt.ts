import type { Node as PMNode } from '@tiptap/pm/model';

const EXCERPT_CHARS = 140;

/**
 * The first words of a note, for the list while the vault's own summary catches up.
 * Reads only as much of the document as the excerpt needs: a long note is
 * saved often while typing, and reading all of it each time would stall the typing.
 */
export function excerptOf(doc: PMNode): string {
  const size = doc.content.size;
  // The text of a range from the start is a prefix of the whole text, so once a
  // prefix is longer than the excerpt, the rest cannot change it.
  for (let end = Math.min(size, 1024); ; end = Math.min(size, end * 4)) {
    const text = doc.textBetween(0, end, ' ', ' ').replace(/\s+/g, ' ').trim();
    if (text.length > EXCERPT_CHARS) return `${text.slice(0, EXCERPT_CHARS - 1).trimEnd()}…`;
    if (end === size) return text;
  }
}
