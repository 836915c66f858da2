import { ADD_OPENING_KEY, SCREEN_SHORTCUTS, SEARCH_KEY, SHORTCUTS_HELP_KEY } from '#shared/domain/shortcuts';

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Mod-Shift-S" as this computer writes it: "⌘⇧S" on a Mac, "Ctrl+Shift+S" elsewhere. */
export function formatKeys(keys: string, mac = IS_MAC): string {
  const parts = keys.split('-');
  if (mac) {
    const symbols: Record<string, string> = { Mod: '⌘', Alt: '⌥', Shift: '⇧', Ctrl: '⌃' };
    return parts.map((part) => symbols[part] ?? part).join('');
  }
  return parts.map((part) => (part === 'Mod' ? 'Ctrl' : part)).join('+');
}

/** The same keys for aria-keyshortcuts: "Control+K", "Meta+K". */
export function ariaKeys(keys: string, mac = IS_MAC): string {
  return keys
    .split('-')
    .map((part) => (part === 'Mod' ? (mac ? 'Meta' : 'Control') : part))
    .join('+');
}

export interface ShortcutEntry {
  keys: string;
  action: string;
}
export interface ShortcutGroup {
  title: string;
  entries: ShortcutEntry[];
}

/** Everything the shortcuts list shows, grouped as a user thinks of it. */
export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: 'Anywhere',
    entries: [
      { keys: `Mod-${SEARCH_KEY.toUpperCase()}`, action: 'Search, go to any screen, or run an action' },
      { keys: `Mod-${ADD_OPENING_KEY.toUpperCase()}`, action: 'Add an opening' },
      { keys: '?', action: 'Show these shortcuts (outside a text field)' },
      { keys: `Mod-${SHORTCUTS_HELP_KEY}`, action: 'Show these shortcuts' },
      { keys: 'Escape', action: 'Close what is open: a dialog, a menu, a form' },
      { keys: IS_MAC ? 'Mod-[' : 'Alt-←', action: 'Back to the screen before (also the mouse’s back button)' },
      { keys: IS_MAC ? 'Mod-]' : 'Alt-→', action: 'Forward again' },
    ],
  },
  { title: 'Go to', entries: SCREEN_SHORTCUTS.map((shortcut) => ({ keys: `Mod-${shortcut.key}`, action: shortcut.label })) },
  {
    title: 'Lists and menus',
    entries: [
      { keys: '↑ ↓', action: 'Move through search results and menu items' },
      { keys: 'Enter', action: 'Open the chosen result' },
      { keys: 'Alt-← / Alt-→', action: 'Move a card on the pipeline board to the stage before or after' },
    ],
  },
  {
    title: 'Writing',
    entries: [
      { keys: 'Mod-B', action: 'Bold' },
      { keys: 'Mod-I', action: 'Italic' },
      { keys: 'Mod-Shift-8', action: 'Bulleted list' },
      { keys: 'Mod-Shift-9', action: 'Checklist' },
      { keys: 'Mod-Alt-2', action: 'Heading' },
      { keys: 'Mod-Z', action: 'Undo' },
    ],
  },
];
