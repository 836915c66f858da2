import { useEffect, useRef, useState } from 'react';
import type { SearchResult } from '#shared/domain/search';
import { call } from '#renderer/api';

/** Long enough to skip the keystrokes of a fast typist, short enough to feel immediate. */
export const SEARCH_DEBOUNCE_MS = 80;

export type SearchState = { status: 'idle' } | { status: 'loading'; results: SearchResult[] } | { status: 'done'; results: SearchResult[] } | { status: 'error'; message: string };

type Answer = { text: string; results: SearchResult[] } | { text: string; message: string };

/** Results for the text as typed: debounced, and an answer to older text is ignored. */
export function useSearchResults(text: string): SearchState {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const latest = useRef(0);
  useEffect(() => {
    const request = ++latest.current;
    if (!text.trim()) return;
    const timer = window.setTimeout(() => {
      call('search.query', { text, limit: 20 }).then(
        (results) => request === latest.current && setAnswer({ text, results }),
        (error: unknown) => request === latest.current && setAnswer({ text, message: error instanceof Error ? error.message : 'Search failed.' }),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  if (!text.trim()) return { status: 'idle' };
  if (answer?.text === text) return 'results' in answer ? { status: 'done', results: answer.results } : { status: 'error', message: answer.message };
  // While the new answer is on its way, the last one stays on screen rather than flickering away.
  return { status: 'loading', results: answer && 'results' in answer ? answer.results : [] };
}
