import { z } from 'zod';
import { debriefInputSchema, debriefSchema, interviewPatchSchema, interviewSchema, newInterviewSchema, teamMemberSchema } from '#shared/domain/interview';
import { noteSummarySchema } from '#shared/domain/note';
import { openingSchema } from '#shared/domain/opening';
import { deletedSchema } from '#shared/domain/trash';
import { byId } from '../by-id';

export const interviewDetailSchema = z.object({
  interview: interviewSchema,
  opening: openingSchema,
  team: z.array(teamMemberSchema),
  debrief: debriefSchema,
  notes: z.array(noteSummarySchema),
});
export type InterviewDetail = z.infer<typeof interviewDetailSchema>;

export const interviewChannels = {
  /** Logs an interview; new team members become contacts of the opening's company. */
  'interviews.create': { effect: 'writes', input: newInterviewSchema, output: interviewSchema },
  'interviews.get': { effect: 'reads', input: byId, output: interviewDetailSchema },
  'interviews.update': { effect: 'writes', input: interviewPatchSchema, output: interviewSchema },
  'interviews.delete': { effect: 'writes', input: byId, output: deletedSchema },
  /** Saves the debrief checklist; its next step and dates also update the opening's hiring-process facts. */
  'interviews.saveDebrief': { effect: 'writes', input: debriefInputSchema, output: debriefSchema },
} as const;
