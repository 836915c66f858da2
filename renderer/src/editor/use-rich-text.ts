import { useEditor, type AnyExtension, type Editor } from '@tiptap/react';
import type { Node as PMNode } from '@tiptap/pm/model';
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { DocNode } from '#shared/domain/note';
import type { AutosaveStatus } from './autosave-controller';
import { fitsNoteSchema, noteExtensions } from './extensions';
import { sectioned } from './note-sections';
import { useAutosave } from './use-autosave';

/**
 * What is saved together: the rich text and the plain fields beside it (a
 * note's title, a letter's subject, a template's name). ProseMirror documents
 * are immutable, so holding one is a cheap snapshot; JSON is made only when saving.
 */
export interface RichTextDraft<F> {
  fields: F;
  doc: PMNode;
}

export interface RichTextOptions<F> {
  /** What is being edited (e.g. a note or letter id): the key for app-wide flushes. The editor is created once per key. */
  saveKey: string;
  doc: DocNode;
  fields: F;
  /** Makes a draft durable; read once, like useAutosave's. */
  save(draft: RichTextDraft<F>): Promise<void>;
  /** The accessible name of the text area. */
  label: string;
  placeholder?: string;
  /** Behaviour on top of the note schema (plugins only: what a document may hold stays the same). Read once. */
  extraExtensions?: AnyExtension[];
  /** Edit a long document in sections (note-sections.ts); `save` must then store `flattened(doc.toJSON())`. Read once. */
  sections?: boolean;
}

export interface RichText<F> {
  editor: Editor | null;
  /** False when the stored document holds content this version cannot show; it is then read-only. */
  readable: boolean;
  status: AutosaveStatus;
  fields: F;
  setField<K extends keyof F>(name: K, value: F[K]): void;
  /** Saves now; resolves when everything typed so far is durable. */
  flush(): Promise<void>;
  /** Ctrl/⌘+S saves at once instead of the browser's "save page"; put it on the editor's container. */
  onKeyDown(event: KeyboardEvent): void;
}

/**
 * A TipTap editor plus its autosave: the shared heart of the note, letter and
 * template editors. Typing saves after a pause, leaving a field or the text
 * saves at once, and the edits are flushed when the component goes away or
 * the app asks every editor to save.
 */
export function useRichText<F>({ saveKey, doc, fields: initialFields, save, label, placeholder, extraExtensions = [], sections = false }: RichTextOptions<F>): RichText<F> {
  // A document this version cannot represent fully is shown read-only, so no save can overwrite what it holds.
  const readable = useMemo(() => fitsNoteSchema(doc), [doc]);
  const [fields, setFields] = useState(initialFields);
  const fieldsRef = useRef(initialFields);
  const { status, controller } = useAutosave<RichTextDraft<F>>(saveKey, save);
  const [extensions] = useState(() => [...noteExtensions({ placeholder, sections }), ...extraExtensions]);

  const editor = useEditor(
    {
      extensions,
      // Our CSP forbids injected <style>; the same rules ship in prosemirror-base.css.
      injectCSS: false,
      content: sections ? sectioned(doc) : doc,
      editable: readable,
      editorProps: { attributes: { class: 'note-body', 'aria-label': label, 'aria-multiline': 'true' } },
      onUpdate: ({ editor: current }) => controller.change({ fields: fieldsRef.current, doc: current.state.doc }),
      onBlur: () => void controller.flush(),
    },
    [saveKey],
  );

  const setField = useCallback(
    <K extends keyof F>(name: K, value: F[K]) => {
      const next = { ...fieldsRef.current, [name]: value };
      fieldsRef.current = next;
      setFields(next);
      if (editor) controller.change({ fields: next, doc: editor.state.doc });
    },
    [controller, editor],
  );

  const flush = useCallback(() => controller.flush(), [controller]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void controller.flush();
      }
    },
    [controller],
  );

  return { editor, readable, status, fields, setField, flush, onKeyDown };
}
