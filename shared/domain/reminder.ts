import { z } from 'zod';
import { dueItemSchema } from './playbook';

export const reminderViewSchema = dueItemSchema.extend({
  status: z.enum(['open', 'done', 'dismissed']),
  snoozedUntil: z.string().nullable(),
});
export type ReminderView = z.infer<typeof reminderViewSchema>;

/** Today: what is overdue, what is due today, what is coming this week. */
export const agendaSchema = z.object({
  overdue: z.array(reminderViewSchema),
  today: z.array(reminderViewSchema),
  week: z.array(reminderViewSchema),
  /** Open items of the window left out of the lists, which hold the soonest due only. */
  more: z.number().int().min(0),
  /** When the agenda was computed, so the screen can say "as of". */
  now: z.string(),
});
export type Agenda = z.infer<typeof agendaSchema>;

export const SNOOZE_CHOICES = ['15m', '1h', 'tomorrow'] as const;

const keySchema = z
  .string({ error: 'Say which reminder: its key is missing.' })
  .min(1, { error: 'Say which reminder: its key is missing.' })
  .max(300, { error: 'That reminder does not exist.' });

export const snoozeInputSchema = z
  .object({
    key: keySchema,
    /** A preset, or a custom instant via `until`. */
    choice: z.enum(SNOOZE_CHOICES, { error: 'Snooze for 15 minutes, 1 hour or until tomorrow morning.' }).optional(),
    until: z.iso.datetime({ offset: true, error: 'Snooze until a date and time, e.g. 2026-03-02T09:00:00Z.' }).optional(),
  })
  .strict()
  .refine((value) => (value.choice ? !value.until : !!value.until), { error: 'Choose one snooze: a preset or a time.' });

export const reminderKeySchema = z.object({ key: keySchema }).strict();
