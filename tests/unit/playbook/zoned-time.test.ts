import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAgenda } from '#core/reminders/agenda';
import type { Reminder } from '#core/vault/repositories/reminders';
import { addDays, addMonths, localDate, wallClock, zonedInstant, zoneOffsetMs } from '#shared/domain/zoned-time';

const at = (date: string, time: string, zone: string) => zonedInstant(date, time, zone).toISOString();

describe('zoned time', () => {
  it('finds the instant of a wall-clock time in a zone, in winter and in summer', () => {
    expect(at('2026-01-15', '09:00', 'Europe/Berlin')).toBe('2026-01-15T08:00:00.000Z');
    expect(at('2026-07-15', '09:00', 'Europe/Berlin')).toBe('2026-07-15T07:00:00.000Z');
    expect(at('2026-07-15', '09:00', 'America/New_York')).toBe('2026-07-15T13:00:00.000Z');
    expect(at('2026-07-15', '09:00', 'Asia/Kolkata')).toBe('2026-07-15T03:30:00.000Z');
    expect(at('2026-01-15', '09:00', 'Asia/Kolkata')).toBe('2026-01-15T03:30:00.000Z');
  });

  it('handles the days the clocks change', () => {
    // Berlin springs forward at 02:00 on 2026-03-29 and falls back at 03:00 on 2026-10-25.
    expect(at('2026-03-29', '09:00', 'Europe/Berlin')).toBe('2026-03-29T07:00:00.000Z');
    expect(at('2026-10-25', '09:00', 'Europe/Berlin')).toBe('2026-10-25T08:00:00.000Z');
    // 02:30 does not exist that spring morning: the clock moves on, to 03:30.
    expect(at('2026-03-29', '02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
  });

  // Skipped local times move forward by the gap; repeated ones take the earlier of the two.
  it.each([
    ['New York, spring forward: 02:30 is 03:30 EDT', '2026-03-08', '02:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
    ['New York, fall back: 01:30 is the first, EDT', '2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
    ['Santiago, spring forward at midnight: the day starts at 01:00', '2026-09-06', '00:00', 'America/Santiago', '2026-09-06T04:00:00.000Z'],
    ['Santiago, fall back at midnight: 23:30 the evening before is the first', '2026-04-04', '23:30', 'America/Santiago', '2026-04-05T02:30:00.000Z'],
    ['Santiago, the midnight after falling back', '2026-04-05', '00:00', 'America/Santiago', '2026-04-05T04:00:00.000Z'],
    ['Havana, spring forward at midnight: the day starts at 01:00', '2026-03-08', '00:00', 'America/Havana', '2026-03-08T05:00:00.000Z'],
    ['Havana, fall back at 01:00: 00:30 is the first, CDT', '2026-11-01', '00:30', 'America/Havana', '2026-11-01T04:30:00.000Z'],
    ['Auckland, spring forward: 02:30 is 03:30 NZDT', '2026-09-27', '02:30', 'Pacific/Auckland', '2026-09-26T14:30:00.000Z'],
    ['Auckland, fall back: 02:30 is the first, NZDT', '2026-04-05', '02:30', 'Pacific/Auckland', '2026-04-04T13:30:00.000Z'],
    ['Kolkata, no clock change, half-hour offset', '2026-03-08', '02:30', 'Asia/Kolkata', '2026-03-07T21:00:00.000Z'],
    ['Lord Howe, a 30-minute spring forward: 02:15 is 02:45', '2026-10-04', '02:15', 'Australia/Lord_Howe', '2026-10-03T15:45:00.000Z'],
    ['Lord Howe, a 30-minute fall back: 01:45 is the first', '2026-04-05', '01:45', 'Australia/Lord_Howe', '2026-04-04T14:45:00.000Z'],
  ])('%s', (_label, date, time, zone, expected) => {
    expect(at(date, time, zone)).toBe(expected);
  });

  const ZONES = ['America/New_York', 'America/Santiago', 'America/Havana', 'Pacific/Auckland', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Europe/Berlin'];
  const MINUTE = 60_000;
  const DAY = 86_400_000;
  const pad = (value: number) => String(value).padStart(2, '0');
  const shownAt = (ms: number, zone: string) => {
    const clock = wallClock(new Date(ms), zone);
    return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute);
  };

  /** Each instant, to the minute, at which the zone's offset changes in 2024–2027, found with Intl alone. */
  function transitionsOf(zone: string): number[] {
    const found: number[] = [];
    for (let day = Date.UTC(2024, 0, 1); day < Date.UTC(2028, 0, 1); day += DAY) {
      if (zoneOffsetMs(new Date(day), zone) === zoneOffsetMs(new Date(day + DAY), zone)) continue;
      let [low, high] = [day, day + DAY];
      while (high - low > MINUTE) {
        const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
        if (zoneOffsetMs(new Date(middle), zone) === zoneOffsetMs(new Date(low), zone)) low = middle;
        else high = middle;
      }
      found.push(high);
    }
    return found;
  }
  const transitions = ZONES.flatMap((zone) => transitionsOf(zone).map((at) => ({ zone, at })));
  /** An instant, to the minute, within three hours of a clock change (where the hand-written rules went wrong), or any. */
  const nearAChange = fc.oneof(
    fc.tuple(fc.constantFrom(...transitions), fc.integer({ min: -180, max: 180 })).map(([{ zone, at }, minutes]) => ({ zone, instant: at + minutes * MINUTE })),
    fc.tuple(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(2024, 0, 1) / MINUTE, max: Date.UTC(2028, 0, 1) / MINUTE })).map(([zone, minute]) => ({ zone, instant: minute * MINUTE })),
  );

  it('finds the clock changes of each zone it is tested in', () => {
    // Kolkata keeps one offset; the others change twice a year.
    expect(transitions.filter((change) => change.zone === 'Asia/Kolkata')).toEqual([]);
    expect(transitions.filter((change) => change.zone === 'Australia/Lord_Howe')).toHaveLength(8);
  });

  it('gives back, for any instant, the earliest instant that shows the same wall clock', () => {
    fc.assert(
      fc.property(nearAChange, ({ zone, instant }) => {
        const clock = wallClock(new Date(instant), zone);
        const back = zonedInstant(localDate(new Date(instant), zone), `${pad(clock.hour)}:${pad(clock.minute)}`, zone).getTime();
        expect(shownAt(back, zone)).toBe(shownAt(instant, zone));
        // In a repeated hour the first pass wins: no earlier instant shows that time.
        expect(back).toBeLessThanOrEqual(instant);
        for (let earlier = back - 90 * MINUTE; earlier < back; earlier += MINUTE) expect(shownAt(earlier, zone)).not.toBe(shownAt(instant, zone));
      }),
      { numRuns: 300 },
    );
  });

  it('moves a time the clock skips forward by the length of the gap, and leaves every other time as asked', () => {
    fc.assert(
      fc.property(nearAChange, ({ zone, instant: near }) => {
        // A wall-clock time read with the offset of the day before: around a spring-forward, one the clock skips.
        const before = zoneOffsetMs(new Date(near - DAY), zone);
        const asked = near + before;
        const date = new Date(asked).toISOString().slice(0, 10);
        const time = new Date(asked).toISOString().slice(11, 16);
        const instant = zonedInstant(date, time, zone).getTime();
        const shown = shownAt(instant, zone);
        if (shown === asked) return;
        // A gap: no offset of the zone around then shows the time asked…
        const after = zoneOffsetMs(new Date(near + DAY), zone);
        expect(shownAt(asked - before, zone)).not.toBe(asked);
        expect(shownAt(asked - after, zone)).not.toBe(asked);
        // …so it is read with the offset from before the change, which lands later on the clock by the gap.
        expect(instant).toBe(asked - before);
        expect(shown - asked).toBe(after - before);
        expect(shown - asked).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('reads the local calendar date of an instant', () => {
    expect(localDate(new Date('2026-05-01T23:30:00Z'), 'Europe/Berlin')).toBe('2026-05-02');
    expect(localDate(new Date('2026-05-01T02:00:00Z'), 'America/Los_Angeles')).toBe('2026-04-30');
  });

  it('does calendar arithmetic across month ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
  });

  it('answers a date that is not on the calendar with an invalid instant, not another day', () => {
    expect(Number.isNaN(zonedInstant('2026-02-30', '09:00', 'Europe/Berlin').getTime())).toBe(true);
    expect(Number.isNaN(zonedInstant('2026-03-08', '25:00', 'America/New_York').getTime())).toBe(true);
  });
});

function reminder(key: string, dueAt: string): Reminder {
  return { key, kind: 'follow_up', title: key, detail: '', dueAt, deadlineAt: null, alerts: [dueAt], openingId: null, target: { kind: 'opening', id: key }, channel: null, status: 'open', snoozedUntil: null, nextAlertAt: null, lastNotifiedAt: null };
}

describe("Today's start on a day the clock changes at midnight", () => {
  it.each([
    // Santiago skips from Saturday 24:00 to Sunday 01:00: Sunday starts at 04:00 UTC.
    ['America/Santiago', '2026-09-06T03:30:00.000Z', '2026-09-06T04:30:00.000Z', '2026-09-06T15:00:00.000Z'],
    // So does Havana, a week after New York: Sunday 8 March starts at 05:00 UTC.
    ['America/Havana', '2026-03-08T04:30:00.000Z', '2026-03-08T05:30:00.000Z', '2026-03-08T15:00:00.000Z'],
  ])('in %s, an item due the evening before is overdue and one just after the day began is today', (zone, lastEvening, earlyToday, now) => {
    const agenda = buildAgenda([reminder('last-evening', lastEvening), reminder('early-today', earlyToday)], new Date(now), zone);
    expect(localDate(new Date(lastEvening), zone)).not.toBe(localDate(new Date(now), zone));
    expect(agenda.overdue.map((item) => item.key)).toEqual(['last-evening']);
    expect(agenda.today.map((item) => item.key)).toEqual(['early-today']);
  });
});
