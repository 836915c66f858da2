import { describe, expect, it } from 'vitest';
import { clipped, dueLineFor, notificationsFor, SUMMARY_THRESHOLD, whenText } from '#core/shell/alert-text';
import { reminderRoute } from '#shared/domain/reminder-route';

const NOW = new Date('2026-03-03T12:00:00.000Z');
const reminder = (key: string, title: string, detail = '', dueAt = '2026-03-03T10:00:00.000Z', deadlineAt: string | null = '2026-03-04T10:00:00.000Z') => ({ key, title, detail, dueAt, deadlineAt });

describe('what a notification shows', () => {
  it('one per reminder: its title, when it is due and what to do; it opens its item', () => {
    expect(notificationsFor([reminder('k1', 'Thank Ana Ruiz', 'Within a day.')], NOW)).toEqual([{ title: 'Thank Ana Ruiz', body: 'Due in 22 h. Within a day.', reminderKey: 'k1' }]);
  });

  it('one summary for many, opening Today', () => {
    const many = Array.from({ length: SUMMARY_THRESHOLD + 2 }, (_, index) => reminder(`k${index}`, `Item ${index}`));
    expect(notificationsFor(many, NOW)).toEqual([{ title: '5 things need you', body: '• Item 0\n• Item 1\n• Item 2\n…and more in Today.', reminderKey: null }]);
    expect(notificationsFor(many.slice(0, SUMMARY_THRESHOLD), NOW)).toHaveLength(SUMMARY_THRESHOLD);
    expect(notificationsFor([], NOW)).toEqual([]);
  });

  it('shows vault text on one line, cut at a word when it is long', () => {
    const long = `Thank ${'Maria-Fernanda '.repeat(12)}for the interview`;
    const [shown] = notificationsFor([reminder('k', `${long}\r\nBcc: injected`, 'Line one\nline two')], NOW);
    expect(shown!.title).not.toMatch(/[\r\n]/);
    expect(shown!.title.length).toBeLessThanOrEqual(100);
    expect(shown!.title).toMatch(/Maria-Fernanda…$/);
    expect(shown!.body).toBe('Due in 22 h. Line one line two');
    expect(clipped('a'.repeat(150), 100)).toBe(`${'a'.repeat(99)}…`);
  });

  it('lists tray items the same way', () => {
    expect(dueLineFor(reminder('k', 'Debrief\nyour interview', '', '2026-03-03T12:20:00.000Z', null), NOW)).toEqual({ key: 'k', title: 'Debrief your interview', when: 'in 20 min' });
  });

  it('says when an item is due in a few words', () => {
    expect(whenText({ dueAt: '2026-03-03T10:00:00.000Z', deadlineAt: '2026-03-03T11:00:00.000Z' }, NOW)).toBe('overdue');
    expect(whenText({ dueAt: '2026-03-03T10:00:00.000Z', deadlineAt: '2026-03-04T10:00:00.000Z' }, NOW)).toBe('due in 22 h');
    expect(whenText({ dueAt: '2026-03-03T10:00:00.000Z', deadlineAt: null }, NOW)).toBe('due now');
    expect(whenText({ dueAt: '2026-03-03T12:20:00.000Z', deadlineAt: null }, NOW)).toBe('in 20 min');
    expect(whenText({ dueAt: '2026-03-08T12:00:00.000Z', deadlineAt: null }, NOW)).toBe('in 5 days');
  });

  it('routes each kind of reminder target to its screen', () => {
    const at = (kind: 'interview' | 'letter' | 'opening' | 'contact' | 'reference', id: string, openingId: string | null = null) => reminderRoute({ target: { kind, id }, openingId });
    expect(at('interview', 'i1')).toBe('/interviews/i1');
    expect(at('letter', 'l1')).toBe('/letters/l1');
    expect(at('opening', 'o1')).toBe('/openings/o1');
    expect(at('contact', 'c1')).toBe('/contacts/c1');
    // References have no page yet: their opening, else Today.
    expect(at('reference', 'r1', 'o1')).toBe('/references/r1/briefs/o1');
    expect(at('reference', 'r1')).toBe('/references/r1');
  });
});
