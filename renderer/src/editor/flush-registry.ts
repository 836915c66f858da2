type Flush = () => Promise<void>;

interface Entry {
  /** What is being saved, e.g. a note id; lets a reopened note wait for its own earlier edits. */
  key: string;
  flush: Flush;
}

const entries = new Set<Entry>();

/**
 * Every open editor registers how to make its edits durable, so the app can
 * save them all before the window closes or the page goes away.
 */
export function registerFlush(key: string, flush: Flush): () => void {
  const entry: Entry = { key, flush };
  entries.add(entry);
  return () => {
    entries.delete(entry);
  };
}

/** Resolves when every registered editor (or only those for `key`) has saved what it holds. */
export async function flushAll(key?: string): Promise<void> {
  const chosen = [...entries].filter((entry) => key === undefined || entry.key === key);
  await Promise.all(chosen.map((entry) => entry.flush()));
}
