import { SCREEN_SHORTCUTS } from '#shared/domain/shortcuts';

export interface PaletteCommand {
  label: string;
  href: string;
  /** Its keyboard shortcut, as "Mod-1", where it has one. */
  keys?: string;
}

/** One "Go to" per screen of the sidebar, with the shortcut that does the same. */
const GO_TO: { label: string; href: string; keys?: string }[] = [
  ...SCREEN_SHORTCUTS.map((shortcut) => ({ label: shortcut.label, href: `#${shortcut.path}`, keys: `Mod-${shortcut.key}` })),
  // Screens reached from the sidebar's foot that have no shortcut of their own
  // (Mod+0 is left to the View menu's Actual Size).
  { label: 'Import & export', href: '#/data' },
  { label: 'How Afterview works', href: '#/guide' },
];

/** Whether every word typed starts a word of the name (or of its other words); nothing typed matches all. */
export function matchesTyped(text: string, name: string): boolean {
  const parts = name.toLowerCase().split(/\s+/);
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => parts.some((part) => part.startsWith(word)));
}

/** The "Go to" commands whose name starts a word the user typed, or all of them before anything is typed. */
export function commandsFor(text: string): PaletteCommand[] {
  return GO_TO.filter(({ label }) => matchesTyped(text, `go to ${label}`)).map(({ label, href, keys }) => ({ label: `Go to ${label}`, href, ...(keys ? { keys } : {}) }));
}
