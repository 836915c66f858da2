import { reminderRoute, TODAY_PATH } from '#shared/domain/reminder-route';
import type { SnoozeChoice } from '#shared/domain/snooze';
import type { ReminderService } from '../reminders/service';
import type { Reminder } from '../vault/repositories/reminders';
import { dueLineFor, lockedNotification, MAX_DUE_LINES, notificationsFor } from './alert-text';
import type { ShellPort } from './port';

export interface ReminderAlertsOptions {
  service: Pick<ReminderService, 'due' | 'get' | 'snooze' | 'done' | 'tick'>;
  shell: Pick<ShellPort, 'notify' | 'showDue'>;
  /** Shows the screen at this path: brings the window up and sends the page there. */
  openPath(path: string): void;
  now(): Date;
  /** While the vault is locked, alerts and the tray say how many things are due and nothing of what they are. */
  isLocked?(): boolean;
  log?(error: unknown): void;
}

/**
 * The reminders as a shell shows them, the same in both shells: the tray's
 * count and next items after every tick, a notification for each alert that
 * rings, and what the tray's menu and a click on a notification do.
 */
export class ReminderAlerts {
  constructor(private readonly options: ReminderAlertsOptions) {}

  /** After every tick: the tray shows what is due now. */
  refresh(): void {
    const now = this.options.now();
    const { count, next } = this.options.service.due(MAX_DUE_LINES);
    this.options.shell.showDue({ count, items: this.options.isLocked?.() ? [] : next.map((item) => dueLineFor(item, now)) });
  }

  /** Reminders that just rang (the scheduler already honoured quiet hours and whether notifications can show). */
  notify(reminders: Reminder[]): void {
    if (this.options.isLocked?.()) {
      if (reminders.length > 0) this.options.shell.notify(lockedNotification(reminders.length));
      return;
    }
    for (const notification of notificationsFor(reminders, this.options.now())) this.options.shell.notify(notification);
  }

  /** Opens the item a reminder is about; Today for a summary, or if it has gone from the plan meanwhile. */
  open(key: string | null): void {
    const reminder = key === null ? null : this.options.service.get(key);
    this.options.openPath(reminder ? reminderRoute(reminder) : TODAY_PATH);
  }

  snooze(key: string, choice: SnoozeChoice): void {
    this.act(() => this.options.service.snooze(key, { choice }));
  }

  done(key: string): void {
    this.act(() => this.options.service.done(key));
  }

  /** After a resume or an unlock: timers oversleep a suspend, so look again at once. */
  wake(): void {
    this.act(() => this.options.service.tick());
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
