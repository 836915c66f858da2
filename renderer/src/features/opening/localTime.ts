/** Wall-clock dates and times in a zone, turned into the UTC instants the core stores. */

export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** How far the zone's clock is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, zone: string): number {
  const parts: Record<string, number> = {};
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  for (const part of format.formatToParts(new Date(instant))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour! % 24, parts.minute!, parts.second!);
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * "2026-03-10" at "14:00" in "Europe/Berlin" as a UTC ISO instant, or null when
 * the values are not a date, a time and a zone. `addDays` moves the date first
 * (an interview running past midnight).
 */
export function zonedToInstant(date: string, time: string, zone: string, addDays = 0): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t || !isZone(zone)) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]) + addDays, Number(t[1]), Number(t[2]));
  // Guess with the offset at the wall time, then correct once for a guess across a daylight-saving change.
  let instant = wall - offsetAt(wall, zone);
  instant = wall - offsetAt(instant, zone);
  return Number.isNaN(instant) ? null : new Date(instant).toISOString();
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Today in the user's zone, as YYYY-MM-DD. */
export function todayLocal(): string {
  const now = new Date();
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "HH:MM" plus minutes, kept within the day (23:59 at most). */
export function addMinutes(time: string, minutes: number): string {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return '';
  const total = Math.min(Number(match[1]) * 60 + Number(match[2]) + minutes, 23 * 60 + 59);
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}

/** Every zone the platform knows, with `always` included, sorted. */
export function knownZones(always: string): string[] {
  let zones: string[] = [];
  try {
    zones = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  } catch {
    zones = [];
  }
  return Array.from(new Set([...zones, always, 'UTC'])).sort();
}
