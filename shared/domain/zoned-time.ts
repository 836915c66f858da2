/**
 * Wall-clock ↔ instant conversions in an IANA time zone. Deadlines are
 * absolute instants (24 h is 24 h across DST); only "on the day after" kinds
 * of rules need the user's calendar, and they go through here. An instant's
 * wall clock is the platform's own (Intl); the way back, where a wall-clock
 * time can be skipped or repeated, is Temporal's (temporal-polyfill's
 * tree-shakeable functions, a few KB in the renderer).
 */
import { create as plainDateTime, toZonedDateTime } from 'temporal-polyfill/fns/PlainDateTime';

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = partsFormatter(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** How far the zone's wall clock is ahead of UTC at this instant. */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const clock = wallClock(instant, timeZone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant when the zone's clock shows `time` on `date`, as Temporal's
 * 'compatible' disambiguation decides: a time the clock skips moves forward by
 * the gap (02:30 on a spring-forward night is 03:30; Santiago's midnight on
 * that day is 01:00), and a time it shows twice is the earlier one. A date or
 * time that is not on the calendar (30 February, 25:00) is an invalid Date.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return wallClockInstant({ year, month, day, hour, minute, second: 0 }, timeZone);
}

/** zonedInstant for a wall clock with seconds (a calendar file's times): the same rules for skipped and repeated times. */
export function wallClockInstant(clock: WallClock, timeZone: string): Date {
  try {
    return new Date(toZonedDateTime(plainDateTime(clock.year, clock.month, clock.day, clock.hour, clock.minute, clock.second), timeZone, { disambiguation: 'compatible' }).epochMilliseconds);
  } catch (error) {
    if (error instanceof RangeError) return new Date(Number.NaN);
    throw error;
  }
}

/** The calendar date (YYYY-MM-DD) the zone's clock shows at this instant. */
export function localDate(instant: Date, timeZone: string): string {
  const clock = wallClock(instant, timeZone);
  return `${clock.year}-${String(clock.month).padStart(2, '0')}-${String(clock.day).padStart(2, '0')}`;
}

/** Calendar arithmetic on a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Same day of month, `months` later (clamped to the month's last day). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export function addHours(instant: string | Date, hours: number): Date {
  return new Date(new Date(instant).getTime() + hours * HOUR_MS);
}
