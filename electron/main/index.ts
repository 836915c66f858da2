import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatch } from '../core/dispatch';
import { createHandlers } from '../core/handlers/index';
import { openVault, type Vault } from '../core/vault/connection';
import { CloseGuard, FLUSHED_SIGNAL } from './close-guard';
import { createElectronPrinter } from './electron-printer';
import { EventBridge } from './event-bridge';
import { bindIpc, isTrustedSender, READY_SIGNAL } from './ipc';
import { appMenuTemplate } from './menu';
import { defaultVaultPath, sqliteNativeBinding } from './paths';
import { APP_ORIGIN, handleAppProtocol, registerAppScheme } from './protocol';
import { createTrustedOrigins, installSecurityGuards } from './security';
import { createShellStore } from './store';
import { createMainWindow, preloadPathFrom } from './window';

const here = dirname(fileURLToPath(import.meta.url));

/** Boots the desktop shell: one instance, one secure window, the core behind IPC. */
export async function main(): Promise<void> {
  // Must precede 'ready': the scheme's privileges are fixed at startup.
  registerAppScheme(protocol);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let window: BrowserWindow | null = null;
  const bridge = new EventBridge();
  // Every close and quit waits (briefly) for the page to save open notes.
  const closeGuard = new CloseGuard(bridge);
  closeGuard.guardQuit(app);
  const store = createShellStore();
  // Its hidden window is made on the first print; it must go with the main window, or the app would never see all windows closed.
  const printer = createElectronPrinter(BrowserWindow);
  const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  const origins = createTrustedOrigins(APP_ORIGIN, devServerUrl);

  const showWindow = () => {
    if (!window || window.isDestroyed()) {
      window = createMainWindow({
        preloadPath: preloadPathFrom(here),
        url: devServerUrl ?? `${APP_ORIGIN}/index.html`,
        iconPath: join(app.getAppPath(), 'resources', 'icons', 'icon-512.png'),
        store,
      });
      bridge.attach(window.webContents);
      closeGuard.attach(window);
      window.on('closed', () => {
        window = null;
        void printer.close();
      });
      return;
    }
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  app.on('second-instance', showWindow);

  await app.whenReady();
  installSecurityGuards(app, session.defaultSession, origins, shell);
  handleAppProtocol(protocol, join(here, '../renderer'));
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform, !app.isPackaged)));

  let vault: Vault;
  const vaultPath = store.get('vaultPath') ?? defaultVaultPath(app.getPath('userData'));
  try {
    vault = openVault(vaultPath, { nativeBinding: sqliteNativeBinding(app.getAppPath(), app.isPackaged) });
  } catch (error) {
    dialog.showErrorBox('Afterview cannot open your vault', describeStartupError(error));
    app.quit();
    return;
  }

  const dispatch = createDispatch(createHandlers({ vault, appVersion: app.getVersion(), now: () => new Date(), printer }));
  const isOurWindow = (id: number) => window !== null && !window.isDestroyed() && window.webContents.id === id;
  bindIpc(ipcMain, dispatch, (event) => isTrustedSender(event, origins, isOurWindow));
  ipcMain.on(READY_SIGNAL, (event) => {
    if (isTrustedSender(event, origins, isOurWindow)) bridge.markReady();
  });
  ipcMain.on(FLUSHED_SIGNAL, (event, requestId: unknown) => {
    if (isTrustedSender(event, origins, isOurWindow)) closeGuard.acknowledge(requestId);
  });

  showWindow();
  app.on('activate', showWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    void printer.close();
    vault.close();
  });
}

function describeStartupError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message)) {
    return 'The database engine was built for a different runtime. Run "npm install" again in the Afterview folder; it rebuilds the engine for the desktop app.';
  }
  return message;
}

void main();
