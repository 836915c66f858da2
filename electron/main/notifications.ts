import type { Notification as NotificationType, NotificationConstructorOptions } from 'electron';

export interface NotifiableReminder {
  key: string;
  title: string;
  detail: string;
  /** e.g. "Due in 2 h" or "Overdue since 14:00". */
  when: string;
}

interface NotificationApi {
  new (options: NotificationConstructorOptions): NotificationType;
  isSupported(): boolean;
}

/** Beyond this many at once, one summary instead of a wall of notifications. */
export const SUMMARY_THRESHOLD = 3;

/**
 * Native notifications for reminders that just rang. Clicking one opens its
 * item; clicking a summary opens Today.
 */
export function showReminderNotifications(
  Notification: NotificationApi,
  reminders: NotifiableReminder[],
  onOpen: (key: string | null) => void,
  iconPath?: string,
): NotificationType[] {
  if (reminders.length === 0 || !Notification.isSupported()) return [];
  const shown: NotificationType[] = [];
  const show = (options: NotificationConstructorOptions, key: string | null) => {
    const notification = new Notification({ silent: false, icon: iconPath, ...options });
    notification.on('click', () => onOpen(key));
    notification.show();
    shown.push(notification);
  };
  if (reminders.length > SUMMARY_THRESHOLD) {
    show({ title: `${reminders.length} things need you`, body: reminders.slice(0, 3).map((reminder) => `• ${reminder.title}`).join('\n') + '\n…and more in Today.' }, null);
    return shown;
  }
  for (const reminder of reminders) show({ title: reminder.title, body: `${reminder.when}. ${reminder.detail}`.trim() }, reminder.key);
  return shown;
}
