import { z } from 'zod';
import { dateSchema } from './fields';
import { stageSchema } from './opening';

/**
 * The stages of the funnel, in order. The side exits (rejected, withdrawn,
 * dormant) are not steps forward; they are counted apart.
 */
export const FUNNEL_STAGES = ['interested', 'applied', 'interviewing', 'offer', 'accepted'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export const funnelStepSchema = z.object({
  stage: z.enum(FUNNEL_STAGES),
  /** Openings that got at least this far. */
  reached: z.number().int().nonnegative(),
  /** reached ÷ the step before (0–1); null for the first step, or when the step before is empty. */
  fromPrevious: z.number().min(0).max(1).nullable(),
});
export type FunnelStep = z.infer<typeof funnelStepSchema>;

export const funnelSchema = z.object({
  total: z.number().int().nonnegative(),
  steps: z.array(funnelStepSchema),
  /** Where openings left the path, by their current stage. */
  exits: z.object({ rejected: z.number().int().nonnegative(), withdrawn: z.number().int().nonnegative(), dormant: z.number().int().nonnegative() }),
});
export type Funnel = z.infer<typeof funnelSchema>;

/** What a wait is counted from: the application, or the last interview before the answer. */
export const WAIT_STARTS = ['application', 'interview'] as const;
export type WaitStart = (typeof WAIT_STARTS)[number];

export const answeredWaitSchema = z.object({
  openingId: z.string(),
  /** "Role at Company". */
  name: z.string(),
  from: z.enum(WAIT_STARTS),
  /** Whole calendar days from the start to the answer (0 = the same day). */
  days: z.number().int().nonnegative(),
});
export type AnsweredWait = z.infer<typeof answeredWaitSchema>;

export const responseTimesSchema = z.object({
  /** One per opening that heard back, shortest first. */
  answered: z.array(answeredWaitSchema),
  /** Quartiles of the answered days (interpolated); null when nobody answered yet. */
  median: z.number().nullable(),
  q1: z.number().nullable(),
  q3: z.number().nullable(),
  /** Open openings still waiting to hear back, and the longest of those waits in days. */
  waiting: z.number().int().nonnegative(),
  longestWaitDays: z.number().int().nonnegative().nullable(),
  /** Openings past "interested" with no application date and no interview, so no wait can be counted. */
  undated: z.number().int().nonnegative(),
});
export type ResponseTimes = z.infer<typeof responseTimesSchema>;

export const insightsOverviewSchema = z.object({ funnel: funnelSchema, responseTimes: responseTimesSchema });
export type InsightsOverview = z.infer<typeof insightsOverviewSchema>;

export const TIMELINE_EVENT_KINDS = ['applied', 'interview', 'thank_you', 'touchpoint', 'answer', 'outcome'] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENT_KINDS)[number];
export const TIMELINE_EVENT_LABELS: Record<TimelineEventKind, string> = {
  applied: 'Applied',
  interview: 'Interview',
  thank_you: 'Thank-you sent',
  touchpoint: 'You reached out',
  answer: 'They answered',
  outcome: 'Outcome',
};

export const timelineEventSchema = z.object({
  kind: z.enum(TIMELINE_EVENT_KINDS),
  /** An instant; an application is a calendar date, placed at its local noon by the renderer. */
  at: z.string(),
  /** Set when `at` is a calendar date rather than an instant. */
  date: dateSchema.nullable(),
  /** What the marker says, e.g. "Round 2" or "Offer". */
  label: z.string(),
  /** The outcome's stage, for outcome markers. */
  stage: stageSchema.nullable(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const openingTimelineSchema = z.object({
  /** Oldest first. */
  events: z.array(timelineEventSchema),
});
export type OpeningTimelineData = z.infer<typeof openingTimelineSchema>;
