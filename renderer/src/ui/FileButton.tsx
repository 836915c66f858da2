import type { ChangeEvent } from 'react';
import './file-button.css';

interface FileButtonProps {
  /** The button's text, which is also the file field's accessible name. */
  label: string;
  accept?: string;
  disabled?: boolean;
  className?: string;
  /** The file chosen; the field is cleared, so choosing the same file again is seen too. */
  onFile(file: File): void;
}

/** A button that opens the browser's file chooser: a visible label around a visually hidden file field. */
export function FileButton({ label, accept, disabled, className = 'button', onFile }: FileButtonProps) {
  function changed(event: ChangeEvent<HTMLInputElement>) {
    const input = event.target;
    const file = input.files?.[0];
    input.value = '';
    if (file) onFile(file);
  }
  return (
    <label className={`${className} file-button`} aria-disabled={disabled || undefined}>
      {label}
      <input type="file" className="sr-only" accept={accept} onChange={changed} disabled={disabled} />
    </label>
  );
}
