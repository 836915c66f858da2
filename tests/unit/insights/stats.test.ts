import { describe, expect, it } from 'vitest';
import { daysBetween, localDates, quantile } from '#core/insights/stats';
import { localDate } from '#shared/domain/zoned-time';

describe('quantile', () => {
  it('is null for no values', () => {
    expect(quantile([], 0.5)).toBeNull();
  });
  it('is the value itself for one value', () => {
    expect([quantile([7], 0.25), quantile([7], 0.5), quantile([7], 0.75)]).toEqual([7, 7, 7]);
  });
  it('interpolates between neighbours', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(quantile([2, 4, 10], 0.5)).toBe(4);
  });
  it('keeps ties', () => {
    expect(quantile([5, 5, 5, 9], 0.5)).toBe(5);
    expect(quantile([5, 5, 5, 9], 0.75)).toBe(6);
  });
});

describe('daysBetween', () => {
  it('counts calendar days, across months and a leap day', () => {
    expect(daysBetween('2026-03-02', '2026-03-02')).toBe(0);
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-05', '2026-03-02')).toBe(-3);
  });
});

describe('localDates', () => {
  it('agrees with localDate on ordinary days and across a DST switch', () => {
    const berlin = localDates('Europe/Berlin');
    const instants = ['2026-03-28T22:59:00Z', '2026-03-28T23:00:00Z', '2026-03-29T00:30:00Z', '2026-03-29T21:59:00Z', '2026-03-29T22:00:00Z', '2026-10-24T21:59:00Z', '2026-10-24T22:00:00Z', '2026-10-25T22:59:00Z', '2026-10-25T23:00:00Z'];
    for (const iso of instants) expect(berlin(Date.parse(iso))).toBe(localDate(new Date(iso), 'Europe/Berlin'));
    expect(localDates('Pacific/Kiritimati')(Date.parse('2026-03-01T11:00:00Z'))).toBe('2026-03-02');
  });
});
