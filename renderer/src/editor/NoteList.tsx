import { useEffect, useId, useState } from 'react';
import type { NoteSummary } from '#shared/domain/note';
import { relativeTime } from './relative-time';

interface NoteListProps {
  notes: NoteSummary[];
  selectedId: string | null;
  onSelect(id: string): void;
  onDelete(note: NoteSummary): void;
}

/** The notes of one parent, newest first: title, first words, when last changed. */
export function NoteList({ notes, selectedId, onSelect, onDelete }: NoteListProps) {
  const prefix = useId();
  // "Edited 2 minutes ago" should not freeze while the panel stays open.
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <ul className="note-list" aria-label="Notes">
      {notes.map((note) => {
        const id = `${prefix}-${note.id}`;
        const selected = note.id === selectedId;
        return (
          <li key={note.id} className={`note-list-item${selected ? ' selected' : ''}`}>
            {/* The button's name is the title alone (what a voice user says); its ::after covers the row, so the excerpt and time are clicked through it. */}
            <div className="note-open-body">
              <button type="button" className="note-open" aria-current={selected ? 'true' : undefined} aria-describedby={`${id}-excerpt ${id}-time`} onClick={() => onSelect(note.id)}>
                {note.title || 'Untitled note'}
              </button>
              <span id={`${id}-excerpt`} className="note-open-excerpt">
                {note.excerpt || 'Empty note'}
              </span>
              <time id={`${id}-time`} className="note-open-time" dateTime={note.updatedAt}>
                Edited {relativeTime(note.updatedAt, now)}
              </time>
            </div>
            <button type="button" className="icon-button note-delete" aria-label={`Delete note “${note.title || 'Untitled note'}”`} title="Delete note" onClick={() => onDelete(note)}>
              <svg viewBox="0 0 20 20" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
                <path d="M4 6h12M8 6V4.5h4V6M5.5 6l.8 10h7.4l.8-10" />
              </svg>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
