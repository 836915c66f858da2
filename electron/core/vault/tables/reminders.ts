import { CONTACT_CHANNELS } from '#shared/domain/fields';
import { REMINDER_KINDS, TARGET_KINDS } from '#shared/domain/playbook';
import { choice, instant, json, reference, text, updatedAt } from './column';
import { table } from './table';

export const REMINDER_STATUSES = ['open', 'done', 'dismissed'] as const;

/** The planned reminders, as absolute instants, with what the user did about them (kept across re-plans). */
export const remindersTable = table('reminders', 'rm', {
  /** Stable across re-plans; names the opening, or a letter or interview of it. */
  key: text().key(),
  kind: choice(REMINDER_KINDS),
  title: text(),
  detail: text(),
  dueAt: instant(),
  deadlineAt: instant().nullable(),
  alerts: json<string[]>(),
  openingId: reference().nullable(),
  targetKind: choice(TARGET_KINDS),
  targetId: reference(),
  channel: choice(CONTACT_CHANNELS).nullable(),
  status: choice(REMINDER_STATUSES).defaultsTo('open'),
  snoozedUntil: instant().nullable(),
  /** The next instant to notify at; NULL once every alert has rung. */
  nextAlertAt: instant().nullable(),
  lastNotifiedAt: instant().nullable(),
  updatedAt: updatedAt(),
});
