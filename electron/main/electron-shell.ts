import type { Notification as NotificationType, NotificationConstructorOptions, Shell } from 'electron';
import type { Printer } from '#core/export/printer';
import type { ShellPort } from '#core/shell/port';
import { AfterviewTray, type TrayActions, type TrayIcons } from './tray';

interface NotificationApi {
  new (options: NotificationConstructorOptions): NotificationType;
  isSupported(): boolean;
}

export interface ElectronShellOptions {
  electron: { shell: Pick<Shell, 'openExternal'>; Notification: NotificationApi } & ConstructorParameters<typeof AfterviewTray>[0];
  trayIcons: TrayIcons;
  platform: NodeJS.Platform;
  /** What the tray's menu does, and a click on a notification (open with its reminder's key, or null for Today). */
  actions: TrayActions;
  printer: Printer;
  iconPath?: string;
}

export type ElectronShell = ShellPort & { destroy(): void };

/** Notifications are kept alive until clicked or replaced: one collected early loses its click. */
const KEEP_NOTIFICATIONS = 20;

/**
 * The shell port on the desktop: links to shell.openExternal, notifications
 * to Electron's Notification, the due count to the tray, PDFs to the
 * printToPDF printer. The policy ran before any of these is called
 * (electron/core/shell); this only carries it out.
 */
export function createElectronShell(options: ElectronShellOptions): ElectronShell {
  const { electron, actions } = options;
  let tray: AfterviewTray | null = null;
  let shown: NotificationType[] = [];
  return {
    // Looked up at each call, so a test harness can stand in for the mail app (npm run test:desktop).
    openExternal: (url) => electron.shell.openExternal(url),
    canNotify: () => electron.Notification.isSupported(),
    notify({ title, body, reminderKey }) {
      if (!electron.Notification.isSupported()) return;
      const notification = new electron.Notification({ title, body, silent: false, icon: options.iconPath });
      notification.on('click', () => actions.open(reminderKey));
      notification.show();
      shown = [...shown, notification].slice(-KEEP_NOTIFICATIONS);
    },
    showDue({ count, items }) {
      // Made on first use: after the app is ready, and only once there is something to show.
      tray ??= new AfterviewTray(electron, options.trayIcons, actions, options.platform);
      tray.update(count, items);
    },
    printer: options.printer,
    destroy() {
      tray?.destroy();
      tray = null;
    },
  };
}

interface PowerEvents {
  on(event: 'resume' | 'unlock-screen', listener: () => void): unknown;
}

/** Timers oversleep a suspend: after waking or unlocking, look again at once. */
export function lookAgainOnWake(powerMonitor: PowerEvents, wake: () => void): void {
  powerMonitor.on('resume', wake);
  powerMonitor.on('unlock-screen', wake);
}
