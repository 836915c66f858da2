import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { SCREEN_SHORTCUTS, SEARCH_KEY, SHORTCUTS_HELP_KEY } from '../../../../shared/domain/shortcuts';
import { onEvent } from '../../api';
import { CommandPalette } from '../search/CommandPalette';
import { ShortcutsDialog } from './ShortcutsDialog';

interface ShellKeysApi {
  openSearch(): void;
  showShortcuts(): void;
}
const ShellKeysContext = createContext<ShellKeysApi>({ openSearch: () => undefined, showShortcuts: () => undefined });

/** Opens the search palette or the shortcuts list from any button. */
export const useShellKeys = () => useContext(ShellKeysContext);

/** Typing into a field: a bare "?" is text there, not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

/**
 * The app's keyboard shortcuts, handled in this one place: Mod+1…8 and Mod+,
 * go to the screens, Mod+K opens search, ? or Mod+/ the shortcuts list. The
 * menu's Go items arrive here too. Listens in the capture phase so an editor
 * that would take Mod+K for itself never sees it.
 */
export function ShellKeys({ children }: { children: ReactNode }) {
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const openSearch = useCallback(() => {
    setShortcutsOpen(false);
    setPaletteOpen(true);
  }, []);
  const showShortcuts = useCallback(() => {
    setPaletteOpen(false);
    setShortcutsOpen(true);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && !event.altKey && !event.shiftKey) {
        if (key === SEARCH_KEY) {
          event.preventDefault();
          event.stopPropagation();
          openSearch();
          return;
        }
        if (key === SHORTCUTS_HELP_KEY) {
          event.preventDefault();
          showShortcuts();
          return;
        }
        const screen = SCREEN_SHORTCUTS.find((shortcut) => shortcut.key === key);
        if (screen) {
          event.preventDefault();
          setPaletteOpen(false);
          setShortcutsOpen(false);
          window.location.hash = `#${screen.path}`;
        }
        return;
      }
      if (event.key === '?' && !mod && !event.altKey && !isTyping(event.target)) {
        event.preventDefault();
        showShortcuts();
      }
    };
    window.addEventListener('keydown', onKey, true);
    const stopCommands = onEvent('app.command', ({ command }) => (command === 'openSearch' ? openSearch() : showShortcuts()));
    return () => {
      window.removeEventListener('keydown', onKey, true);
      stopCommands();
    };
  }, [openSearch, showShortcuts]);

  const api = useMemo(() => ({ openSearch, showShortcuts }), [openSearch, showShortcuts]);
  return (
    <ShellKeysContext.Provider value={api}>
      {children}
      <CommandPalette open={paletteOpen} onClose={() => setPaletteOpen(false)} />
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </ShellKeysContext.Provider>
  );
}
