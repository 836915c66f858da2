import { describe, expect, it } from 'vitest';
import { hourCycleOf, timeOfDayOptions } from '#renderer/ui/clock';

const at = new Date(Date.UTC(2026, 2, 4, 13, 31));
const write = (locale: string) => new Intl.DateTimeFormat(locale, { ...timeOfDayOptions(hourCycleOf(locale)), timeZone: 'UTC' }).format(at);

describe('the clock times are written on', () => {
  it('follows a 12-hour system without padding the hour, and a 24-hour one', () => {
    expect(hourCycleOf('en-US')).toBe('h12');
    expect(write('en-US')).toMatch(/^1:31\s?PM$/);
    expect(hourCycleOf('en-GB')).toBe('h23');
    expect(hourCycleOf('de-DE')).toBe('h23');
    expect(write('en-GB')).toBe('13:31');
  });
});
