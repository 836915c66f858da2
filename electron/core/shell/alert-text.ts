import type { ReminderView } from '#shared/domain/reminder';
import type { DueLine, ShellNotification } from './port';

/** What an alert is made from: a reminder as the store or the agenda holds it. */
export type Alertable = Pick<ReminderView, 'key' | 'title' | 'detail' | 'dueAt' | 'deadlineAt'>;

/** Beyond this many at once, one summary instead of a wall of notifications. */
export const SUMMARY_THRESHOLD = 3;
/** The tray lists this many items at most. */
export const MAX_DUE_LINES = 5;
/** Notification centres and menus cut long lines anyway, each at its own place: we cut first, at a word. */
const MAX_TITLE = 100;
const MAX_BODY = 240;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function span(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))} min`;
  if (ms < 48 * HOUR) return `${Math.round(ms / HOUR)} h`;
  return `${Math.round(ms / (24 * HOUR))} days`;
}

/**
 * When an item is due, in a few words for the tray and notifications
 * ("overdue", "due in 3 h", "in 2 days"). Relative, so it needs no time zone.
 */
export function whenText(reminder: Pick<ReminderView, 'dueAt' | 'deadlineAt'>, now: Date): string {
  const at = now.getTime();
  const deadline = reminder.deadlineAt ? Date.parse(reminder.deadlineAt) : null;
  const due = Date.parse(reminder.dueAt);
  if (deadline !== null && deadline <= at) return 'overdue';
  if (due <= at) return deadline !== null ? `due in ${span(deadline - at)}` : 'due now';
  return `in ${span(due - at)}`;
}

export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Text from the vault (names, roles) on one line and short enough to show whole. */
export function clipped(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * The notifications for reminders that just rang: one each, with when it is
 * due and what to do, or one summary that opens Today when there are more
 * than SUMMARY_THRESHOLD.
 */
export function notificationsFor(reminders: readonly Alertable[], now: Date): ShellNotification[] {
  if (reminders.length === 0) return [];
  if (reminders.length > SUMMARY_THRESHOLD) {
    const lines = reminders.slice(0, SUMMARY_THRESHOLD).map((reminder) => `• ${clipped(reminder.title, MAX_TITLE)}`);
    return [{ title: `${reminders.length} things need you`, body: `${lines.join('\n')}\n…and more in Today.`, reminderKey: null }];
  }
  return reminders.map((reminder) => ({
    title: clipped(reminder.title, MAX_TITLE),
    body: clipped(`${capitalized(whenText(reminder, now))}. ${reminder.detail}`, MAX_BODY),
    reminderKey: reminder.key,
  }));
}

/** While the vault is locked: that something rang, and nothing of what it is about. */
export function lockedNotification(count: number): ShellNotification {
  return { title: count === 1 ? '1 reminder due' : `${count} reminders due`, body: 'Unlock Afterview to see them.', reminderKey: null };
}

/** An item as the tray lists it. */
export function dueLineFor(reminder: Alertable, now: Date): DueLine {
  return { key: reminder.key, title: clipped(reminder.title, MAX_TITLE), when: whenText(reminder, now) };
}
