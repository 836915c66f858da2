import { describe, expect, it } from 'vitest';
import { quietUntil } from '#core/reminders/quiet-hours';

const nightly = { enabled: true, start: '21:00', end: '08:00' };

describe('quiet hours', () => {
  it('hold notifications overnight until the morning, across midnight', () => {
    expect(quietUntil(nightly, new Date('2026-06-01T20:30:00Z'), 'Europe/Berlin')?.toISOString()).toBe('2026-06-02T06:00:00.000Z');
    expect(quietUntil(nightly, new Date('2026-06-02T03:00:00Z'), 'Europe/Berlin')?.toISOString()).toBe('2026-06-02T06:00:00.000Z');
  });

  it('let notifications through outside the window or when off', () => {
    expect(quietUntil(nightly, new Date('2026-06-01T12:00:00Z'), 'Europe/Berlin')).toBeNull();
    expect(quietUntil({ ...nightly, enabled: false }, new Date('2026-06-01T20:30:00Z'), 'Europe/Berlin')).toBeNull();
  });

  it('work for a window within one day', () => {
    expect(quietUntil({ enabled: true, start: '12:00', end: '13:30' }, new Date('2026-06-01T12:15:00Z'), 'UTC')?.toISOString()).toBe('2026-06-01T13:30:00.000Z');
  });
});
