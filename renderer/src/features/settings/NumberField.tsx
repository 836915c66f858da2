import { useId, type InputHTMLAttributes } from 'react';

interface NumberFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> {
  label: string;
  /** Shown after the box, e.g. "hours"; screen readers hear it with the hint. */
  unit: string;
  hint: string;
  error?: string;
}

/** A number with its unit beside it, its hint (and default) below, and its error tied to it. */
export function NumberField({ label, unit, hint, error, ...input }: NumberFieldProps) {
  const id = useId();
  const describedBy = [`${id}-unit`, error ? `${id}-error` : `${id}-hint`].join(' ');
  return (
    <div className="field number-field">
      <label htmlFor={id}>{label}</label>
      <div className="number-row">
        <input id={id} type="number" inputMode="decimal" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
        <span id={`${id}-unit`} className="number-unit">
          {unit}
        </span>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
