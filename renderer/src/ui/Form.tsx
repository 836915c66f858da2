import { useId, type ReactNode, type Ref } from 'react';
import { Alert } from './Alert';

interface FormProps {
  /** For a control that opens the form (aria-controls). */
  id?: string;
  /** The heading above the fields; a form without one is named by `label`. */
  title?: ReactNode;
  /** The heading's level where the form sits: 2 on a page, 3 inside a section. */
  level?: 2 | 3;
  label?: string;
  /** The id of a heading outside the form (a dialog's title) that names it. */
  labelledBy?: string;
  className?: string;
  /** A message for the whole form: a refusal that is about none of its fields. */
  error?: string;
  busy?: boolean;
  submitLabel: string;
  /** What the submit button says while busy ("Saving…"); its label otherwise. */
  busyLabel?: string;
  /** Further buttons between Submit and Cancel (a link's Open and Remove). */
  moreActions?: ReactNode;
  /** Small buttons, for a form inside a list item or a menu. */
  small?: boolean;
  formRef?: Ref<HTMLFormElement>;
  onSubmit(): void;
  /** Cancel, and Escape anywhere in the form; a form without it has no Cancel. */
  onCancel?(): void;
  children: ReactNode;
}

/**
 * Every form's frame: its heading, the message for the whole form, the fields,
 * and Submit and Cancel. Escape cancels the innermost form only (nothing
 * around it, a page's notice or a menu, takes the same key press), and a form
 * already sending does not send again.
 */
export function Form({ id, title, level = 2, label, labelledBy, className, error, busy, submitLabel, busyLabel, moreActions, small, formRef, onSubmit, onCancel, children }: FormProps) {
  const titleId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  const size = small ? ' small' : '';
  return (
    <form
      ref={formRef}
      id={id}
      className={className}
      aria-labelledby={title ? titleId : labelledBy}
      aria-label={title || labelledBy ? undefined : label}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) onSubmit();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !onCancel) return;
        event.preventDefault();
        event.stopPropagation();
        onCancel();
      }}
    >
      {title && <Heading id={titleId}>{title}</Heading>}
      {error && <Alert tone="error">{error}</Alert>}
      {children}
      <div className="form-actions">
        <button type="submit" className={`button primary${size}`} disabled={busy}>
          {busy && busyLabel ? busyLabel : submitLabel}
        </button>
        {moreActions}
        {onCancel && (
          <button type="button" className={`button${size}`} onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
