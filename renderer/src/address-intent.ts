import { useEffect, useRef } from 'react';

/**
 * A one-time request carried in the address, as "#/data?import=csv": the
 * screen acts on it when it shows, or when asked again while already showing,
 * and the address drops it so a reload or Back does not do it twice.
 */
export function useAddressIntent(path: string, query: string, onIntent: () => void): void {
  const latest = useRef(onIntent);
  useEffect(() => {
    latest.current = onIntent;
  });
  useEffect(() => {
    const check = () => {
      if (window.location.hash !== `#${path}?${query}`) return;
      window.history.replaceState(null, '', `#${path}`);
      latest.current();
    };
    check();
    window.addEventListener('hashchange', check);
    return () => window.removeEventListener('hashchange', check);
  }, [path, query]);
}
