import type { NoteSummary } from '#shared/domain/note';
import { hrefFor, type Route } from '../router';
import { formatDate } from './format';

const WHERE: Record<NoteSummary['parentType'], string> = { opening: 'on an opening', interview: 'on an interview', company: 'on a company', contact: 'on a contact' };

/** Notes kept elsewhere, each linking to the page it belongs to. */
export function NoteLinks({ notes }: { notes: NoteSummary[] }) {
  return (
    <ul className="plain-list">
      {notes.map((note) => (
        <li key={note.id}>
          <a className="strong" href={hrefFor({ name: note.parentType, id: note.parentId } as Route)}>
            {note.title}
          </a>
          <span className="muted">
            {WHERE[note.parentType]} · {formatDate(note.updatedAt)}
          </span>
          {note.excerpt && <p className="note-excerpt">{note.excerpt}</p>}
        </li>
      ))}
    </ul>
  );
}
