import { useLayoutEffect, useState } from 'react';

/**
 * The width a chart has on screen, in CSS pixels, kept current as the window
 * resizes. Charts draw at this size (rather than scaling a fixed drawing), so
 * their text stays the size of the text around them in a narrow column too.
 * `ref` is a callback ref: the chart may swap its element (empty ↔ drawn).
 */
export function useChartWidth<T extends HTMLElement>(fallback: number, { min = 280, max = 900 } = {}) {
  const [element, setElement] = useState<T | null>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    if (!element) return;
    const measure = () => {
      const measured = element.getBoundingClientRect().width;
      // An element not laid out yet (or in a test DOM) measures 0: keep the fallback then.
      if (measured > 0) setWidth(Math.round(Math.min(max, Math.max(min, measured))));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, min, max]);
  return { ref: setElement, width };
}
