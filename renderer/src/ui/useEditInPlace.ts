import { useRef, useState } from 'react';
import { useFormSubmit, type FormSubmit } from './useFormSubmit';

export interface EditInPlace<D> extends FormSubmit {
  /** What the form holds; undefined while the panel only shows its values. */
  draft: D | undefined;
  setDraft: React.Dispatch<React.SetStateAction<D | undefined>>;
  /** The panel's Edit button, which gets the focus back when the form is put away. */
  editRef: React.RefObject<HTMLButtonElement | null>;
  /** Puts the form away (saved or cancelled): its messages go, the focus returns to Edit. */
  stopEditing(): void;
}

/** A panel that shows values and turns into their form on Edit (the opening's facts, its job posting). */
export function useEditInPlace<D>(fields: readonly string[]): EditInPlace<D> {
  const [draft, setDraft] = useState<D>();
  const form = useFormSubmit(fields);
  const editRef = useRef<HTMLButtonElement>(null);
  function stopEditing() {
    setDraft(undefined);
    form.clear();
    // Back to the button that opened the form, once it is rendered again.
    setTimeout(() => editRef.current?.focus(), 0);
  }
  return { ...form, draft, setDraft, editRef, stopEditing };
}
