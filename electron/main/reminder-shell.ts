import type { Notification as NotificationType } from 'electron';
import type { ReminderService } from '../core/reminders/service';
import type { Reminder } from '../core/reminders/store';
import { reminderRoute, TODAY_PATH } from '../../shared/domain/reminder-route';
import { showReminderNotifications } from './notifications';
import { capitalized, whenText } from './reminder-text';
import { MAX_TRAY_ITEMS, type TrayActions, type TrayItem } from './tray';

type NotificationApi = Parameters<typeof showReminderNotifications>[0];

interface PowerEvents {
  on(event: 'resume' | 'unlock-screen', listener: () => void): unknown;
}

export interface ReminderShellOptions {
  service: Pick<ReminderService, 'due' | 'get' | 'snooze' | 'done' | 'tick'>;
  /** Builds the tray with the shell's actions (AfterviewTray in the app). */
  createTray(actions: TrayActions): { update(count: number, items: TrayItem[]): void; destroy(): void };
  Notification: NotificationApi;
  powerMonitor: PowerEvents;
  /** Brings the window up, creating it if it was never opened. */
  showWindow(): void;
  /** Sends the page to a screen (the navigate event). */
  navigate(path: string): void;
  quit(): void;
  now(): Date;
  iconPath?: string;
  log?(error: unknown): void;
}

/** Notifications are kept alive until clicked or replaced: one collected early loses its click. */
const KEEP_NOTIFICATIONS = 20;

/**
 * The reminders on the desktop: the tray's count and next items, native
 * notifications that open their item, and a fresh look after sleep or lock.
 */
export class ReminderShell {
  private tray: ReturnType<ReminderShellOptions['createTray']> | null = null;
  private shown: NotificationType[] = [];

  constructor(private readonly options: ReminderShellOptions) {}

  start(): void {
    this.tray = this.options.createTray({
      open: (key) => this.open(key),
      snooze: (key, choice) => this.act(() => this.options.service.snooze(key, { choice })),
      done: (key) => this.act(() => this.options.service.done(key)),
      showWindow: () => this.options.showWindow(),
      quit: () => this.options.quit(),
    });
    // Timers oversleep a suspend; after waking or unlocking, look again at once.
    const tick = () => this.act(() => this.options.service.tick());
    this.options.powerMonitor.on('resume', tick);
    this.options.powerMonitor.on('unlock-screen', tick);
    this.refresh();
  }

  /** After every tick: the tray shows what is due now. */
  refresh(): void {
    if (!this.tray) return;
    const now = this.options.now();
    const { count, next } = this.options.service.due(MAX_TRAY_ITEMS);
    this.tray.update(
      count,
      next.map((item) => ({ key: item.key, title: item.title, when: whenText(item, now) })),
    );
  }

  /** Reminders that just rang, as native notifications (the scheduler already honoured quiet hours and the setting). */
  notify(reminders: Reminder[]): void {
    const now = this.options.now();
    const fresh = showReminderNotifications(
      this.options.Notification,
      reminders.map((reminder) => ({ key: reminder.key, title: reminder.title, detail: reminder.detail, when: capitalized(whenText(reminder, now)) })),
      (key) => (key ? this.open(key) : this.openPath(TODAY_PATH)),
      this.options.iconPath,
    );
    this.shown = [...this.shown, ...fresh].slice(-KEEP_NOTIFICATIONS);
  }

  /** Opens the item a reminder is about; Today if it has gone from the plan meanwhile. */
  open(key: string): void {
    const reminder = this.options.service.get(key);
    this.openPath(reminder ? reminderRoute(reminder) : TODAY_PATH);
  }

  destroy(): void {
    this.tray?.destroy();
    this.tray = null;
  }

  private openPath(path: string): void {
    this.options.showWindow();
    this.options.navigate(path);
  }

  /** A menu click on an item the plan just dropped must not crash the shell. */
  private act(action: () => unknown): void {
    try {
      action();
    } catch (error) {
      (this.options.log ?? console.error)(error);
    }
    this.refresh();
  }
}
