import { z } from 'zod';
import { channelSchema } from './fields';

/**
 * The playbook's timings. Defaults follow PRODUCT.md; every one is editable
 * in Settings. Hours and days are absolute durations; "morning" rules use
 * `morningTime` in the user's zone.
 */
export const playbookSettingsSchema = z
  .object({
    debriefFirstReminderHours: z.number().min(0).max(48).default(0),
    debriefRepeatHours: z.number().min(0.25).max(72).default(3),
    thankYouNudgeHours: z.number().min(0).max(72).default(2),
    thankYouWarningHours: z.number().min(0).max(72).default(20),
    thankYouDeadlineHours: z.number().min(1).max(168).default(24),
    letterMailByDays: z.number().int().min(0).max(30).default(2),
    followUpDaysAfterNotifyDate: z.number().int().min(0).max(60).default(1),
    followUpDaysAfterInterview: z.number().int().min(1).max(90).default(7),
    followUpCooldownDays: z.number().int().min(1).max(90).default(5),
    maxUnansweredFollowUps: z.number().int().min(1).max(10).default(3),
    moveOnAfterSilenceDays: z.number().int().min(1).max(180).default(14),
    revisitAfterMonths: z.number().int().min(1).max(36).default(6),
    rejectionDraftHours: z.number().min(1).max(168).default(24),
    stayInTouchEveryDays: z.number().int().min(7).max(365).default(90),
    stayInTouchTimes: z.number().int().min(0).max(12).default(3),
    minGrantedReferences: z.number().int().min(0).max(10).default(2),
    linkedInHold: z.boolean().default(true),
    /** When "on the day" reminders come due, in the user's zone. */
    morningTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default('09:00'),
  })
  .strict();
export type PlaybookSettings = z.output<typeof playbookSettingsSchema>;
export const DEFAULT_PLAYBOOK: PlaybookSettings = playbookSettingsSchema.parse({});

export const REMINDER_KINDS = [
  'debrief',
  'thank_you',
  'rejection_thank_you',
  'letter_mail',
  'follow_up',
  'move_on',
  'revisit',
  'stay_in_touch',
  'reference_brief',
  'references_low',
  'reference_thanks',
  'linkedin_connect',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const TARGET_KINDS = ['opening', 'interview', 'contact', 'letter', 'reference'] as const;

/** Something the playbook says is due: what, about what, from when, and when to ring. */
export const dueItemSchema = z.object({
  /** Stable across re-plans; a new generation (e.g. the next follow-up) gets a new key. */
  key: z.string(),
  kind: z.enum(REMINDER_KINDS),
  title: z.string(),
  detail: z.string(),
  /** From this instant the item is due (shown in Today). */
  dueAt: z.string(),
  /** After this instant the item is overdue; null when it has no hard deadline. */
  deadlineAt: z.string().nullable(),
  /** Instants at which to notify, ascending, all ≥ dueAt. */
  alerts: z.array(z.string()),
  openingId: z.string().nullable(),
  target: z.object({ kind: z.enum(TARGET_KINDS), id: z.string() }),
  /** The channel to use, where the playbook suggests one. */
  channel: channelSchema.nullable(),
});
export type DueItem = z.infer<typeof dueItemSchema>;
