import { localDate, zoneOffsetMs } from '#shared/domain/zoned-time';

/**
 * The p-quantile (0–1) of values already sorted ascending, interpolating
 * between neighbours (the spreadsheet QUARTILE.INC method); null for no values.
 */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below]!;
  return low + (sorted[above]! - low) * (position - below);
}

/** Whole calendar days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const DAY_MS = 86_400_000;

/**
 * localDate() for many instants in one zone, fast: the zone's offset is looked
 * up once per UTC day and reused, unless it changes during that day (a DST
 * switch), when each instant is converted exactly.
 */
export function localDates(timeZone: string): (instant: number) => string {
  const offsets = new Map<number, number | null>();
  return (instant) => {
    const day = Math.floor(instant / DAY_MS);
    let offset = offsets.get(day);
    if (offset === undefined) {
      const atStart = zoneOffsetMs(new Date(day * DAY_MS), timeZone);
      const atEnd = zoneOffsetMs(new Date((day + 1) * DAY_MS - 1000), timeZone);
      offset = atStart === atEnd ? atStart : null;
      offsets.set(day, offset);
    }
    return offset === null ? localDate(new Date(instant), timeZone) : new Date(instant + offset).toISOString().slice(0, 10);
  };
}
