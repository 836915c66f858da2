import { z } from 'zod';
import { exportByIdSchema, exportedFileSchema } from '#shared/domain/document-export';
import { contactSchema } from '#shared/domain/contact';
import { interviewSummarySchema } from '#shared/domain/interview';
import { noteSummarySchema } from '#shared/domain/note';
import { newOpeningSchema, openingPatchSchema, openingSchema, postingInputSchema, postingSchema } from '#shared/domain/opening';
import { pipelineRowSchema } from '#shared/domain/pipeline';
import { deletedSchema } from '#shared/domain/trash';
import { byId } from '../by-id';
import { noInput } from '../no-input';

export const openingDetailSchema = z.object({
  opening: openingSchema,
  /** Oldest first: the order the story happened in. */
  interviews: z.array(interviewSummarySchema),
  /** The company's contacts and everyone on an interview team of this opening. */
  contacts: z.array(contactSchema),
  notes: z.array(noteSummarySchema),
  /** The job posting as pasted, kept after the role's page is gone. */
  posting: postingSchema.nullable(),
});
export type OpeningDetail = z.infer<typeof openingDetailSchema>;

export const openingChannels = {
  /** Every opening not in the trash, most recently changed first, each with its next action. */
  'openings.list': { effect: 'reads', input: noInput, output: z.array(pipelineRowSchema) },
  'openings.get': { effect: 'reads', input: byId, output: openingDetailSchema },
  'openings.create': { effect: 'writes', input: newOpeningSchema, output: openingSchema },
  'openings.update': { effect: 'writes', input: openingPatchSchema, output: openingSchema },
  /** Keeps the job posting's text on the opening; blank text removes it. */
  'openings.posting.save': { effect: 'writes', input: postingInputSchema, output: postingSchema.nullable() },
  /** Moves the opening (with its interviews and notes) to the trash. Contacts stay. */
  'openings.delete': { effect: 'writes', input: byId, output: deletedSchema },
  /** The next-round prep sheet: everything known about the opening in one document. */
  'openings.prepSheet.export': { effect: 'reads', input: exportByIdSchema, output: exportedFileSchema },
} as const;
