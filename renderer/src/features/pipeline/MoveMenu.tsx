import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { handleMenuKeys } from '#renderer/ui/menu-keys';
import { STAGE_LABELS, STAGES, type Stage } from '#shared/domain/opening';

interface MoveMenuProps {
  /** The accessible name, e.g. "Move Engineer at Acme"; starts with the visible "Move". */
  label: string;
  current: Stage;
  onMove(stage: Stage): void;
}

/** A small menu of the other stages: arrows move, Enter picks, Escape closes. */
export function MoveMenu({ label, current, onMove }: MoveMenuProps) {
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState<CSSProperties>();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const menuId = useId();
  const choices = STAGES.filter((stage) => stage !== current);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    // Fixed to the window, so the board's scrolling never clips it; a scroll or resize closes it.
    const dismiss = () => setOpen(false);
    window.addEventListener('resize', dismiss);
    window.addEventListener('scroll', dismiss, true);
    return () => {
      window.removeEventListener('resize', dismiss);
      window.removeEventListener('scroll', dismiss, true);
    };
  }, [open]);

  function toggle() {
    if (open) {
      setOpen(false);
      return;
    }
    const rect = buttonRef.current?.getBoundingClientRect();
    if (rect) {
      const right = Math.max(window.innerWidth - rect.right, 8);
      const roomBelow = window.innerHeight - rect.bottom;
      setPlace(roomBelow < 300 && rect.top > roomBelow ? { right, bottom: window.innerHeight - rect.top + 4 } : { right, top: rect.bottom + 4 });
    }
    setOpen(true);
  }

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    handleMenuKeys(event, menuRef.current, { close: () => close(true), leave: () => setOpen(false) });
  }

  return (
    <div
      className="move-menu"
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
        onClick={toggle}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            toggle();
          }
        }}
      >
        Move
      </button>
      {open && (
        <ul ref={menuRef} id={menuId} role="menu" aria-label={label} className="move-menu-list" style={place} onKeyDown={onMenuKeyDown}>
          {choices.map((stage) => (
            <li key={stage} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  close(false);
                  onMove(stage);
                }}
              >
                {STAGE_LABELS[stage]}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
