import { describe, expect, it } from 'vitest';
import { agendaHorizon, buildAgenda } from '#core/reminders/agenda';
import type { Reminder } from '#core/vault/repositories/reminders';

function reminder(key: string, dueAt: string, deadlineAt: string | null = null): Reminder {
  return { key, kind: 'follow_up', title: key, detail: '', dueAt, deadlineAt, alerts: [dueAt], openingId: null, target: { kind: 'opening', id: key }, channel: null, status: 'open', snoozedUntil: null, nextAlertAt: null, lastNotifiedAt: null };
}

const now = new Date('2026-03-10T14:00:00Z'); // 15:00 in Berlin

describe('agenda', () => {
  it('sorts into overdue, today and this week in the user zone, by urgency', () => {
    const agenda = buildAgenda(
      [
        reminder('week', '2026-03-12T08:00:00Z'),
        reminder('deadline-passed', '2026-03-09T10:00:00Z', '2026-03-10T10:00:00Z'),
        reminder('yesterday', '2026-03-09T12:00:00Z'),
        reminder('tonight', '2026-03-10T22:30:00Z'),
        reminder('due-with-deadline-later', '2026-03-09T10:00:00Z', '2026-03-10T20:00:00Z'),
        reminder('this-morning', '2026-03-10T08:00:00Z'),
      ],
      now,
      'Europe/Berlin',
    );
    expect(agenda.overdue.map((item) => item.key)).toEqual(['yesterday', 'deadline-passed']);
    expect(agenda.today.map((item) => item.key)).toEqual(['this-morning', 'due-with-deadline-later', 'tonight']);
    expect(agenda.week.map((item) => item.key)).toEqual(['week']);
  });

  it('looks a week ahead, to midnight local time', () => {
    expect(agendaHorizon(now, 'Europe/Berlin').toISOString()).toBe('2026-03-16T23:00:00.000Z');
  });
});
