import type { NoteParent, NoteSummary } from '../../../shared/domain/note';
import { formatDate } from '../ui/format';

interface NotesPanelProps {
  parentType: NoteParent;
  parentId: string;
  notes: NoteSummary[];
  onChanged(): void;
}

/**
 * TEMPORARY stand-in so the screens compile: the real NotesPanel (TipTap
 * editor, create and autosave) replaces this file at merge.
 */
export function NotesPanel({ notes }: NotesPanelProps) {
  return (
    <section className="panel" aria-label="Notes">
      <h2>Notes</h2>
      {notes.length === 0 ? (
        <p className="field-hint">No notes yet.</p>
      ) : (
        <ul>
          {notes.map((note) => (
            <li key={note.id}>
              {note.title} <span className="field-hint">· {formatDate(note.updatedAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
