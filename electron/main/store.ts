import Store from 'electron-store';
import type { WindowState, WindowStateStore } from './window-state';

interface ShellSettings {
  windowState?: WindowState;
  vaultPath?: string;
  /** The user was told once that closing the window keeps Afterview in the tray. */
  trayExplained?: boolean;
}

/** Small shell settings (window placement, vault location) in electron-store. */
export function createShellStore(): Store<ShellSettings> & WindowStateStore {
  return new Store<ShellSettings>({ name: 'shell', clearInvalidConfig: true }) as Store<ShellSettings> & WindowStateStore;
}
