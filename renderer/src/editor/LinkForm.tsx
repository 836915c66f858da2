import type { Editor } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { Form } from '../ui/Form';
import { TextField } from '../ui/TextField';
import { normalizeLinkInput, openExternalLink, refusedLinkMessage, UNSAFE_LINK_MESSAGE } from './links';

interface LinkFormProps {
  id: string;
  editor: Editor;
  onClose(): void;
}

/** Adds, changes or removes the link at the caret or on the selected text. */
export function LinkForm({ id, editor, onClose }: LinkFormProps) {
  // Read once when the form opens: the link being edited, if any.
  const [existing] = useState(() => (editor.isActive('link') ? ((editor.getAttributes('link').href as string | undefined) ?? '') : null));
  const [value, setValue] = useState(existing ?? '');
  const [error, setError] = useState<string>();
  const input = useRef<HTMLDivElement>(null);

  useEffect(() => {
    input.current?.querySelector('input')?.focus();
  }, []);

  function close() {
    onClose();
    editor.commands.focus();
  }

  function apply() {
    if (value.trim() === '') {
      setError(existing === null ? 'Type a web or e-mail address.' : 'Type an address, or use Remove link.');
      return;
    }
    const href = normalizeLinkInput(value);
    if (!href) {
      setError(refusedLinkMessage(value));
      return;
    }
    const chain = editor.chain().focus();
    let applied: boolean;
    if (existing !== null) applied = chain.extendMarkRange('link').setLink({ href }).run();
    else if (editor.state.selection.empty) {
      // Nothing selected: the address itself becomes the linked text.
      const text = href.startsWith('mailto:') ? href.slice('mailto:'.length) : href;
      applied = chain.insertContent({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else applied = chain.setLink({ href }).run();
    if (!applied) {
      setError(UNSAFE_LINK_MESSAGE);
      return;
    }
    onClose();
  }

  function remove() {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  }

  return (
    <Form
      id={id}
      className="link-form"
      label={existing === null ? 'Add link' : 'Edit link'}
      submitLabel="Save link"
      small
      moreActions={
        existing !== null && (
          <>
            <button type="button" className="button small" onClick={() => openExternalLink(existing)}>
              Open link
            </button>
            <button type="button" className="button small" onClick={remove}>
              Remove link
            </button>
          </>
        )
      }
      onSubmit={apply}
      onCancel={close}
    >
      <div ref={input} className="link-form-field">
        <TextField
          label="Link address"
          hint="A web page (https://…) or an e-mail address."
          value={value}
          error={error}
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => {
            setValue(event.target.value);
            setError(undefined);
          }}
        />
      </div>
    </Form>
  );
}
