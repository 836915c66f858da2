import { useMenuButton } from '#renderer/ui/useMenuButton';
import { SNOOZE_LABELS, type SnoozeChoice } from '#shared/domain/snooze';

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
  const menu = useMenuButton();

  function pick(next: SnoozePick) {
    // Focus goes back to the button first; a picked time form then takes it.
    menu.close(true);
    onPick(next);
  }

  return (
    <div className="snooze-menu" {...menu.wrapperProps}>
      <button {...menu.buttonProps} type="button" className="button small" aria-label={label} disabled={disabled}>
        Snooze <span aria-hidden="true">▾</span>
      </button>
      {menu.open && (
        <ul {...menu.menuProps} aria-label={label} className="snooze-menu-list">
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
