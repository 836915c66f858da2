import { describe, expect, it } from 'vitest';
import { MARK_END, MARK_START } from '#shared/domain/search';
import { snippetAround, wordMatcher } from '#core/search/snippet';
import { searchTerms } from '#core/search/match-expression';

const shown = (marked: string) => marked.replaceAll(MARK_START, '[').replaceAll(MARK_END, ']');
const snippet = (text: string, query: string, complete = true) => shown(snippetAround(text, wordMatcher(searchTerms(query)), complete));

describe('wordMatcher', () => {
  it('matches whole words by their start, ignoring case and accents both ways', () => {
    const words = (text: string, query: string) => text.match(wordMatcher(searchTerms(query))!) ?? [];
    expect(words('Interview at José Álvarez’s; the interviewer', 'interv jose')).toEqual(['Interview', 'José', 'interviewer']);
    expect(words('Jose and JOSÉ and jose\u0301', 'JÓSE')).toEqual(['Jose', 'JOSÉ', 'jose\u0301']);
    expect(words('reinterview misinterview', 'interv')).toEqual([]);
    expect(words('Привет мир', 'привет')).toEqual(['Привет']);
  });

  it('has nothing to look for without words', () => {
    expect(wordMatcher([])).toBeNull();
  });
});

describe('snippetAround', () => {
  it('shows a short text whole, with its matched words marked', () => {
    expect(snippet('Before the interview, read the annual report twice.', 'interv annual')).toBe('Before the [interview], read the [annual] report twice.');
  });

  it('shows a few words around a match deep in a long text, with … where words were left out', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(40_000);
    const text = `${filler}the salary négociation went well ${filler}`;
    expect(text.length).toBeGreaterThan(1_000_000);
    const result = snippet(text, 'negoc');
    expect(result).toMatch(/^…/);
    expect(result).toMatch(/…$/);
    expect(result).toContain('the salary [négociation] went well');
    expect(result.length).toBeLessThan(200);
  });

  it('shows the start when nothing matches, and marks the end of a partial text', () => {
    expect(snippet('one two three four five six seven eight nine ten eleven twelve thirteen fourteen', 'zebra')).toBe('one two three four five six seven eight nine ten eleven twelve…');
    expect(snippet('a short start', 'start', false)).toBe('a short [start]…');
  });

  it('stays short when a word is enormous', () => {
    const result = snippet(`${'x'.repeat(50_000)} found`, 'found');
    expect(result.length).toBeLessThan(200);
    expect(result).toContain('[found]');
  });
});
