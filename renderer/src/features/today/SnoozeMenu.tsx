import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { handleMenuKeys } from '../../ui/menu-keys';
import { SNOOZE_LABELS, type SnoozeChoice } from '../../../../shared/domain/snooze';

export type SnoozePick = { choice: SnoozeChoice } | { custom: true };

interface SnoozeMenuProps {
  /** The accessible name, starting with the visible "Snooze", e.g. "Snooze: Thank Dana Reyes". */
  label: string;
  disabled?: boolean;
  onPick(pick: SnoozePick): void;
}

const PRESETS: SnoozeChoice[] = ['15m', '1h', 'tomorrow'];

/** Snooze presets and "Pick a time…": Enter or Space opens, arrows move, Escape closes. */
export function SnoozeMenu({ label, disabled, onPick }: SnoozeMenuProps) {
  const [open, setOpen] = useState(false);
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

  function pick(next: SnoozePick) {
    // Focus goes back to the button first; a picked time form then takes it.
    close(true);
    onPick(next);
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    handleMenuKeys(event, menuRef.current, { close: () => close(true), leave: () => setOpen(false) });
  }

  return (
    <div
      className="snooze-menu"
      onBlur={(event) => {
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="button small"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => (open ? close(false) : setOpen(true))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          } else if (event.key === 'Escape' && open) {
            event.preventDefault();
            close(true);
          }
        }}
      >
        Snooze <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul ref={menuRef} id={menuId} role="menu" aria-label={label} className="snooze-menu-list" onKeyDown={onMenuKeyDown}>
          {PRESETS.map((choice) => (
            <li key={choice} role="none">
              <button type="button" role="menuitem" tabIndex={-1} onClick={() => pick({ choice })}>
                {SNOOZE_LABELS[choice]}
              </button>
            </li>
          ))}
          <li role="none">
            <button type="button" role="menuitem" tabIndex={-1} onClick={() => pick({ custom: true })}>
              Pick a time…
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
