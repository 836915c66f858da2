import { z } from 'zod';
import { channelSchema, dateSchema, idSchema, instantSchema, LIMITS, optionalChannel, optionalDate, optionalEmail, optionalText, optionalWebUrl, plainText, requiredText, timeZoneSchema } from './fields';

export const INTERVIEW_FORMATS = ['onsite', 'phone', 'video'] as const;
export type InterviewFormat = (typeof INTERVIEW_FORMATS)[number];
export const INTERVIEW_FORMAT_LABELS: Record<InterviewFormat, string> = { onsite: 'On-site', phone: 'Phone', video: 'Video' };

export const MAX_TEAM = 20;
export const MAX_INTERVIEW_HOURS = 12;

export const interviewSchema = z.object({
  id: z.string(),
  openingId: z.string(),
  round: z.number().int(),
  title: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** The zone the interview was arranged in, for display; instants are UTC. */
  timeZone: z.string(),
  format: z.enum(INTERVIEW_FORMATS),
  location: z.string().nullable(),
  meetingUrl: z.string().nullable(),
  /** Called off by the organiser (a calendar cancellation); the interview is kept. */
  cancelledAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Interview = z.infer<typeof interviewSchema>;

/** An interview in lists: with its opening's names and team size. */
export const interviewSummarySchema = interviewSchema.extend({
  role: z.string(),
  companyName: z.string(),
  teamNames: z.array(z.string()),
  debriefCompleted: z.boolean(),
});
export type InterviewSummary = z.infer<typeof interviewSummarySchema>;

/** A person on the interview team, with what the debrief records per interviewer. */
export const teamMemberSchema = z.object({
  contactId: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  preferredChannel: channelSchema.nullable(),
  cardCollected: z.boolean(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

/** The debrief checklist, filled in right after the interview. */
export const debriefSchema = z.object({
  nextStepClear: z.boolean(),
  nextStep: z.string(),
  notifyBy: dateSchema.nullable(),
  fillBy: dateSchema.nullable(),
  cardsCollected: z.boolean(),
  impressions: z.string(),
  concerns: z.string(),
  questions: z.string(),
  learned: z.string(),
  completedAt: z.string().nullable(),
});
export type Debrief = z.infer<typeof debriefSchema>;

/** Someone on the team: an existing contact, or a new person to create as a contact of the opening's company. */
export const teamInputSchema = z.union([
  z.object({ contactId: idSchema }).strict(),
  z
    .object({
      name: requiredText('Interviewer name', LIMITS.name),
      title: optionalText('Interviewer title', LIMITS.name),
      email: optionalEmail,
    })
    .strict(),
]);

const interviewFields = {
  round: z.number({ error: 'Round must be a number.' }).int().min(1, { error: 'Round starts at 1.' }).max(50, { error: 'Round must be at most 50.' }),
  title: optionalText('Title', LIMITS.name),
  startsAt: instantSchema,
  endsAt: instantSchema,
  timeZone: timeZoneSchema,
  format: z.enum(INTERVIEW_FORMATS, { error: 'Format must be on-site, phone or video.' }),
  location: optionalText('Place', LIMITS.shortText),
  meetingUrl: optionalWebUrl('Meeting link'),
};

function endsAfterStart(value: { startsAt?: string; endsAt?: string }): boolean {
  if (!value.startsAt || !value.endsAt) return true;
  const length = Date.parse(value.endsAt) - Date.parse(value.startsAt);
  return length > 0 && length <= MAX_INTERVIEW_HOURS * 3_600_000;
}
const timeOrderIssue = { error: `The interview must end after it starts, and last at most ${MAX_INTERVIEW_HOURS} hours.`, path: ['endsAt'] };

export const newInterviewSchema = z
  .object({
    openingId: idSchema,
    ...interviewFields,
    round: interviewFields.round.optional(),
    team: z.array(teamInputSchema).max(MAX_TEAM, { error: `An interview team has at most ${MAX_TEAM} people.` }).default([]),
  })
  .strict()
  .refine(endsAfterStart, timeOrderIssue);
export type NewInterviewInput = z.input<typeof newInterviewSchema>;
export type NewInterview = z.output<typeof newInterviewSchema>;

export const interviewPatchSchema = z
  .object({
    id: idSchema,
    round: interviewFields.round.optional(),
    title: interviewFields.title.optional(),
    startsAt: interviewFields.startsAt.optional(),
    endsAt: interviewFields.endsAt.optional(),
    timeZone: interviewFields.timeZone.optional(),
    format: interviewFields.format.optional(),
    location: interviewFields.location.optional(),
    meetingUrl: interviewFields.meetingUrl.optional(),
    /** When present, replaces the team (order kept). */
    team: z.array(teamInputSchema).max(MAX_TEAM, { error: `An interview team has at most ${MAX_TEAM} people.` }).optional(),
  })
  .strict()
  .refine(endsAfterStart, timeOrderIssue);

export const debriefInputSchema = z
  .object({
    interviewId: idSchema,
    nextStepClear: z.boolean(),
    nextStep: plainText('Next step', LIMITS.shortText),
    notifyBy: optionalDate,
    fillBy: optionalDate,
    cardsCollected: z.boolean(),
    impressions: plainText('Impressions'),
    concerns: plainText('Concerns'),
    questions: plainText('Open questions'),
    learned: plainText('What you learned'),
    /** Per interviewer: how they prefer to be followed up, and whether you have their card. */
    team: z
      .array(z.object({ contactId: idSchema, preferredChannel: optionalChannel, cardCollected: z.boolean() }).strict())
      .max(MAX_TEAM),
    /** True when the user marks the debrief done. */
    complete: z.boolean().default(false),
  })
  .strict();
export type DebriefInput = z.output<typeof debriefInputSchema>;
