import { EditorContent, useEditor } from '@tiptap/react';
import type { Node as PMNode } from '@tiptap/pm/model';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { LIMITS } from '../../../shared/domain/fields';
import type { DocNode, Note } from '../../../shared/domain/note';
import { call } from '../api';
import { Alert } from '../ui/Alert';
import { excerptOf } from './excerpt';
import { fitsNoteSchema, noteExtensions } from './extensions';
import { LinkForm } from './LinkForm';
import { SaveIndicator } from './SaveIndicator';
import { Toolbar } from './Toolbar';
import { useAutosave } from './use-autosave';

/** What a successful save reports, enough to refresh a list of notes. */
export interface SavedNote {
  id: string;
  title: string;
  excerpt: string;
  updatedAt: string;
  revision: number;
}

interface Draft {
  title: string;
  /** ProseMirror documents are immutable, so holding one is a cheap snapshot; JSON is made only when saving. */
  doc: PMNode;
}

interface NoteDocumentProps {
  note: Note;
  onSaved?(note: SavedNote): void;
  autoFocusTitle?: boolean;
}

/** One loaded note: its title, toolbar and text, saved as the user types. */
export function NoteDocument({ note, onSaved, autoFocusTitle }: NoteDocumentProps) {
  // A document this version cannot represent fully is shown read-only, so no save can overwrite what it holds.
  const readable = useMemo(() => fitsNoteSchema(note.doc), [note.doc]);
  const [title, setTitle] = useState(note.title);
  const titleRef = useRef(note.title);
  const titleInput = useRef<HTMLInputElement>(null);
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);

  const save = useCallback(
    async (draft: Draft) => {
      const saved = await call('notes.save', { id: note.id, title: draft.title, doc: draft.doc.toJSON() as DocNode });
      onSavedRef.current?.({ id: saved.id, title: draft.title.trim() || 'Untitled note', excerpt: excerptOf(draft.doc), updatedAt: saved.updatedAt, revision: saved.revision });
    },
    [note.id],
  );
  const { status, controller } = useAutosave<Draft>(note.id, save);
  const extensions = useMemo(() => noteExtensions(), []);

  const editor = useEditor(
    {
      extensions,
      // Our CSP forbids injected <style>; the same rules ship in prosemirror-base.css.
      injectCSS: false,
      content: note.doc,
      editable: readable,
      editorProps: { attributes: { class: 'note-body', 'aria-label': 'Note text', 'aria-multiline': 'true' } },
      onUpdate: ({ editor: current }) => controller.change({ title: titleRef.current, doc: current.state.doc }),
      onBlur: () => void controller.flush(),
    },
    [note.id],
  );

  const [linkFormOpen, setLinkFormOpen] = useState(false);
  const linkFormId = useId();
  const titleId = useId();

  useEffect(() => {
    if (!autoFocusTitle) return;
    titleInput.current?.focus();
    titleInput.current?.select();
  }, [autoFocusTitle]);

  function changeTitle(value: string) {
    setTitle(value);
    titleRef.current = value;
    if (editor) controller.change({ title: value, doc: editor.state.doc });
  }

  function saveNow(event: KeyboardEvent) {
    // Ctrl/⌘+S out of habit: save at once instead of the browser's "save page".
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void controller.flush();
    }
  }

  if (!editor) return null;
  return (
    <article className="note-editor" aria-labelledby={titleId} onKeyDown={saveNow}>
      <div className="note-editor-head">
        <label htmlFor={titleId} className="sr-only">
          Note title
        </label>
        <input
          id={titleId}
          ref={titleInput}
          className="note-title"
          value={title}
          placeholder="Untitled note"
          maxLength={LIMITS.name}
          disabled={!readable}
          onChange={(event) => changeTitle(event.target.value)}
          onBlur={() => void controller.flush()}
          onKeyDown={(event) => {
            // Enter moves on to the text, as in a document.
            if (event.key === 'Enter') {
              event.preventDefault();
              editor.commands.focus('start');
            }
          }}
        />
        <SaveIndicator status={status} />
      </div>
      {!readable && <Alert tone="error">This note holds content this version of Afterview cannot display in full. It is shown read-only so that nothing in it is overwritten.</Alert>}
      <Toolbar editor={editor} linkFormOpen={linkFormOpen} linkFormId={linkFormId} onLinkClick={() => setLinkFormOpen((open) => !open)} />
      {linkFormOpen && <LinkForm id={linkFormId} editor={editor} onClose={() => setLinkFormOpen(false)} />}
      <EditorContent editor={editor} className="note-content" />
    </article>
  );
}
