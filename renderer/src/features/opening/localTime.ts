/** Form helpers for logging an interview; the zone arithmetic itself lives in shared/domain/zoned-time. */
import { addDays as addCalendarDays } from '#shared/domain/zoned-time';
import { knownZones as knownZonesOfPlatform, zonedToInstant as zonedToInstantOnDay } from '#renderer/ui/datetime';

export { localZone, todayLocal } from '#renderer/ui/datetime';

/**
 * "2026-03-10" at "14:00" in "Europe/Berlin" as a UTC ISO instant, or null when
 * the values are not a date, a time and a zone. `addDays` moves the date first
 * (an interview running past midnight).
 */
export function zonedToInstant(date: string, time: string, zone: string, addDays = 0): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return zonedToInstantOnDay(addDays ? addCalendarDays(date, addDays) : date, time, zone);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** "HH:MM" plus minutes, kept within the day (23:59 at most). */
export function addMinutes(time: string, minutes: number): string {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return '';
  const total = Math.min(Number(match[1]) * 60 + Number(match[2]) + minutes, 23 * 60 + 59);
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}

/** Every zone the platform knows, with `always` included, sorted. */
export function knownZones(always: string): string[] {
  return Array.from(new Set([...knownZonesOfPlatform(), always, 'UTC'])).sort();
}
