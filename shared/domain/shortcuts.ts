/**
 * The app's keyboard shortcuts, in one list: the menu shows them, the command
 * palette and the shortcuts list print them, and the renderer handles them.
 * "Mod" is Cmd on a Mac and Ctrl elsewhere.
 */
export interface ScreenShortcut {
  /** The key pressed with Mod. */
  key: string;
  label: string;
  /** The screen's path, after '#'. */
  path: string;
}

export const SCREEN_SHORTCUTS: readonly ScreenShortcut[] = [
  { key: '1', label: 'Today', path: '/today' },
  { key: '2', label: 'Pipeline', path: '/pipeline' },
  { key: '3', label: 'Contacts', path: '/contacts' },
  { key: '4', label: 'Companies', path: '/companies' },
  { key: '5', label: 'References', path: '/references' },
  { key: '6', label: 'Templates', path: '/templates' },
  { key: '7', label: 'Trash', path: '/trash' },
  { key: '8', label: 'Backups', path: '/backups' },
  { key: '9', label: 'Insights', path: '/insights' },
  { key: ',', label: 'Settings', path: '/settings' },
];

/** Mod+K: search and go anywhere. */
export const SEARCH_KEY = 'k';
/** Mod+/ (or "?" outside a text field): the list of shortcuts. */
export const SHORTCUTS_HELP_KEY = '/';
/** Mod+N: a new opening (the pipeline with its add form open). */
export const ADD_OPENING_KEY = 'n';
/** Where Mod+N goes: the pipeline, asked to open its form. */
export const ADD_OPENING_PATH = '/pipeline?add';

/** What the shell asks the page to do: from the menu, the right-click menu, the mouse's back and forward buttons, a swipe. */
export const SHELL_COMMANDS = ['openSearch', 'showShortcuts', 'addOpening', 'goBack', 'goForward'] as const;
export type ShellCommand = (typeof SHELL_COMMANDS)[number];
