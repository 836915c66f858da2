import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { DOCUMENT_FORMAT_LABELS, DOCUMENT_FORMATS, type DocumentFormat } from '../../../shared/domain/document-export';
import { handleMenuKeys } from './menu-keys';
import './export-menu.css';

interface ExportMenuProps {
  /** The accessible name, starting with the visible text, e.g. "Export the note". */
  label: string;
  /** The visible text; "Export" unless the page says more, e.g. "Prep sheet". */
  text?: string;
  disabled?: boolean;
  /** Shown while a file is being made. */
  busy?: boolean;
  className?: string;
  onExport(format: DocumentFormat): void;
  /** Raised by one each time something else (the command palette) asks for the menu to open. */
  openRequests?: number;
}

/** A menu of the formats a document can be saved in: Enter or Space opens, arrows move, Escape closes. */
export function ExportMenu({ label, text = 'Export', disabled, busy, className = 'button small', onExport, openRequests = 0 }: ExportMenuProps) {
  const [open, setOpen] = useState(openRequests > 0 && !disabled && !busy);
  const [seenRequests, setSeenRequests] = useState(openRequests);
  if (openRequests !== seenRequests) {
    setSeenRequests(openRequests);
    if (openRequests > seenRequests && !disabled && !busy) setOpen(true);
  }
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (open) menuRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [open]);

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  function pick(format: DocumentFormat) {
    close(true);
    onExport(format);
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    handleMenuKeys(event, menuRef.current, { close: () => close(true), leave: () => setOpen(false) });
  }

  return (
    <div
      className="export-menu"
      onBlur={(event) => {
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={className}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        // While a file is being made the button keeps its focus (a disabled one would drop it) but opens nothing.
        aria-busy={busy || undefined}
        aria-disabled={busy || undefined}
        disabled={disabled}
        onClick={() => {
          if (open) close(false);
          else if (!busy) setOpen(true);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open && !busy) {
            event.preventDefault();
            setOpen(true);
          } else if (event.key === 'Escape' && open) {
            event.preventDefault();
            close(true);
          }
        }}
      >
        {busy ? `${text}…` : text} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul ref={menuRef} id={menuId} role="menu" aria-label={label} className="export-menu-list" onKeyDown={onMenuKeyDown}>
          {DOCUMENT_FORMATS.map((format) => (
            <li key={format} role="none">
              <button type="button" role="menuitem" tabIndex={-1} onClick={() => pick(format)}>
                {DOCUMENT_FORMAT_LABELS[format]}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
