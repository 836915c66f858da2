import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Form } from '#renderer/ui/Form';
import './form-dialog.css';

interface FormDialogProps {
  title: string;
  children: ReactNode;
  submitLabel: string;
  busy?: boolean;
  error?: string;
  onSubmit(): void;
  onCancel(): void;
}

/**
 * A small modal form, open while it is rendered. Escape or Cancel closes it
 * without doing anything; focus starts on the first field and goes back to
 * where it was when the dialog closes.
 */
export function FormDialog({ title, children, submitLabel, busy, error, onSubmit, onCancel }: FormDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    // A choice made already (a preselected radio) is where the keyboard picks up.
    (dialog.querySelector<HTMLElement>('input[type="radio"]:checked') ?? dialog.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea, button'))?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      before?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog form-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <Form labelledBy={titleId} error={error} busy={busy} submitLabel={submitLabel} onSubmit={onSubmit} onCancel={onCancel}>
        {children}
      </Form>
    </dialog>
  );
}
