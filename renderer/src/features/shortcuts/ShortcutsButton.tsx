import { SHORTCUTS_HELP_KEY } from '#shared/domain/shortcuts';
import { ariaKeys } from './keys';
import { useShellKeys } from './ShellKeys';

/** Opens the shortcuts list (the same one ? opens). */
export function ShortcutsButton() {
  const { showShortcuts } = useShellKeys();
  return (
    <button type="button" className="button" aria-keyshortcuts={`? ${ariaKeys(`Mod-${SHORTCUTS_HELP_KEY}`)}`} onClick={showShortcuts}>
      Show keyboard shortcuts
    </button>
  );
}
