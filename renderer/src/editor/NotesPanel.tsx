import type { NoteSummary } from '../../../shared/domain/note';
import { formatDate } from '../ui/format';

export interface NotesPanelProps {
  parentType: 'opening' | 'interview' | 'company' | 'contact';
  parentId: string;
  notes: NoteSummary[];
  onChanged(): void;
}

/**
 * TEMPORARY stand-in so this branch compiles: the real NotesPanel (TipTap
 * editor, create, autosave) is built on the editor branch and replaces this
 * file at merge. It only lists the notes' titles.
 */
export function NotesPanel({ notes }: NotesPanelProps) {
  if (notes.length === 0) return <p className="field-hint">No notes yet.</p>;
  return (
    <ul>
      {notes.map((note) => (
        <li key={note.id}>
          {note.title} <span className="field-hint">· {formatDate(note.updatedAt)}</span>
        </li>
      ))}
    </ul>
  );
}
