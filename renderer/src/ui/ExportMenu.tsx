import { useState } from 'react';
import { DOCUMENT_FORMAT_LABELS, DOCUMENT_FORMATS, type DocumentFormat } from '#shared/domain/document-export';
import { useMenuButton } from './useMenuButton';
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
  const menu = useMenuButton({ canOpen: !busy, initiallyOpen: openRequests > 0 && !disabled && !busy });
  const [seenRequests, setSeenRequests] = useState(openRequests);
  if (openRequests !== seenRequests) {
    setSeenRequests(openRequests);
    if (openRequests > seenRequests && !disabled) menu.openMenu();
  }

  function pick(format: DocumentFormat) {
    menu.close(true);
    onExport(format);
  }

  return (
    <div className="export-menu" {...menu.wrapperProps}>
      <button
        {...menu.buttonProps}
        type="button"
        className={className}
        aria-label={label}
        // While a file is being made the button keeps its focus (a disabled one would drop it) but opens nothing.
        aria-busy={busy || undefined}
        aria-disabled={busy || undefined}
        disabled={disabled}
      >
        {busy ? `${text}…` : text} <span aria-hidden="true">▾</span>
      </button>
      {menu.open && (
        <ul {...menu.menuProps} aria-label={label} className="export-menu-list">
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
