/**
 * Every time of day the app writes follows the system's clock, 12- or
 * 24-hour, and is written the same way on every screen ("2:31 PM" or
 * "14:31", never "02:31 PM" on one and "2:31 PM" on another). Each date
 * formatter that shows a time takes its time options from here.
 */
export type HourCycle = 'h12' | 'h23';

/** The 12- or 24-hour clock of a locale (by default the system's, which the browser and Electron take from the OS). */
export function hourCycleOf(locale?: string | string[]): HourCycle {
  const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h11' || cycle === 'h12' ? 'h12' : 'h23';
}

let system: HourCycle | undefined;

/** Read once: the page's locale does not change while it runs. */
export function systemHourCycle(): HourCycle {
  return (system ??= hourCycleOf());
}

/** Hour and minute, on the system's clock: add to any Intl.DateTimeFormat options that show a time. */
export function timeOfDayOptions(cycle: HourCycle = systemHourCycle()): Intl.DateTimeFormatOptions {
  // A 24-hour clock writes two-digit hours ("00:14", "09:05"); with 'numeric', Chromium writes "0:14" past midnight.
  return { hour: cycle === 'h23' ? '2-digit' : 'numeric', minute: '2-digit', hourCycle: cycle };
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** "14:31" or "2:31 PM": an instant's time of day in a zone (the user's by default). */
export function formatTimeOfDay(instant: Date | number, timeZone?: string): string {
  const key = timeZone ?? '';
  let format = timeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, { ...timeOfDayOptions(), timeZone });
    timeFormats.set(key, format);
  }
  return format.format(instant);
}
