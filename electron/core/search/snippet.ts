import { MARK_END, MARK_START } from '#shared/domain/search';

/** About as many words as FTS5's snippet() shows, so long and short bodies read alike. */
const SNIPPET_WORDS = 12;
const WORDS_BEFORE = 3;
/** However long its words, a snippet stays a line or two. */
const MAX_CHARS_BEFORE = 100;
const MAX_CHARS_AFTER = 300;
/** How far past its match a snippet may reach. */
export const SNIPPET_REACH = MAX_CHARS_AFTER;

// Letters, digits and combining marks: what the unicode61 tokenizer keeps in a word (as in match-expression.ts).
const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}]';

/** Folds a word the way the index does (remove_diacritics 2): no accents, lower case. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** For each plain letter, the precomposed letters that fold to it (é, È, ñ…), both cases. */
const VARIANTS: ReadonlyMap<string, string> = (() => {
  const variants = new Map<string, string>();
  const ranges: [number, number][] = [[0x00c0, 0x024f], [0x1e00, 0x1eff]];
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code++) {
      const char = String.fromCodePoint(code);
      const base = fold(char);
      if (base.length === 1 && base !== char) variants.set(base, (variants.get(base) ?? '') + char);
    }
  }
  return variants;
})();

/**
 * Whole words starting with any of the terms, ignoring case and accents, as
 * the index matches them: "interv" finds "Interview", "jose" finds "José".
 * Null when no term is left to look for.
 */
export function wordMatcher(terms: readonly string[]): RegExp | null {
  const patterns = terms
    .map(fold)
    .filter((term) => term !== '')
    .map((term) => [...term].map((char) => `[${char}${char.toUpperCase()}${VARIANTS.get(char) ?? ''}]\\p{M}*`).join(''));
  if (patterns.length === 0) return null;
  return new RegExp(`(?<!${WORD_CHAR})(?:${patterns.join('|')})${WORD_CHAR}*`, 'giu');
}

/**
 * A few words around the first match in `text`, matched words marked, with
 * '…' where words were left out: read from the match found in JS rather than
 * by FTS5's snippet(), which weighs every match of a long body (several ms
 * for a 400 KB note). With no match, the start of the text. `complete` says
 * whether `text` is the whole body (else it is its start, and ends in '…').
 */
export function snippetAround(text: string, matcher: RegExp | null, complete: boolean): string {
  const first = matcher ? firstMatch(text, matcher) : -1;
  const at = Math.max(first, 0);
  const words = new RegExp(WORD_CHAR, 'gu');

  // A few whole words before the match, never reaching further back than MAX_CHARS_BEFORE.
  const backFrom = Math.max(0, at - MAX_CHARS_BEFORE);
  const before = [...text.slice(backFrom, at).matchAll(new RegExp(`${WORD_CHAR}+`, 'gu'))]
    .filter((word) => backFrom === 0 || word.index > 0)
    .slice(-WORDS_BEFORE);
  let start = before.length > 0 ? backFrom + before[0]!.index : at;
  words.lastIndex = 0;
  const anyWordBefore = words.test(text.slice(0, start));
  if (!anyWordBefore) start = 0;

  // Then words up to SNIPPET_WORDS in all, within MAX_CHARS_AFTER of the match.
  const after = new RegExp(`${WORD_CHAR}+`, 'gu');
  after.lastIndex = at;
  const limit = Math.min(text.length, at + MAX_CHARS_AFTER);
  let end = at;
  for (let count = before.length; count < SNIPPET_WORDS; count++) {
    const word = after.exec(text);
    if (!word || word.index >= limit) break;
    end = Math.min(word.index + word[0].length, limit);
  }
  words.lastIndex = end;
  const moreAfter = !complete || words.test(text);
  if (!moreAfter) end = text.length;

  // One line: paragraph breaks become spaces.
  const shown = text.slice(start, end).replace(/\s+/g, ' ');
  const marked = matcher ? shown.replace(matcher, (word) => `${MARK_START}${word}${MARK_END}`) : shown;
  return `${anyWordBefore ? '…' : ''}${marked.trim()}${moreAfter ? '…' : ''}`;
}

/** Where the first match starts, or -1. */
export function firstMatch(text: string, matcher: RegExp): number {
  matcher.lastIndex = 0;
  const found = matcher.exec(text);
  matcher.lastIndex = 0;
  return found ? found.index : -1;
}
