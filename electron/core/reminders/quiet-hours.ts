import type { QuietHours } from '#shared/domain/settings';
import { addDays, localDate, wallClock, zonedInstant } from '#shared/domain/zoned-time';

/**
 * If `now` falls in the quiet hours, the instant they end; otherwise null.
 * Quiet hours may wrap midnight (21:00–08:00).
 */
export function quietUntil(quiet: QuietHours, now: Date, timeZone: string): Date | null {
  if (!quiet.enabled || quiet.start === quiet.end) return null;
  const clock = wallClock(now, timeZone);
  const minutes = clock.hour * 60 + clock.minute;
  const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const start = toMinutes(quiet.start);
  const end = toMinutes(quiet.end);
  const wraps = start > end;
  const inside = wraps ? minutes >= start || minutes < end : minutes >= start && minutes < end;
  if (!inside) return null;
  const today = localDate(now, timeZone);
  const endDay = wraps && minutes >= start ? addDays(today, 1) : today;
  return zonedInstant(endDay, quiet.end, timeZone);
}
