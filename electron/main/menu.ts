import type { MenuItemConstructorOptions } from 'electron';
import { ADD_OPENING_KEY, SCREEN_SHORTCUTS, SEARCH_KEY, type ShellCommand } from '#shared/domain/shortcuts';
import { helpMenu, type HelpActions } from './help-menu';

/** What the menu's own items do: go to a screen, or ask the page to open something. */
export interface MenuActions {
  navigate(path: string): void;
  command(command: ShellCommand): void;
  help?: HelpActions;
}

const NO_HELP: HelpActions = { about: () => undefined, copyDiagnostics: () => undefined, openLogFolder: () => undefined, openLicences: () => undefined };
const NO_ACTIONS: MenuActions = { navigate: () => undefined, command: () => undefined };

/**
 * The Go menu: back and forward, every screen and search, with their keys
 * (the shortcuts list is in Help).
 * The page handles the keys itself (one place, and they work in the browser
 * preview too), so the menu only shows them: registering them here as well
 * would run each shortcut twice.
 */
function goMenu(isMac: boolean, actions: MenuActions): MenuItemConstructorOptions {
  return {
    label: '&Go',
    submenu: [
      // Browsers' keys for these; the page handles them (history-navigation.ts), so here they are only shown.
      { label: 'Back', accelerator: isMac ? 'Cmd+[' : 'Alt+Left', registerAccelerator: false, click: () => actions.command('goBack') },
      { label: 'Forward', accelerator: isMac ? 'Cmd+]' : 'Alt+Right', registerAccelerator: false, click: () => actions.command('goForward') },
      { type: 'separator' },
      { label: 'Search…', accelerator: `CmdOrCtrl+${SEARCH_KEY.toUpperCase()}`, registerAccelerator: false, click: () => actions.command('openSearch') },
      { type: 'separator' },
      ...SCREEN_SHORTCUTS.map(
        (shortcut): MenuItemConstructorOptions => ({
          label: shortcut.label,
          accelerator: `CmdOrCtrl+${shortcut.key}`,
          registerAccelerator: false,
          click: () => actions.navigate(shortcut.path),
        }),
      ),
    ],
  };
}

/** The File menu: a new opening (its key, like the Go menu's, left to the page), then closing or quitting. */
function fileMenu(isMac: boolean, actions: MenuActions): MenuItemConstructorOptions {
  return {
    label: '&File',
    submenu: [
      { label: 'New Opening', accelerator: `CmdOrCtrl+${ADD_OPENING_KEY.toUpperCase()}`, registerAccelerator: false, click: () => actions.command('addOpening') },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
}

/** The application menu: the standard roles, so copy, paste, undo and window keys work everywhere, with New Opening in File, the Go menu, and Help. */
export function appMenuTemplate(platform: NodeJS.Platform, isDevelopment: boolean, appName = 'Afterview', actions: MenuActions = NO_ACTIONS): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    fileMenu(isMac, actions),
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        ...(isDevelopment ? [{ role: 'toggleDevTools' } as const] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    goMenu(isMac, actions),
    { label: '&Window', role: 'windowMenu' },
    helpMenu(isMac, actions, actions.help ?? NO_HELP),
  );
  return template;
}
