import { useCallback, useMemo, useState } from 'react';
import type { NoteSummary } from '#shared/domain/note';
import { mergeNotes, NO_LOCAL_CHANGES, type LocalNoteChanges } from './merge-notes';

export interface NoteList {
  /** The parent's notes with what was created, saved or deleted here since they were loaded, newest first. */
  list: NoteSummary[];
  upsert(note: NoteSummary): void;
  markRemoved(id: string, removed: boolean): void;
}

/**
 * The notes of one parent as this window knows them. A page that shows its
 * notes in more than one place (the opening's notes panel and its timeline)
 * holds one of these and hands it to both, so a saved title shows in each.
 */
export function useNoteList(fromParent: readonly NoteSummary[]): NoteList {
  const [local, setLocal] = useState<LocalNoteChanges>(NO_LOCAL_CHANGES);
  const upsert = useCallback((note: NoteSummary) => setLocal((current) => ({ upserts: new Map(current.upserts).set(note.id, note), removed: current.removed })), []);
  const markRemoved = useCallback(
    (id: string, removed: boolean) =>
      setLocal((current) => {
        const next = new Set(current.removed);
        if (removed) next.add(id);
        else next.delete(id);
        return { upserts: current.upserts, removed: next };
      }),
    [],
  );
  const list = useMemo(() => mergeNotes(fromParent, local), [fromParent, local]);
  return { list, upsert, markRemoved };
}
