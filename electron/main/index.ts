import { app, BrowserWindow, clipboard, crashReporter, dialog, ipcMain, Menu, nativeImage, nativeTheme, Notification, powerMonitor, protocol, safeStorage, session as electronSession, shell, Tray } from 'electron';
import log from 'electron-log/main';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatch } from '#core/dispatch';
import { createBackups } from '#core/backup/backups';
import { startDailyBackups } from '#core/backup/daily';
import { createHandlers } from '#core/handlers/index';
import { openExternalLink } from '#core/shell/open-link';
import { createReminderService, REMINDERS_AFTER_PAGE_MS, type ReminderService } from '#core/reminders/service';
import { createSettingsService } from '#core/settings/service';
import { ReminderAlerts } from '#core/shell/reminder-alerts';
import type { ThemeChoice } from '#shared/domain/theme';
import type { Vault } from '#core/vault/connection';
import { createVaultSession } from '#core/keys/vault-session';
import { applyAppUserModelId } from './app-identity';
import { CloseGuard, FLUSHED_SIGNAL } from './close-guard';
import { CloseToTray } from './close-to-tray';
import { installContextMenu } from './context-menu';
import { startLocalCrashReporter } from './crash-reporter';
import { watchForCrashes } from './crash-recovery';
import { flushOnSessionEnd, flushOnShutdown } from './session-end';
import { defaultSaveFolder, handleDownloads } from './downloads';
import { macAboutPanelOptions } from './about';
import { createElectronPrinter } from './electron-printer';
import { createElectronShell, lookAgainOnWake, type ElectronShell } from './electron-shell';
import { EventBridge } from './event-bridge';
import { createHelpActions, licencesFilePath, runtimeFacts } from './help-actions';
import { watchHistoryGestures } from './history-gestures';
import { createFolderPicker, createImportSourcePicker, createZipFilePicker } from './folder-picker';
import { createBackupFilePicker } from './backup-file-picker';
import { createSafeStorageSecrets } from './safe-storage-secrets';
import { bindIpc, isTrustedSender, READY_SIGNAL } from './ipc';
import { configureLogging, handleRendererLogs } from './logging';
import { watchLockTriggers } from './lock-triggers';
import { createSafeStorageKeychain } from './safe-storage-keychain';
import { loginItemEnvironment, setLaunchAtLogin, startsHidden } from './login-item';
import { handleMainProcessErrors } from './main-errors';
import { appMenuTemplate } from './menu';
import { probeSqlite, sqliteLoads } from './native-sqlite';
import { applyThemeChoice, windowBackground } from './native-theme';
import { defaultVaultPath } from './paths';
import { APP_ORIGIN, handleAppProtocol, registerAppScheme } from './protocol';
import { offerRestore } from './restore-offer';
import { createTrustedOrigins, installSecurityGuards } from './security';
import { configureSpellChecker, installDictionaries, spellCheckLanguages } from './spelling';
import { createShellStore } from './store';
import { trayIconPaths } from './tray';
import { createMainWindow, preloadPathFrom } from './window';

const here = dirname(fileURLToPath(import.meta.url));
/** How long they wait for the page at most. */
const REMINDERS_WITHOUT_PAGE_MS = 5_000;

