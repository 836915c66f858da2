import { z } from 'zod';
import { exportByIdSchema, exportedFileSchema } from '../../domain/document-export';
import { debriefSchema, teamMemberSchema } from '../../domain/interview';
import { letterSaveSchema, letterSchema, letterSummarySchema, letterTrackSchema, markPostedSchema, markSentSchema, recordOutcomeSchema, templateSaveSchema, templateSchema } from '../../domain/letter';
import { LETTER_KINDS } from '../../domain/letter';
import { noteSavedSchema } from '../../domain/note';
import { openingSchema } from '../../domain/opening';
import { deletedSchema } from '../../domain/trash';
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
  'letters.list': { input: z.object({ openingId: z.uuid().optional(), interviewId: z.uuid().optional() }).strict().optional(), output: z.array(letterSummarySchema) },
  'letters.get': { input: byId, output: letterDetailSchema },
  'letters.save': { input: letterSaveSchema, output: noteSavedSchema },
  /** Marks the letter sent and records a touchpoint on the opening. */
  'letters.markSent': { input: markSentSchema, output: letterSummarySchema },
  'letters.setLetterTrack': { input: letterTrackSchema, output: letterSummarySchema },
  'letters.markPosted': { input: markPostedSchema, output: letterSummarySchema },
  /** The letter as a file: PDF and HTML in its print-ready letter layout, or Word and Markdown to edit. */
  'letters.export': { input: exportByIdSchema, output: exportedFileSchema },
  'letters.delete': { input: byId, output: deletedSchema },
  /** Records how the process ended; a rejection creates the gracious reply and the stay-in-touch cadence. */
  'openings.recordOutcome': { input: recordOutcomeSchema, output: z.object({ opening: openingSchema, letterId: z.string().nullable() }) },
  'templates.list': { input: noInput, output: z.array(templateSchema) },
  'templates.save': { input: templateSaveSchema, output: templateSchema },
  'templates.delete': { input: byId, output: z.object({ id: z.string() }) },
  /** Puts a built-in template back to its original words. */
  'templates.reset': { input: z.object({ kind: z.enum(LETTER_KINDS) }).strict(), output: templateSchema },
} as const;
