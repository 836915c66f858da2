/** More words than this add nothing a person types into a search box, and only cost time. */
const MAX_TERMS = 8;

// Letters, digits and combining marks: what the unicode61 tokenizer keeps in a word.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * The user's words, tokenized by us so that no input is ever read as FTS5
 * syntax: quotes, dashes, operators (AND, NEAR, *, ^, :) and emoji are
 * separators or plain words, never errors.
 */
export function searchTerms(text: string): string[] {
  const words = text.normalize('NFC').match(WORD) ?? [];
  return [...new Set(words.map((word) => word.toLowerCase()))].slice(0, MAX_TERMS);
}

/** Every term as a quoted prefix, all required: `"jose"* "interv"*`. Null when there is nothing to look for. */
export function matchExpression(terms: readonly string[]): string | null {
  if (terms.length === 0) return null;
  // A term holds only letters, digits and marks, so it needs no escaping inside the quotes.
  return terms.map((term) => `"${term}"*`).join(' ');
}
