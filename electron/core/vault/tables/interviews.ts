import { CONTACT_CHANNELS } from '#shared/domain/fields';
import type { z } from 'zod';
import { INTERVIEW_FORMAT_LABELS, INTERVIEW_FORMATS, type Debrief, type Interview, type interviewPatchSchema, type TeamMember } from '#shared/domain/interview';
import { choice, createdAt, date, flag, id, instant, integer, reference, text, trashedAt, updatedAt, url } from './column';
import { contactsTable } from './contacts';
import { openingsTable } from './openings';
import type { MarkdownFormat } from './formats';
import { sameFields, sameKeys, table, type EditableKey, type Row, type Values } from './table';

/** An interview with its debrief checklist, which stays empty until the user fills it in. */
export const interviewsTable = table(
  'interviews',
  'i',
  {
    id: id(),
    openingId: reference(),
    round: integer().editable(),
    title: text().nullable().editable(),
    startsAt: instant().editable(),
    endsAt: instant().editable(),
    /** The zone the interview was arranged in, for display; instants are UTC. */
    timeZone: text().editable(),
    format: choice(INTERVIEW_FORMATS, INTERVIEW_FORMAT_LABELS).editable(),
    location: text().nullable().editable(),
    meetingUrl: url().nullable().editable(),
    /** Called off by the organiser (a calendar cancellation, 0013_capture); the interview is kept. */
    cancelledAt: instant().nullable(),
    /** The calendar invite it was imported from: its UID and SEQUENCE (0013_capture). */
    inviteUid: text().nullable().notInRow(),
    inviteSequence: integer().nullable().notInRow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    nextStepClear: flag().defaultsTo(0).notInRow(),
    nextStep: text().defaultsTo('').notInRow(),
    notifyBy: date().nullable().notInRow(),
    fillBy: date().nullable().notInRow(),
    cardsCollected: flag().defaultsTo(0).notInRow(),
    impressions: text().defaultsTo('').notInRow(),
    concerns: text().defaultsTo('').notInRow(),
    questions: text().defaultsTo('').notInRow(),
    learned: text().defaultsTo('').notInRow(),
    completedAt: instant().nullable().notInRow(),
    deletedAt: trashedAt(),
  },
  { parents: [{ column: 'openingId', table: () => openingsTable }] },
);

/** The debrief: the columns filled in right after the interview. */
export const DEBRIEF_KEYS = ['nextStepClear', 'nextStep', 'notifyBy', 'fillBy', 'cardsCollected', 'impressions', 'concerns', 'questions', 'learned', 'completedAt'] as const;

sameFields<Row<typeof interviewsTable>, Interview>();
sameFields<Values<typeof interviewsTable, (typeof DEBRIEF_KEYS)[number]>, Debrief>();
sameKeys<EditableKey<typeof interviewsTable>, Exclude<keyof z.output<typeof interviewPatchSchema>, 'id' | 'team'>>();

/** interviews/*.md in the whole-vault export: `company` and `team` are computed (its opening's company, the live people on its team). */
export const interviewMarkdown: MarkdownFormat<typeof interviewsTable, 'company' | 'team'> = {
  frontMatter: {
    id: 'id',
    title: 'title',
    openingId: 'opening',
    company: 'company',
    startsAt: 'starts',
    endsAt: 'ends',
    timeZone: 'time_zone',
    format: 'format',
    location: 'location',
    meetingUrl: 'meeting_link',
    team: 'team',
    round: null,
    cancelledAt: null,
    inviteUid: null,
    inviteSequence: null,
    createdAt: null,
    updatedAt: null,
    nextStepClear: null,
    nextStep: null,
    notifyBy: null,
    fillBy: null,
    cardsCollected: null,
    impressions: null,
    concerns: null,
    questions: null,
    learned: null,
    completedAt: null,
    deletedAt: null,
  },
  sections: { nextStep: 'Next step', impressions: 'Impressions', concerns: 'Concerns', questions: 'Questions', learned: 'What I learned' },
};

/** Who sat on an interview's team, in order, and what the debrief records about each. */
export const interviewTeamTable = table(
  'interview_team',
  't',
  {
    interviewId: reference().key(),
    contactId: reference().key(),
    position: integer(),
    /** How this interviewer prefers to be followed up, as the debrief noted; wins over the contact's general preference. */
    preferredChannel: choice(CONTACT_CHANNELS).nullable(),
    cardCollected: flag().defaultsTo(0),
  },
  { parents: [{ column: 'interviewId', table: () => interviewsTable }, { column: 'contactId', table: () => contactsTable }] },
);

sameFields<Pick<Row<typeof interviewTeamTable>, 'contactId' | 'preferredChannel' | 'cardCollected'>, Pick<TeamMember, 'contactId' | 'preferredChannel' | 'cardCollected'>>();
