import { SEARCH_KEY } from '#shared/domain/shortcuts';
import { ariaKeys, formatKeys } from '../shortcuts/keys';
import { useShellKeys } from '../shortcuts/ShellKeys';

const KEYS = `Mod-${SEARCH_KEY.toUpperCase()}`;

/** The sidebar's Search button; the palette itself and its Ctrl/Cmd+K live with the other shortcuts (ShellKeys). */
export function SearchLauncher() {
  const { openSearch } = useShellKeys();
  return (
    <button type="button" className="button sidebar-search" aria-keyshortcuts={ariaKeys(KEYS)} onClick={openSearch}>
      Search
      <kbd aria-hidden="true">{formatKeys(KEYS)}</kbd>
    </button>
  );
}
