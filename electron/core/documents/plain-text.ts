import type { DocNode } from '#shared/domain/note';

const INLINE_BREAK = 'hardBreak';

/**
 * The searchable text of a TipTap document: text nodes concatenated, block
 * nodes separated by newlines, a hard break as a newline. Nodes the core does
 * not know are treated as blocks, so their text is never glued to a neighbour.
 */
export function plainTextOf(doc: DocNode): string {
  return textOf(doc);
}

function textOf(node: DocNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === INLINE_BREAK) return '\n';
  const children = node.content ?? [];
  const inline = children.some((child) => child.type === 'text' || child.type === INLINE_BREAK);
  return children.map(textOf).join(inline ? '' : '\n');
}

const EXCERPT_LENGTH = 160;

/**
 * What /\s+/g would turn into one space, without matching every single space: an opening's page makes an
 * excerpt for each of its notes, and matching each space made most of that page's garbage.
 */
const WHITESPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;

/** The first words of a note, on one line, cut at a word boundary. */
export function excerptOf(plainText: string): string {
  const flat = plainText.replace(WHITESPACE_TO_COLLAPSE, ' ').trim();
  if (flat.length <= EXCERPT_LENGTH) return flat;
  const cut = flat.slice(0, EXCERPT_LENGTH);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > EXCERPT_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** Enough characters of plain text for an excerpt, read from SQL without loading more. */
export const EXCERPT_SOURCE_CHARS = EXCERPT_LENGTH * 2;
