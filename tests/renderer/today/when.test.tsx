import { describe, expect, it } from 'vitest';
import { describeWhen, formatAt } from '#renderer/features/today/when';
import { formatTimeOfDay } from '#renderer/ui/clock';
import { formatTimeRange } from '#renderer/ui/datetime';

const HOUR = 3_600_000;
// A Wednesday at 15:00 local time.
const now = new Date(2026, 2, 4, 15, 0).getTime();
const iso = (ms: number) => new Date(ms).toISOString();
/** The one way the app writes a time of day. */
const time = (hours: number, minutes = 0) => formatTimeOfDay(new Date(2026, 2, 4, hours, minutes));

describe('when an item is due, in words', () => {
  it('counts how long a deadline has passed', () => {
    expect(describeWhen({ dueAt: iso(now - 30 * HOUR), deadlineAt: iso(now - 3 * HOUR) }, now)).toMatchObject({ text: 'Overdue by 3 h', urgency: 'overdue' });
  });

  it('counts the time left until the deadline, close ones drawn as soon', () => {
    expect(describeWhen({ dueAt: iso(now - HOUR), deadlineAt: iso(now + 2 * HOUR) }, now)).toMatchObject({ text: 'Due in 2 h', urgency: 'soon' });
    expect(describeWhen({ dueAt: iso(now - HOUR), deadlineAt: iso(now + 21 * HOUR + 4 * 60_000) }, now)).toMatchObject({ text: 'Due in 21 h 4 min', urgency: 'due' });
  });

  it('names the day and time of what is not due yet', () => {
    const friday = new Date(2026, 2, 6, 9, 0).getTime();
    const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'short' }).format(friday);
    expect(describeWhen({ dueAt: iso(friday), deadlineAt: null }, now)).toMatchObject({ text: `${weekday} ${time(9)}`, urgency: 'later' });
    expect(formatAt(iso(new Date(2026, 2, 5, 9, 0).getTime()), now)).toBe(`Tomorrow ${time(9)}`);
    expect(formatAt(iso(new Date(2026, 2, 4, 18, 30).getTime()), now)).toBe(`Today ${time(18, 30)}`);
  });

  it('says since when an item without a deadline has been due', () => {
    expect(describeWhen({ dueAt: iso(new Date(2026, 2, 4, 9, 0).getTime()), deadlineAt: null }, now)).toMatchObject({ text: `Due since ${time(9)}`, urgency: 'due' });
    expect(describeWhen({ dueAt: iso(new Date(2026, 2, 3, 9, 0).getTime()), deadlineAt: null }, now)).toMatchObject({ text: `Due since yesterday ${time(9)}`, urgency: 'overdue' });
    expect(describeWhen({ dueAt: iso(now - 20_000), deadlineAt: null }, now).text).toBe('Due now');
  });

  it('writes a time as the interview page does, never with a padded hour on a 12-hour clock', () => {
    const at = new Date(2026, 2, 4, 13, 31);
    const since = describeWhen({ dueAt: iso(at.getTime()), deadlineAt: null }, now).text;
    const interview = formatTimeRange(iso(at.getTime()), iso(at.getTime() + HOUR));
    expect(since).toBe(`Due since ${time(13, 31)}`);
    expect(interview).toContain(`, ${time(13, 31)} – `);
    expect(since).not.toMatch(/\b0\d:\d\d\s?[AP]M/i);
  });
});
