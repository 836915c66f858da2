import { useEffect, useRef, useState } from 'react';
import type { SearchResult } from '../../../../shared/domain/search';
import { call } from '../../api';

/** Long enough to skip the keystrokes of a fast typist, short enough to feel immediate. */
export const SEARCH_DEBOUNCE_MS = 80;

export type SearchState = { status: 'idle' } | { status: 'loading'; results: SearchResult[] } | { status: 'done'; results: SearchResult[] } | { status: 'error'; message: string };

/** Results for the text as typed: debounced, and an answer to older text is ignored. */
export function useSearchResults(text: string): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const latest = useRef(0);
  useEffect(() => {
    const request = ++latest.current;
    if (!text.trim()) {
      setState({ status: 'idle' });
      return;
    }
    setState((previous) => ({ status: 'loading', results: 'results' in previous ? previous.results : [] }));
    const timer = window.setTimeout(() => {
      call('search.query', { text, limit: 20 }).then(
        (results) => request === latest.current && setState({ status: 'done', results }),
        (error: unknown) => request === latest.current && setState({ status: 'error', message: error instanceof Error ? error.message : 'Search failed.' }),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);
  return state;
}
