import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ADD_OPENING_KEY, ADD_OPENING_PATH, SCREEN_SHORTCUTS, SEARCH_KEY, SHORTCUTS_HELP_KEY, type ShellCommand } from '#shared/domain/shortcuts';
import { onEvent } from '#renderer/api';
import { installHistoryNavigation, navigateHistory } from '#renderer/history-navigation';
import { CommandPalette } from '../search/CommandPalette';
import { IS_MAC } from './keys';
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
 * The app's keyboard shortcuts, handled in this one place: Mod+1…9 and Mod+,
 * go to the screens, Mod+K opens search, Mod+N the form for a new opening,
 * ? or Mod+/ the shortcuts list, Alt+←/→ (Cmd+[ and ] on a Mac) and the
 * mouse's buttons back and forward. The menu's items arrive here too. Listens in
 * the capture phase so an editor that would take Mod+K for itself never sees it.
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
  const goTo = useCallback((path: string) => {
    setPaletteOpen(false);
    setShortcutsOpen(false);
    window.location.hash = `#${path}`;
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
        const path = key === ADD_OPENING_KEY ? ADD_OPENING_PATH : SCREEN_SHORTCUTS.find((shortcut) => shortcut.key === key)?.path;
        if (path) {
          event.preventDefault();
          goTo(path);
        }
        return;
      }
      if (event.key === '?' && !mod && !event.altKey && !isTyping(event.target)) {
        event.preventDefault();
        showShortcuts();
      }
    };
    window.addEventListener('keydown', onKey, true);
    const stopHistory = installHistoryNavigation(IS_MAC);
    const commands: Record<ShellCommand, () => void> = {
      openSearch,
      showShortcuts,
      addOpening: () => goTo(ADD_OPENING_PATH),
      goBack: () => navigateHistory('back', 'shell'),
      goForward: () => navigateHistory('forward', 'shell'),
    };
    const stopCommands = onEvent('app.command', ({ command }) => commands[command]());
    return () => {
      window.removeEventListener('keydown', onKey, true);
      stopHistory();
      stopCommands();
    };
  }, [openSearch, showShortcuts, goTo]);

  const api = useMemo(() => ({ openSearch, showShortcuts }), [openSearch, showShortcuts]);
  return (
    <ShellKeysContext.Provider value={api}>
      {children}
      <CommandPalette open={paletteOpen} onClose={() => setPaletteOpen(false)} onShowShortcuts={showShortcuts} />
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </ShellKeysContext.Provider>
  );
}
