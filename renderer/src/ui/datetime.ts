/** Dates and times for display and for forms. Instants are UTC; calendar dates (YYYY-MM-DD) have no zone. */
import { wallClock, zonedInstant } from '#shared/domain/zoned-time';
import { formatTimeOfDay, timeOfDayOptions } from './clock';

export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function safeZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

/** "Tue, 3 Mar 2026, 14:00 – 15:00" in the given zone (the user's by default). */
export function formatTimeRange(startIso: string, endIso: string, zone?: string): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  if (Number.isNaN(start.getTime())) return '';
  const timeZone = safeZone(zone);
  const day = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone });
  const time = (instant: Date) => formatTimeOfDay(instant, timeZone);
  const sameDay = !Number.isNaN(end.getTime()) && day.format(start) === day.format(end);
  if (Number.isNaN(end.getTime())) return `${day.format(start)}, ${time(start)}`;
  if (sameDay) return `${day.format(start)}, ${time(start)} – ${time(end)}`;
  return `${day.format(start)}, ${time(start)} – ${day.format(end)}, ${time(end)}`;
}

/** A calendar date such as "5 Mar 2026", never shifted by a time zone. */
export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A stored instant as a short date and time in the user's zone. */
export function formatMoment(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', ...timeOfDayOptions() }).format(date);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The wall-clock date and time of an instant in a zone, as form values. */
export function instantToZoned(iso: string, zone: string): { date: string; time: string } {
  const instant = Date.parse(iso);
  const timeZone = safeZone(zone) ?? localZone();
  if (Number.isNaN(instant)) return { date: '', time: '' };
  const p = wallClock(new Date(instant), timeZone);
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour % 24)}:${pad(p.minute)}` };
}

/** A wall-clock date and time in a zone as a UTC instant, or null when the values are not a time. */
export function zonedToInstant(date: string, time: string, zone: string): string | null {
  const timeZone = safeZone(zone);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time) || !timeZone) return null;
  const instant = zonedInstant(date, time, timeZone);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/** Today in the user's zone, as YYYY-MM-DD. */
export function todayLocal(): string {
  const now = new Date();
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Every zone the platform knows, for a datalist; empty where the platform cannot list them. */
export function knownZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}
