import type { MenuItemConstructorOptions } from 'electron';
import { SHORTCUTS_HELP_KEY, type ShellCommand } from '#shared/domain/shortcuts';

/** What the Help menu's own items do. */
export interface HelpActions {
  about(): void;
  copyDiagnostics(): void;
  openLogFolder(): void;
  openLicences(): void;
}

/**
 * The Help menu: how the app works and its keys (both the page's own), then
 * what a bug report needs (diagnostics, the log), the licences, and About on
 * Windows and Linux (macOS has it in the app menu).
 */
export function helpMenu(isMac: boolean, page: { navigate(path: string): void; command(command: ShellCommand): void }, help: HelpActions): MenuItemConstructorOptions {
  return {
    label: '&Help',
    role: 'help',
    submenu: [
      { label: 'How Afterview Works', click: () => page.navigate('/guide') },
      { label: 'Keyboard Shortcuts', accelerator: `CmdOrCtrl+${SHORTCUTS_HELP_KEY}`, registerAccelerator: false, click: () => page.command('showShortcuts') },
      { type: 'separator' },
      { label: 'Copy Diagnostics for a Bug Report…', click: () => help.copyDiagnostics() },
      { label: 'Open Log Folder', click: () => help.openLogFolder() },
      { type: 'separator' },
      { label: 'Open-Source Licences', click: () => help.openLicences() },
      ...(isMac ? [] : [{ type: 'separator' } as const, { label: 'About Afterview', click: () => help.about() }]),
    ],
  };
}
