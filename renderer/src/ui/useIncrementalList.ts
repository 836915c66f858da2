import { useEffect, useState } from 'react';

export const LIST_PAGE_SIZE = 100;

export interface IncrementalList<T> {
  /** The rows to render now: the first pages of `items`. */
  visible: T[];
  /** How many are not rendered yet. */
  remaining: number;
  pageSize: number;
  showMore(): void;
  /** Put on the element after the list: when it comes near the screen, the next page is rendered. */
  setEndMarker(element: HTMLDivElement | null): void;
}

/**
 * Renders a long list a page at a time. Laying out two thousand table rows
 * took the browser over a second, so a big vault's lists start with one page
 * and grow as the user scrolls towards their end (or presses "Show more").
 * `resetKey` names what the user asked for (filters, sort): when it changes,
 * the list starts again from its first page; a reload of the same list keeps
 * what was already shown.
 */
export function useIncrementalList<T>(items: readonly T[], resetKey: string, { pageSize = LIST_PAGE_SIZE, reveal = -1 }: { pageSize?: number; reveal?: number } = {}): IncrementalList<T> {
  const [shown, setShown] = useState({ key: resetKey, count: pageSize });
  // `reveal`: an item that must be on screen (e.g. a card just moved and about to take focus) brings its page with it.
  const count = Math.max(shown.key === resetKey ? shown.count : pageSize, Math.ceil((reveal + 1) / pageSize) * pageSize);
  if (shown.key !== resetKey) setShown({ key: resetKey, count: pageSize });
  const [endMarker, setEndMarker] = useState<HTMLDivElement | null>(null);
  const remaining = Math.max(0, items.length - count);

  useEffect(() => {
    if (!endMarker || remaining === 0 || typeof IntersectionObserver === 'undefined') return;
    // A new observer per page: its first report says whether the end is still near after this page.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setShown({ key: resetKey, count: count + pageSize });
      },
      { rootMargin: '0px 0px 800px 0px' },
    );
    observer.observe(endMarker);
    return () => observer.disconnect();
  }, [endMarker, count, remaining, pageSize, resetKey]);

  return {
    visible: remaining === 0 ? (items as T[]) : items.slice(0, count),
    remaining,
    pageSize,
    showMore: () => setShown({ key: resetKey, count: count + pageSize }),
    setEndMarker,
  };
}
