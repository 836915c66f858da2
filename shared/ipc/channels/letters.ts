import { z } from 'zod';
import { exportByIdSchema, exportedFileSchema } from '#shared/domain/document-export';
import { debriefSchema, teamMemberSchema } from '#shared/domain/interview';
import { letterSaveSchema, letterSchema, letterSummarySchema, letterTrackSchema, markPostedSchema, markSentSchema, templateSaveSchema, templateSchema } from '#shared/domain/letter';
import { LETTER_KINDS } from '#shared/domain/letter';
import { noteSavedSchema } from '#shared/domain/note';
import { openingSchema } from '#shared/domain/opening';
import { recordOutcomeSchema } from '#shared/domain/outcome';
import { deletedSchema } from '#shared/domain/trash';
import { byId } from '../by-id';
import { noInput } from '../no-input';

export const letterDetailSchema = z.object({
  letter: letterSchema,
  opening: openingSchema,
  /** The interview's debrief, shown beside the editor for reference (null for a rejection reply). */
  debrief: debriefSchema.nullable(),
  recipient: teamMemberSchema.nullable(),
});
export type LetterDetail = z.infer<typeof letterDetailSchema>;

export const letterChannels = {
  /** Unsent letters first, by deadline; then sent ones, newest first. */
  'letters.list': { effect: 'reads', input: z.object({ openingId: z.uuid().optional(), interviewId: z.uuid().optional() }).strict().optional(), output: z.array(letterSummarySchema) },
  'letters.get': { effect: 'reads', input: byId, output: letterDetailSchema },
  'letters.save': { effect: 'writes', input: letterSaveSchema, output: noteSavedSchema },
  /** Marks the letter sent and records a touchpoint on the opening. */
  'letters.markSent': { effect: 'writes', input: markSentSchema, output: letterSummarySchema },
  'letters.setLetterTrack': { effect: 'writes', input: letterTrackSchema, output: letterSummarySchema },
  'letters.markPosted': { effect: 'writes', input: markPostedSchema, output: letterSummarySchema },
  /** The letter as a file: PDF and HTML in its print-ready letter layout, or Word and Markdown to edit. */
  'letters.export': { effect: 'reads', input: exportByIdSchema, output: exportedFileSchema },
  'letters.delete': { effect: 'writes', input: byId, output: deletedSchema },
  /**
   * The one way into an outcome stage (accepted, rejected, withdrawn, dormant): moves the opening there and
   * sets in motion what that outcome brings (OUTCOME_STEPS); a rejection also drafts the gracious reply.
   */
  'openings.recordOutcome': { effect: 'writes', input: recordOutcomeSchema, output: z.object({ opening: openingSchema, letterId: z.string().nullable() }) },
  'templates.list': { effect: 'reads', input: noInput, output: z.array(templateSchema) },
  'templates.save': { effect: 'writes', input: templateSaveSchema, output: templateSchema },
  'templates.delete': { effect: 'writes', input: byId, output: z.object({ id: z.string() }) },
  /** Puts a built-in template back to its original words. */
  'templates.reset': { effect: 'writes', input: z.object({ kind: z.enum(LETTER_KINDS) }).strict(), output: templateSchema },
} as const;
