import { formatDuration } from '#shared/domain/countdown';
import type { DueItem } from '#shared/domain/playbook';
import { formatTimeOfDay } from '#renderer/ui/clock';

const weekdayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short' });
const dateFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const DAY = 86_400_000;
/** Under this much time left, a deadline is drawn as close. */
const SOON_MS = 4 * 3_600_000;

/** Calendar days from `now` to `then` in the user's zone (tomorrow 09:00 is 1 at 23:00 tonight). */
function calendarDays(now: number, then: number): number {
  const a = new Date(now);
  const b = new Date(then);
  return Math.round((Date.UTC(b.getFullYear(), b.getMonth(), b.getDate()) - Date.UTC(a.getFullYear(), a.getMonth(), a.getDate())) / DAY);
}

/**
 * An instant near now, short: "Today 15:00", "Tomorrow 09:00", "Thu 09:00",
 * "Thu 12 Mar 09:00"; `midSentence` writes "today", "tomorrow", "yesterday".
 */
export function formatAt(iso: string, now: number, midSentence = false): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const days = calendarDays(now, then);
  const time = formatTimeOfDay(then);
  const word = (text: string) => (midSentence ? text.toLowerCase() : text);
  if (days === 0) return `${word('Today')} ${time}`;
  if (days === 1) return `${word('Tomorrow')} ${time}`;
  if (days === -1) return `${word('Yesterday')} ${time}`;
  if (Math.abs(days) < 7) return `${weekdayFormat.format(then)} ${time}`;
  return `${dateFormat.format(then)} ${time}`;
}

export type Urgency = 'overdue' | 'soon' | 'due' | 'later';

export interface When {
  text: string;
  urgency: Urgency;
  /** The instant the text is about, for a <time> element. */
  at: string;
}

/**
 * When an item is due, in words: past its deadline ("Overdue by 3 h"), due
 * with time left ("Due in 2 h"), due without a deadline ("Due since 09:00"), or not yet due ("Thu 09:00").
 */
export function describeWhen(item: Pick<DueItem, 'dueAt' | 'deadlineAt'>, now: number): When {
  const due = Date.parse(item.dueAt);
  const deadline = item.deadlineAt ? Date.parse(item.deadlineAt) : null;
  if (deadline !== null && deadline <= now) return { text: `Overdue by ${formatDuration(now - deadline)}`, urgency: 'overdue', at: item.deadlineAt! };
  if (due > now) return { text: formatAt(item.dueAt, now), urgency: 'later', at: item.dueAt };
  if (deadline !== null) return { text: `Due in ${formatDuration(deadline - now)}`, urgency: deadline - now <= SOON_MS ? 'soon' : 'due', at: item.deadlineAt! };
  if (calendarDays(now, due) < 0) return { text: `Due since ${formatAt(item.dueAt, now, true)}`, urgency: 'overdue', at: item.dueAt };
  if (now - due < 60_000) return { text: 'Due now', urgency: 'due', at: item.dueAt };
  return { text: `Due since ${formatTimeOfDay(due)}`, urgency: 'due', at: item.dueAt };
}