/** Boots the desktop shell: one instance, one secure window, the core behind IPC. */
export async function main(): Promise<void> {
  configureLogging(log, { logsDir: app.getPath('logs'), isPackaged: app.isPackaged });
  startLocalCrashReporter(crashReporter);
  handleMainProcessErrors(process, { log: log.error, dialog, isReady: () => app.isReady(), openLogFolder: () => void shell.openPath(app.getPath('logs')) });
  // Must precede 'ready': the scheme's privileges are fixed at startup.
  registerAppScheme(protocol);
  applyAppUserModelId(app, process.platform, process.execPath);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Before 'ready': the session asks for its dictionaries as it starts.
  const spellingLanguages = spellCheckLanguages(app.getPreferredSystemLanguages());
  const dictionariesDir = installDictionaries({ platform: process.platform, shippedDir: join(app.getAppPath(), 'resources', 'dictionaries'), sessionDataDir: app.getPath('sessionData'), languages: spellingLanguages, log });

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
  const iconsDir = join(app.getAppPath(), 'resources', 'icons');
  const appIcon = join(iconsDir, '512x512.png');
  // Set once the vault is open; until then closing really closes.
  let closeToTraySetting = () => false;
  let themeSetting = (): ThemeChoice => 'system';
  // Made once the app is ready; everything only a shell does goes through it.
  let desktopShell: ElectronShell | null = null;
  const closeToTray = new CloseToTray({
    enabled: () => closeToTraySetting(),
    explained: () => store.get('trayExplained') === true,
    markExplained: () => store.set('trayExplained', true),
    explain: () => desktopShell?.notify({ title: 'Afterview is still running', body: 'It keeps your reminders coming from the tray. Quit from the tray icon or the menu to close it.', reminderKey: null }),
  });
  closeToTray.watch(app);

  const showWindow = () => {
    if (!window || window.isDestroyed()) {
      const startUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`;
      const created = createMainWindow({
        preloadPath: preloadPathFrom(here),
        url: startUrl,
        iconPath: appIcon,
        store,
        backgroundColor: windowBackground(nativeTheme, themeSetting()),
      });
      window = created;
      bridge.attach(created.webContents);
      // The page owns the history: the shell's ways back and forward are handed to it.
      const goInHistory = (direction: 'back' | 'forward') => bridge.emit('app.command', { command: direction === 'back' ? 'goBack' : 'goForward' });
      installContextMenu(created.webContents, {
        Menu,
        clipboard,
        openLink: (url) =>
          void openExternalLink(desktopShell ?? undefined, url).catch((error: unknown) => dialog.showErrorBox('Afterview could not open the link', error instanceof Error ? error.message : String(error))),
        navigate: goInHistory,
        isDevelopment: !app.isPackaged,
      });
      watchHistoryGestures(created, process.platform, goInHistory);
      watchForCrashes({
        contents: created.webContents,
        window: created,
        dialog,
        origins,
        startUrl,
        // The new page is a new listener: the message waits for it to say it is ready.
        onReload: (reason) => {
          bridge.attach(created.webContents);
          bridge.emit('app.recovered', { reason });
        },
        quit: () => app.quit(),
        log,
      });
      closeGuard.attach(created, () => closeToTray.hideInstead(created));
      flushOnSessionEnd(created, closeGuard);
      created.on('closed', () => {
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
  // powerMonitor can be used only once the app is ready.
  flushOnShutdown(powerMonitor, closeGuard);
  installSecurityGuards(app, electronSession.defaultSession, origins);
  configureSpellChecker(electronSession.defaultSession, { platform: process.platform, languages: spellingLanguages, dictionariesDir, log });
  // Exports reach the disk through a save dialog, never silently.
  handleDownloads(electronSession.defaultSession, origins, () => defaultSaveFolder((name) => app.getPath(name)), (file) => bridge.emit('file.saved', file));
  handleAppProtocol(protocol, join(here, '../renderer'));
  const vaultPath = store.get('vaultPath') ?? defaultVaultPath(app.getPath('userData'));
  let openedVault: Vault | null = null;
  const about = { appName: 'Afterview', version: app.getVersion(), electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node };
  if (process.platform === 'darwin') app.setAboutPanelOptions(macAboutPanelOptions({ ...about, vaultPath }));
  const help = createHelpActions({
    dialog,
    clipboard,
    shell,
    window: () => window,
    about,
    vaultPath,
    vault: () => openedVault,
    facts: () => runtimeFacts(app, vaultPath === defaultVaultPath(app.getPath('userData'))),
    logsDir: app.getPath('logs'),
    licencesPath: licencesFilePath(app.isPackaged, process.resourcesPath, app.getAppPath()),
    log: log.error,
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate(process.platform, !app.isPackaged, 'Afterview', {
        navigate: (path) => {
          showWindow();
          bridge.emit('navigate', { path });
        },
        command: (command) => {
          showWindow();
          bridge.emit('app.command', { command });
        },
        help,
      }),
    ),
  );

  if (!sqliteLoads({ load: () => probeSqlite(), dialog, isPackaged: app.isPackaged, log: log.error })) {
    app.quit();
    return;
  }

  const now = () => new Date();
  const loginItems = loginItemEnvironment(app);
  const applyLaunchAtLogin = (enabled: boolean) => void setLaunchAtLogin(app, loginItems, enabled).catch((error: unknown) => console.error(error));
  // The service rings through the alerts, which need the service: bound once both exist.
  let alerts: ReminderAlerts | null = null;
  const trayIcons = trayIconPaths(join(app.getAppPath(), 'resources', 'tray'), process.platform);
  desktopShell = createElectronShell({
    electron: { shell, Notification, Tray, Menu },
    trayIcons: { idle: nativeImage.createFromPath(trayIcons.idle), due: nativeImage.createFromPath(trayIcons.due) },
    platform: process.platform,
    printer,
    iconPath: appIcon,
    actions: {
      open: (key) => alerts?.open(key),
      snooze: (key, choice) => alerts?.snooze(key, choice),
      done: (key) => alerts?.done(key),
      showWindow,
      quit: () => app.quit(),
    },
  });
  const shellPort = desktopShell;
  let reminders: ReminderService | null = null;
  // Read through a function: TypeScript cannot see the session's start() setting it.
  const runningReminders = (): ReminderService | null => reminders;
  // A passphrase vault opens only once the page has its passphrase; everything over the vault is built then (and again after a change of protection).
  const session = createVaultSession({
    vaultPath,
    appVersion: app.getVersion(),
    now,
    keychain: createSafeStorageKeychain(safeStorage, process.platform),
    // Built beside this file from electron/core/keys/rewrite-worker.ts (electron.vite.config.ts).
    rewriteWorker: { file: join(here, 'rewrite-worker.js') },
    emit: ({ name, payload }) => {
      bridge.emit(name, payload);
      // While locked, the tray shows a count and nothing of what is due.
      alerts?.refresh();
    },
    start: (vault, control) => {
      openedVault = vault;
      const settings = createSettingsService(vault.db);
      const service = createReminderService({
        db: vault.db,
        now,
        settings,
        notify: (rang) => alerts?.notify(rang),
        canNotify: () => shellPort.canNotify(),
        onTick: () => alerts?.refresh(),
        // A page still loading fetches the agenda when it mounts; queuing this for it would only pile up.
        onChange: () => {
          if (bridge.isReady()) bridge.emit('reminders.changed', {});
        },
      });
      reminders = service;
      // The reminders re-plan on a save first (they subscribed as they were made); then what only the shell can apply.
      settings.onSaved((next, previous) => {
        if (next.launchAtLogin !== previous.launchAtLogin) applyLaunchAtLogin(next.launchAtLogin);
        if (next.theme !== previous.theme) applyThemeChoice(nativeTheme, next.theme);
      });
      closeToTraySetting = () => settings.get().closeToTray;
      themeSetting = () => settings.get().theme;
      applyThemeChoice(nativeTheme, themeSetting());
      // Keeps the login entry pointing at this copy of the app (an AppImage moves).
      if (settings.get().launchAtLogin) applyLaunchAtLogin(true);
      const dispatch = createDispatch(createHandlers({
        vault,
        appVersion: app.getVersion(),
        now,
        reminders: service,
        settings,
        printer: shellPort.printer,
        shell: shellPort,
        // A progress event for a page still loading is stale by the time it shows: sent only to a ready page.
        emitExportProgress: (progress) => {
          if (bridge.isReady()) bridge.emit('exports.progress', progress);
        },
        pickFolder: createFolderPicker(dialog, () => window),
        pickZipFile: createZipFilePicker(dialog, () => window, () => defaultSaveFolder((name) => app.getPath(name))),
        // A zip protected with the vault's passphrase: checked by the session, which alone reads the key file.
        isVaultPassphrase: control.isVaultPassphrase,
        emitImportProgress: (progress) => {
          if (bridge.isReady()) bridge.emit('imports.progress', progress);
        },
        pickImportSource: createImportSourcePicker(dialog, () => window),
        pickBackupFile: createBackupFilePicker(dialog, () => window),
        swapVaultFile: control.swapVaultFile,
        // The mailbox sync stops as the vault locks, and starts again as it opens.
        onVaultStateChange: control.onVaultStateChange,
        // The mailbox password: in the system's keychain, beside (never in) the vault.
        secrets: createSafeStorageSecrets(safeStorage, join(app.getPath('userData'), 'secrets', 'mailbox-password')),
        emitMailboxProgress: (status) => {
          if (bridge.isReady()) bridge.emit('mailbox.progress', status);
        },
      }), console.error, {
        afterWrite: () => service.planSoon(),
      });
      const stopDailyBackups = startDailyBackups({ backups: createBackups({ vaultPath: vault.path, db: vault.db, attachmentsDir: vault.attachmentsDir, appVersion: app.getVersion(), key: vault.key }), now, setInterval, clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout), onError: console.error });
      const reminderAlerts = new ReminderAlerts({
        service,
        shell: shellPort,
        openPath: (path) => {
          showWindow();
          bridge.emit('navigate', { path });
        },
        now,
        isLocked: () => session.isLocked(),
      });
      alerts = reminderAlerts;
      reminderAlerts.refresh();
      // Rings, once, whatever came due while the app was closed or the computer off (or, after an unlock or a change of protection, at once).
      service.startSoon(bridge.isReady() ? REMINDERS_AFTER_PAGE_MS : REMINDERS_WITHOUT_PAGE_MS);
      return {
        dispatch,
        stop: () => {
          stopDailyBackups();
          service.stop();
          reminders = null;
          alerts = null;
          openedVault = null;
        },
      };
    },
  });
  const openAtStart = () => session.begin();
  try {
    openAtStart();
  } catch (error) {
    const reopened = await offerRestore({ dialog, vaultPath, error, reopen: openAtStart });
    if (!reopened) {
      app.quit();
      return;
    }
  }
  const dispatch = session.dispatch;
  const stopLockTriggers = watchLockTriggers({ powerMonitor, policy: () => session.policy(), lock: () => session.lock(), setInterval, clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout) });
  const isOurWindow = (id: number) => window !== null && !window.isDestroyed() && window.webContents.id === id;
  bindIpc(ipcMain, dispatch, (event) => isTrustedSender(event, origins, isOurWindow));
  ipcMain.on(READY_SIGNAL, (event) => {
    if (!isTrustedSender(event, origins, isOurWindow)) return;
    bridge.markReady();
    // The page has loaded: the reminders start once its first reads are answered.
    runningReminders()?.startSoon(REMINDERS_AFTER_PAGE_MS);
  });
  handleRendererLogs(ipcMain, log, (event) => isTrustedSender(event, origins, isOurWindow));
  ipcMain.on(FLUSHED_SIGNAL, (event, requestId: unknown) => {
    if (isTrustedSender(event, origins, isOurWindow)) closeGuard.acknowledge(requestId);
  });

  lookAgainOnWake(powerMonitor, () => alerts?.wake());

  // Rings, once, whatever came due while the app was closed or the computer off.
  // The plan takes a few hundred ms on a large vault: with a window to show, it
  // waits for the page to load (Today reads the stored plan meanwhile and is told
  // when the new one lands); started hidden at login, there is nothing to wait for.
  const hidden = startsHidden(process.argv, app.getLoginItemSettings().wasOpenedAtLogin);
  if (hidden) runningReminders()?.startSoon(0);
  // A passphrase vault started at login has nothing to ring until it is unlocked: its window shows the unlock screen.
  if (!hidden || session.isLocked()) showWindow();
  app.on('activate', showWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    void printer.close();
    stopLockTriggers();
    desktopShell?.destroy();
    session.close();
  });
}

void main();
