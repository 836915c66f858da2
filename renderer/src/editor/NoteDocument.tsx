import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { DocumentFormat } from '#shared/domain/document-export';
import { LIMITS } from '#shared/domain/fields';
import type { DocNode, Note } from '#shared/domain/note';
import { call } from '../api';
import { downloadBase64 } from '../features/letters/download';
import { ExportMenu } from '../ui/ExportMenu';
import { messageOf } from '../ui/message-of';
import { excerptOf } from './excerpt';
import { flattened } from './note-sections';
import { RichTextArea } from './RichTextArea';
import { SaveIndicator } from './SaveIndicator';
import { useRichText, type RichTextDraft } from './use-rich-text';

/** What a successful save reports, enough to refresh a list of notes. */
export interface SavedNote {
  id: string;
  title: string;
  excerpt: string;
  updatedAt: string;
  revision: number;
}

interface NoteDocumentProps {
  note: Note;
  onSaved?(note: SavedNote): void;
  autoFocusTitle?: boolean;
}

/** One loaded note: its title, toolbar and text, saved as the user types. */
export function NoteDocument({ note, onSaved, autoFocusTitle }: NoteDocumentProps) {
  const titleInput = useRef<HTMLInputElement>(null);
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);

  const save = useCallback(
    async ({ fields, doc }: RichTextDraft<{ title: string }>) => {
      const saved = await call('notes.save', { id: note.id, title: fields.title, doc: flattened(doc.toJSON() as DocNode) });
      onSavedRef.current?.({ id: saved.id, title: fields.title.trim() || 'Untitled note', excerpt: excerptOf(doc), updatedAt: saved.updatedAt, revision: saved.revision });
    },
    [note.id],
  );
  const { editor, readable, status, fields, setField, flush, onKeyDown } = useRichText({ saveKey: note.id, doc: note.doc, fields: { title: note.title }, save, label: 'Note text', sections: true });
  const titleId = useId();
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<{ tone: 'done' | 'error'; text: string }>();

  /** Saves what is on screen first, so the file holds the latest words. */
  async function exportAs(format: DocumentFormat) {
    setExporting(true);
    setExported(undefined);
    try {
      await flush();
      const file = await call('notes.export', { id: note.id, format });
      const saved = await downloadBase64(file.fileName, file.dataBase64, file.mimeType);
      if (saved) setExported({ tone: 'done', text: `Saved as ${saved}.` });
    } catch (caught) {
      setExported({ tone: 'error', text: `The note could not be exported: ${messageOf(caught)}` });
    } finally {
      setExporting(false);
    }
  }

  useEffect(() => {
    if (!autoFocusTitle) return;
    titleInput.current?.focus();
    titleInput.current?.select();
  }, [autoFocusTitle]);

  if (!editor) return null;
  return (
    <article className="note-editor" aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <div className="note-editor-head">
        <label htmlFor={titleId} className="sr-only">
          Note title
        </label>
        <input
          id={titleId}
          ref={titleInput}
          className="note-title"
          value={fields.title}
          placeholder="Untitled note"
          maxLength={LIMITS.name}
          disabled={!readable}
          onChange={(event) => setField('title', event.target.value)}
          onBlur={() => void flush()}
          onKeyDown={(event) => {
            // Enter moves on to the text, as in a document.
            if (event.key === 'Enter') {
              event.preventDefault();
              editor.commands.focus('start');
            }
          }}
        />
        <SaveIndicator status={status} />
        <ExportMenu label="Export the note" disabled={!readable} busy={exporting} onExport={(format) => void exportAs(format)} />
      </div>
      {exported && (
        <p className={`note-export-message${exported.tone === 'error' ? ' note-export-error' : ''}`} role={exported.tone === 'error' ? 'alert' : 'status'}>
          {exported.text}
        </p>
      )}
      <RichTextArea editor={editor} readable={readable} what="note" />
    </article>
  );
}
