import { zoneOffsetMs, type WallClock } from '../../../shared/domain/zoned-time';

const DAY_MS = 86_400_000;

/**
 * The instant a zone's clock shows this time, with RFC 5545's rules for the
 * hours a DST change skips or repeats: a skipped time is read with the offset
 * before the change (02:30 becomes 03:30), a repeated one is its first
 * occurrence.
 */
export function wallClockInstant(time: WallClock, zone: string): number {
  const wall = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  const before = wall - zoneOffsetMs(new Date(wall - DAY_MS), zone);
  const after = wall - zoneOffsetMs(new Date(wall + DAY_MS), zone);
  const fits = (instant: number) => instant + zoneOffsetMs(new Date(instant), zone) === wall;
  const candidates = [before, after].filter(fits);
  return candidates.length > 0 ? Math.min(...candidates) : before;
}
