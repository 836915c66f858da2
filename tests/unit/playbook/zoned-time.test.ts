import { describe, expect, it } from 'vitest';
import { addDays, addMonths, localDate, zonedInstant } from '../../../shared/domain/zoned-time';

describe('zoned time', () => {
  it('finds the instant of a wall-clock time in a zone, in winter and in summer', () => {
    expect(zonedInstant('2026-01-15', '09:00', 'Europe/Berlin').toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(zonedInstant('2026-07-15', '09:00', 'Europe/Berlin').toISOString()).toBe('2026-07-15T07:00:00.000Z');
    expect(zonedInstant('2026-07-15', '09:00', 'America/New_York').toISOString()).toBe('2026-07-15T13:00:00.000Z');
    expect(zonedInstant('2026-07-15', '09:00', 'Asia/Kolkata').toISOString()).toBe('2026-07-15T03:30:00.000Z');
  });

  it('handles the days the clocks change', () => {
    // Berlin springs forward at 02:00 on 2026-03-29 and falls back at 03:00 on 2026-10-25.
    expect(zonedInstant('2026-03-29', '09:00', 'Europe/Berlin').toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(zonedInstant('2026-10-25', '09:00', 'Europe/Berlin').toISOString()).toBe('2026-10-25T08:00:00.000Z');
    // 02:30 does not exist that spring morning: the later side is taken.
    expect(zonedInstant('2026-03-29', '02:30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z');
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
});
