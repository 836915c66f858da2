import { useEffect, useState } from 'react';
import type { Note } from '#shared/domain/note';
import { call } from '../api';
import { Alert } from '../ui/Alert';
import { flushAll } from './flush-registry';
import { NoteDocument, type SavedNote } from './NoteDocument';
import './prosemirror-base.css';
import './editor.css';
import { messageOf } from '../ui/message-of';

export type { SavedNote };

interface NoteEditorProps {
  noteId: string;
  onSaved?(note: SavedNote): void;
  /** Put the caret in the title, e.g. for a note just created. */
  autoFocusTitle?: boolean;
}

/**
 * Opens a note for editing. A different noteId is a different editor: the
 * old one saves what it holds as it goes, and its undo history never leaks
 * into the next note.
 */
export function NoteEditor(props: NoteEditorProps) {
  return <NoteLoader key={props.noteId} {...props} />;
}

function NoteLoader({ noteId, onSaved, autoFocusTitle }: NoteEditorProps) {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ attempt: number; note?: Note; error?: string }>();

  useEffect(() => {
    let current = true;
    // Edits to this very note from an editor just closed must land before we read it back.
    flushAll(noteId)
      .then(() => call('notes.get', { id: noteId }))
      .then(
        (note) => current && setResult({ attempt, note }),
        (error: unknown) => current && setResult({ attempt, error: messageOf(error) }),
      );
    return () => {
      current = false;
    };
  }, [noteId, attempt]);

  if (result?.note) return <NoteDocument note={result.note} onSaved={onSaved} autoFocusTitle={autoFocusTitle} />;
  if (result?.error && result.attempt === attempt) {
    return (
      <div className="note-editor note-editor-message">
        <Alert tone="error">This note could not be opened: {result.error}</Alert>
        <button type="button" className="button" onClick={() => setAttempt((value) => value + 1)}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <p className="note-editor note-editor-message note-loading" role="status">
      Opening the note…
    </p>
  );
}
