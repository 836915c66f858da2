import { z } from 'zod';
import { CARD_MIME_TYPES, cardSchema, contactPatchSchema, contactSchema, newCardSchema, newContactSchema } from '#shared/domain/contact';
import { interviewSummarySchema } from '#shared/domain/interview';
import { noteSummarySchema } from '#shared/domain/note';
import { openingSummarySchema } from '#shared/domain/opening';
import { deletedSchema } from '#shared/domain/trash';
import { byId } from '../by-id';
import { noInput } from '../no-input';

export const contactDetailSchema = z.object({
  contact: contactSchema,
  cards: z.array(cardSchema),
  interviews: z.array(interviewSummarySchema),
  /** Openings this person interviewed for, or at their company. */
  openings: z.array(openingSummarySchema),
  /** Notes attached to this contact. */
  notes: z.array(noteSummarySchema),
  /** Other notes whose text mentions this person's name. */
  mentionedIn: z.array(noteSummarySchema),
  /** Hold off on a LinkedIn invitation: one of their openings is still in process (and the hold is on in Settings). */
  linkedinHold: z.boolean(),
});
export type ContactDetail = z.infer<typeof contactDetailSchema>;

export const contactChannels = {
  /** Everyone not in the trash, by name. */
  'contacts.list': { effect: 'reads', input: noInput, output: z.array(contactSchema) },
  'contacts.get': { effect: 'reads', input: byId, output: contactDetailSchema },
  'contacts.create': { effect: 'writes', input: newContactSchema, output: contactSchema },
  'contacts.update': { effect: 'writes', input: contactPatchSchema, output: contactSchema },
  'contacts.delete': { effect: 'writes', input: byId, output: deletedSchema },
  'cards.add': { effect: 'writes', input: newCardSchema, output: cardSchema },
  'cards.read': { effect: 'reads', input: byId, output: z.object({ mimeType: z.enum(CARD_MIME_TYPES), dataBase64: z.string() }) },
  'cards.delete': { effect: 'writes', input: byId, output: z.object({ id: z.string() }) },
} as const;
