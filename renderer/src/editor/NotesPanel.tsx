import { useId, useState } from 'react';
import type { Note, NoteParent, NoteSummary } from '#shared/domain/note';
import { call } from '../api';
import { Alert } from '../ui/Alert';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useToast } from '../ui/toast';
import { flushAll } from './flush-registry';
import { NoteEditor, type SavedNote } from './NoteEditor';
import { NoteList } from './NoteList';
import { useNoteList, type NoteList as NoteListState } from './use-note-list';
import { messageOf } from '../ui/message-of';

interface NotesPanelProps {
  parentType: NoteParent;
  parentId: string;
  /** The parent's notes as last loaded. */
  notes: NoteSummary[];
  /** Notes were added, deleted or restored: reload `notes`. */
  onChanged(): void;
  /** Set (a new object each time) to open a note from elsewhere on the page, e.g. a timeline. */
  openRequest?: { noteId: string };
  /** The page's own view of these notes (useNoteList), when it shows them elsewhere too; else the panel keeps one. */
  shared?: NoteListState;
}

/** Why notes are worth writing, said for each place they live. */
const PURPOSE: Record<NoteParent, string> = {
  opening: 'Keep what you learn about this job in one place: what the role really involves, the questions you still have, and how each conversation went.',
  interview: 'Write down what was asked, how you answered and what you would say better next time, while the conversation is still fresh.',
  company: 'Collect what you find out about this company, its people and its plans, so you can bring it up in the next conversation.',
  contact: 'Remember what you talked about with this person and what matters to them, so your next message picks up where the last one ended.',
};


function summaryOf(note: Note): NoteSummary {
  return { id: note.id, parentType: note.parentType, parentId: note.parentId, title: note.title, excerpt: '', createdAt: note.createdAt, updatedAt: note.updatedAt };
}

/** The notes of an opening, interview, company or contact, with the editor beside the list. */
export function NotesPanel({ parentType, parentId, notes, onChanged, openRequest, shared }: NotesPanelProps) {
  const toast = useToast();
  const headingId = useId();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [handledRequest, setHandledRequest] = useState(openRequest);
  if (openRequest !== handledRequest) {
    // Adjusting state while rendering, as React recommends for props that reset a choice.
    setHandledRequest(openRequest);
    if (openRequest) setSelectedId(openRequest.noteId);
  }
  const [justCreated, setJustCreated] = useState<string | null>(null);
  const own = useNoteList(notes);
  const { list, upsert, markRemoved } = shared ?? own;
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string>();
  const [confirming, setConfirming] = useState<NoteSummary | null>(null);

  async function create() {
    setCreating(true);
    setCreateError(undefined);
    try {
      const note = await call('notes.create', { parentType, parentId });
      upsert(summaryOf(note));
      setJustCreated(note.id);
      setSelectedId(note.id);
      onChanged();
    } catch (error) {
      setCreateError(`The note could not be created: ${messageOf(error)}`);
    } finally {
      setCreating(false);
    }
  }

  function select(id: string) {
    // The open editor saves what it holds as it closes; NoteEditor sees to the order.
    setJustCreated(null);
    setSelectedId(id);
  }

  function saved(note: SavedNote) {
    // Shown at once; the parent need not reload on every pause in typing.
    const known = list.find((item) => item.id === note.id);
    upsert({ parentType, parentId, createdAt: known?.createdAt ?? note.updatedAt, id: note.id, title: note.title, excerpt: note.excerpt, updatedAt: note.updatedAt });
  }

  async function remove(note: NoteSummary) {
    setConfirming(null);
    const title = note.title || 'Untitled note';
    try {
      // Undo should bring back the latest words, so the open editor saves first.
      await flushAll(note.id);
      await call('notes.delete', { id: note.id });
    } catch (error) {
      toast.show(`“${title}” could not be deleted: ${messageOf(error)}`, { tone: 'error' });
      return;
    }
    setSelectedId((current) => (current === note.id ? null : current));
    markRemoved(note.id, true);
    onChanged();
    toast.show(`Deleted “${title}”.`, { action: { label: 'Undo', run: () => restore(note) } });
  }

  async function restore(note: NoteSummary) {
    const title = note.title || 'Untitled note';
    try {
      await call('trash.restore', { kind: 'note', id: note.id });
    } catch (error) {
      toast.show(`“${title}” could not be restored: ${messageOf(error)}`, { tone: 'error' });
      return;
    }
    markRemoved(note.id, false);
    onChanged();
    toast.show(`Restored “${title}”.`);
  }

  return (
    <section className="notes-panel" aria-labelledby={headingId}>
      <header className="notes-panel-header">
        <h2 id={headingId}>Notes</h2>
        {list.length > 0 && (
          <button type="button" className="button" onClick={() => void create()} disabled={creating}>
            New note
          </button>
        )}
      </header>
      {createError && <Alert tone="error">{createError}</Alert>}

      {list.length === 0 ? (
        <div className="empty">
          <h3>No notes yet</h3>
          <p>{PURPOSE[parentType]}</p>
          <button type="button" className="button primary" onClick={() => void create()} disabled={creating}>
            New note
          </button>
        </div>
      ) : (
        <div className="notes-panel-body">
          <NoteList notes={list} selectedId={selectedId} onSelect={select} onDelete={setConfirming} />
          {selectedId ? (
            <NoteEditor noteId={selectedId} onSaved={saved} autoFocusTitle={justCreated === selectedId} />
          ) : (
            <p className="notes-placeholder">Pick a note to read or edit it, or start a new one.</p>
          )}
        </div>
      )}

      <ConfirmDialog
        open={confirming !== null}
        title="Delete this note?"
        confirmLabel="Delete note"
        danger
        onConfirm={() => confirming && void remove(confirming)}
        onCancel={() => setConfirming(null)}
      >
        “{confirming?.title || 'Untitled note'}” goes to the trash. You can undo this right after.
      </ConfirmDialog>
    </section>
  );
}
