import type { App, BaseWindow, Dialog } from 'electron';

/** What About shows. */
export interface AboutInfo {
  appName: string;
  version: string;
  electron: string;
  chrome: string;
  node: string;
  vaultPath: string;
}

export function aboutText(info: AboutInfo): { message: string; detail: string } {
  return {
    message: `${info.appName} ${info.version}`,
    detail: [
      `Electron ${info.electron} · Chromium ${info.chrome} · Node ${info.node}`,
      '',
      `Your vault: ${info.vaultPath}`,
      '',
      `${info.appName} is built on open-source software. Their licences are in Open-Source Licences (also in the Help menu).`,
    ].join('\n'),
  };
}

export interface AboutActions {
  copy(text: string): void;
  openLicences(): void;
  showVault(): void;
}

/**
 * About on Windows and Linux, from the Help menu: a message box with the
 * versions, where the vault is, and the licences a click away. (macOS has
 * its own About panel in the app menu; see macAboutPanelOptions.)
 */
export async function showAboutDialog(dialog: Pick<Dialog, 'showMessageBox'>, window: BaseWindow | null, info: AboutInfo, actions: AboutActions): Promise<void> {
  const { message, detail } = aboutText(info);
  const options = {
    type: 'info' as const,
    title: `About ${info.appName}`,
    message,
    detail,
    buttons: ['OK', 'Copy Versions', 'Show Vault Folder', 'Open-Source Licences'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  if (response === 1) actions.copy(`${message}\n${detail.split('\n')[0]}`);
  else if (response === 2) actions.showVault();
  else if (response === 3) actions.openLicences();
}

/** The macOS About panel: the same facts (its menu item is the standard role 'about'). */
export function macAboutPanelOptions(info: AboutInfo): Parameters<App['setAboutPanelOptions']>[0] {
  return {
    applicationName: info.appName,
    applicationVersion: info.version,
    version: `Electron ${info.electron} · Chromium ${info.chrome}`,
    credits: `Your vault: ${info.vaultPath}\n\nOpen-source licences: Help ▸ Open-Source Licences`,
    copyright: 'Copyright © 2026 Afterview',
  };
}
