import { addDays, localDate, zonedInstant } from './zoned-time';

export type SnoozeChoice = '15m' | '1h' | 'tomorrow';

export const SNOOZE_LABELS: Record<SnoozeChoice, string> = {
  '15m': '15 minutes',
  '1h': '1 hour',
  tomorrow: 'Tomorrow morning',
};

/** When a snooze ends: fixed durations, or the user's morning on the next day. */
export function snoozeUntil(choice: SnoozeChoice, now: Date, timeZone: string, morningTime: string): Date {
  switch (choice) {
    case '15m':
      return new Date(now.getTime() + 15 * 60_000);
    case '1h':
      return new Date(now.getTime() + 60 * 60_000);
    case 'tomorrow':
      return zonedInstant(addDays(localDate(now, timeZone), 1), morningTime, timeZone);
  }
}
