import { useCallback, useState } from 'react';
import { CommandPalette } from './CommandPalette';
import { usePaletteShortcut } from './usePaletteShortcut';

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The sidebar's Search button and the palette it opens, also on Ctrl/Cmd+K. */
export function SearchLauncher() {
  const [open, setOpen] = useState(false);
  const show = useCallback(() => setOpen(true), []);
  usePaletteShortcut(show);
  return (
    <>
      <button type="button" className="button sidebar-search" aria-keyshortcuts={IS_MAC ? 'Meta+K' : 'Control+K'} onClick={show}>
        Search
        <kbd aria-hidden="true">{IS_MAC ? '⌘K' : 'Ctrl+K'}</kbd>
      </button>
      <CommandPalette open={open} onClose={() => setOpen(false)} />
    </>
  );
}
