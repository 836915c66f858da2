import type { NoteSummary } from '#shared/domain/note';

/** What the panel knows before its parent has reloaded: notes just created or saved, and notes just deleted. */
export interface LocalNoteChanges {
  upserts: ReadonlyMap<string, NoteSummary>;
  removed: ReadonlySet<string>;
}

export const NO_LOCAL_CHANGES: LocalNoteChanges = { upserts: new Map(), removed: new Set() };

/**
 * The list to show: the parent's notes, updated by local changes that are
 * newer than what the parent has, most recently changed first.
 */
export function mergeNotes(fromParent: readonly NoteSummary[], local: LocalNoteChanges): NoteSummary[] {
  const byId = new Map<string, NoteSummary>();
  for (const note of fromParent) if (!local.removed.has(note.id)) byId.set(note.id, note);
  for (const note of local.upserts.values()) {
    if (local.removed.has(note.id)) continue;
    const known = byId.get(note.id);
    if (!known || note.updatedAt > known.updatedAt) byId.set(note.id, note);
  }
  return [...byId.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}
