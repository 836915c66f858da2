import type { Agenda, ReminderView } from '#shared/domain/reminder';
import { addDays, localDate, zonedInstant } from '#shared/domain/zoned-time';
import type { Reminder } from '../vault/repositories/reminders';

export const AGENDA_DAYS = 7;

/**
 * The most items the agenda lists; the rest are counted. More than this is a
 * backlog no one works through in one sitting, and reading fewer keeps the
 * home screen instant on a big vault.
 */
export const AGENDA_LIMIT = 50;

/** The end of the agenda window: midnight after the 7th day, in the user's zone. */
export function agendaHorizon(now: Date, timeZone: string): Date {
  return zonedInstant(addDays(localDate(now, timeZone), AGENDA_DAYS), '00:00', timeZone);
}

/**
 * Sorts open reminders into overdue, today and this week. Overdue means past
 * its deadline, or, without one, due before today began; urgency orders each
 * group (the nearest deadline first). `total` counts every open item of the
 * window, of which `reminders` are the soonest due; the rest are `more`.
 */
export function buildAgenda(reminders: Reminder[], now: Date, timeZone: string, total = reminders.length): Agenda {
  const startOfToday = zonedInstant(localDate(now, timeZone), '00:00', timeZone).toISOString();
  const endOfToday = zonedInstant(addDays(localDate(now, timeZone), 1), '00:00', timeZone).toISOString();
  const nowIso = now.toISOString();
  const agenda: Agenda = { overdue: [], today: [], week: [], more: Math.max(0, total - reminders.length), now: nowIso };
  for (const reminder of reminders) {
    const view = toView(reminder);
    if ((view.deadlineAt && view.deadlineAt <= nowIso) || (!view.deadlineAt && view.dueAt < startOfToday)) agenda.overdue.push(view);
    else if (view.dueAt < endOfToday) agenda.today.push(view);
    else agenda.week.push(view);
  }
  const urgency = (view: ReminderView) => view.deadlineAt ?? view.dueAt;
  for (const group of [agenda.overdue, agenda.today, agenda.week]) group.sort((a, b) => urgency(a).localeCompare(urgency(b)) || a.key.localeCompare(b.key));
  return agenda;
}

export function toView(reminder: Reminder): ReminderView {
  return {
    key: reminder.key,
    kind: reminder.kind,
    title: reminder.title,
    detail: reminder.detail,
    dueAt: reminder.dueAt,
    deadlineAt: reminder.deadlineAt,
    alerts: reminder.alerts,
    openingId: reminder.openingId,
    target: reminder.target,
    channel: reminder.channel,
    status: reminder.status,
    snoozedUntil: reminder.snoozedUntil,
  };
}
