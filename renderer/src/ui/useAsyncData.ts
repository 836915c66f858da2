import { useCallback, useEffect, useState } from 'react';
import { messageOf } from './message-of';

export interface AsyncData<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  reload(): void;
}

interface Loaded<T> {
  version: number;
  data?: T;
  error?: string;
}

/**
 * Loads data on mount, whenever `load` changes (keep it stable: module-level
 * or useCallback) and on reload(); keeps the last good data while reloading.
 */
export function useAsyncData<T>(load: () => Promise<T>): AsyncData<T> {
  const [version, setVersion] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<T>>({ version: -1 });

  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setLoaded({ version, data }),
      (error: unknown) => current && setLoaded((previous) => ({ version, data: previous.data, error: messageOf(error) })),
    );
    return () => {
      current = false;
    };
  }, [load, version]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { data: loaded.data, error: loaded.error, loading: loaded.version !== version, reload };
}
