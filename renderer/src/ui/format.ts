import { timeOfDayOptions } from './clock';

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', ...timeOfDayOptions() });
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** A stored UTC instant as a short date in the user's zone. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateFormat.format(date);
}

/** A stored UTC instant as a date and time in the user's zone: "Tue, 3 Mar 2026, 14:00". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateTimeFormat.format(date);
}

/** A calendar date (YYYY-MM-DD, no zone) as "5 Mar 2026", never shifted by a zone. */
export function formatCalendarDate(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  return dateFormat.format(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How far an instant is from now, in words: "in 2 days", "3 hours ago", "tomorrow". */
export function formatRelative(iso: string, now: number): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const diff = then - now;
  const size = Math.abs(diff);
  if (size < MINUTE) return diff >= 0 ? 'in a moment' : 'just now';
  if (size < HOUR) return relativeFormat.format(Math.round(diff / MINUTE), 'minute');
  if (size < DAY) return relativeFormat.format(Math.round(diff / HOUR), 'hour');
  if (size < 14 * DAY) return relativeFormat.format(calendarDays(then, now), 'day');
  if (size < 60 * DAY) return relativeFormat.format(Math.round(diff / (7 * DAY)), 'week');
  if (size < 365 * DAY) return relativeFormat.format(Math.round(diff / (30 * DAY)), 'month');
  return relativeFormat.format(Math.round(diff / (365 * DAY)), 'year');
}

/** Whole calendar days between two instants in the user's zone (so 9 am tomorrow is "tomorrow" at 11 pm). */
function calendarDays(then: number, now: number): number {
  const a = new Date(then);
  const b = new Date(now);
  const dayA = Date.UTC(a.getFullYear(), a.getMonth(), a.getDate());
  const dayB = Date.UTC(b.getFullYear(), b.getMonth(), b.getDate());
  return Math.round((dayA - dayB) / DAY);
}
