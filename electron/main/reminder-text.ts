import type { ReminderView } from '../../shared/domain/reminder';

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
