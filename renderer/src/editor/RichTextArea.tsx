import { EditorContent, type Editor } from '@tiptap/react';
import { useId, useState } from 'react';
import { Alert } from '../ui/Alert';
import { LinkForm } from './LinkForm';
import { Toolbar } from './Toolbar';
import './prosemirror-base.css';
import './editor.css';

interface RichTextAreaProps {
  editor: Editor;
  readable: boolean;
  /** What the text is, for the read-only message: "note", "letter", "template". */
  what: string;
}

/** The toolbar, the link form and the text of a rich-text editor made with useRichText. */
export function RichTextArea({ editor, readable, what }: RichTextAreaProps) {
  const [linkFormOpen, setLinkFormOpen] = useState(false);
  const linkFormId = useId();
  return (
    <>
      {!readable && (
        <Alert tone="error">
          This {what} holds content this version of Afterview cannot display in full. It is shown read-only so that nothing in it is overwritten.
        </Alert>
      )}
      <Toolbar editor={editor} linkFormOpen={linkFormOpen} linkFormId={linkFormId} onLinkClick={() => setLinkFormOpen((open) => !open)} />
      {linkFormOpen && <LinkForm id={linkFormId} editor={editor} onClose={() => setLinkFormOpen(false)} />}
      <EditorContent editor={editor} className="note-content" />
    </>
  );
}
