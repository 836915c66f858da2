import { BrowserWindow, screen } from 'electron';
import { join } from 'node:path';
import { MIN_SIZE, restoreBounds, type WindowStateStore } from './window-state';

export interface MainWindowOptions {
  preloadPath: string;
  url: string;
  iconPath?: string;
  store: WindowStateStore;
  /** Painted before the page loads: the theme's background, so no flash of the other theme. */
  backgroundColor?: string;
}

/** The web preferences of every window: Electron's security checklist. */
export function secureWebPreferences(preloadPath: string): Electron.WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  };
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const displays = screen.getAllDisplays().map((display) => display.workArea);
  const { bounds, maximized } = restoreBounds(options.store.get('windowState'), displays);
  const window = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Afterview',
    icon: options.iconPath,
    backgroundColor: options.backgroundColor ?? '#f7f7f5',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  if (maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  const save = () => {
    if (window.isDestroyed()) return;
    options.store.set('windowState', { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('close', () => {
    clearTimeout(timer);
    save();
  });

  void window.loadURL(options.url);
  return window;
}

export function preloadPathFrom(mainDir: string): string {
  return join(mainDir, '../preload/index.cjs');
}
