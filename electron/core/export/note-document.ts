import type { Note } from '#shared/domain/note';
import { longDate } from '../letters/drafts';
import type { ExportableDocument } from './document-export';

/** What a note belongs to, in words: "Data Analyst at Northwind", and a short name for the file. */
export interface NoteOwner {
  label: string;
  short: string;
}

/** A note on its own: its title, what it belongs to and when it was last edited. */
export function noteDocument(note: Note, owner: NoteOwner): ExportableDocument {
  const title = note.title.trim() || 'Untitled note';
  return {
    fileStem: `${title} - ${owner.short}`,
    title,
    subtitle: [`Note on ${owner.label}`, `Last edited ${longDate(note.updatedAt)}`],
    body: note.doc,
  };
}
