import { z } from 'zod';
import { channelSchema, idSchema, LIMITS, optionalText } from './fields';
import { docSchema } from './note';

/**
 * A letter to one person: the thank-you note after an interview, or the
 * gracious reply after a rejection. One per interviewer, never a group note.
 */
export const LETTER_KINDS = ['thank_you', 'rejection'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
export const LETTER_KIND_LABELS: Record<LetterKind, string> = { thank_you: 'Thank-you note', rejection: 'Reply to a rejection' };

export const LETTER_STATUSES = ['draft', 'ready', 'sent'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

export const letterSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(LETTER_KINDS),
  status: z.enum(LETTER_STATUSES),
  openingId: z.string(),
  interviewId: z.string().nullable(),
  contactId: z.string().nullable(),
  recipientName: z.string(),
  recipientTitle: z.string().nullable(),
  recipientEmail: z.string().nullable(),
  role: z.string(),
  companyName: z.string(),
  subject: z.string(),
  /** The clock starts here (the interview's end, or when the rejection was recorded)… */
  startedAt: z.string(),
  /** …and the letter is overdue after this instant. */
  dueAt: z.string(),
  sentAt: z.string().nullable(),
  sentChannel: channelSchema.nullable(),
  /** The handwritten copy: on when mailBy is set. */
  mailBy: z.string().nullable(),
  postedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type LetterSummary = z.infer<typeof letterSummarySchema>;

export const letterSchema = letterSummarySchema.extend({
  doc: docSchema,
  revision: z.number().int(),
});
export type Letter = z.infer<typeof letterSchema>;

export const letterSaveSchema = z
  .object({
    id: idSchema,
    subject: optionalText('Subject', LIMITS.name).transform((value) => value ?? ''),
    doc: docSchema,
    /** The user says the draft is ready to send. */
    status: z.enum(['draft', 'ready']).optional(),
  })
  .strict();

export const markSentSchema = z
  .object({
    id: idSchema,
    channel: channelSchema,
    /** Defaults to now; the user may say they sent it earlier. */
    sentAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export const letterTrackSchema = z
  .object({
    id: idSchema,
    /** Turn the handwritten copy on (mail-by set from the settings) or off. */
    enabled: z.boolean(),
  })
  .strict();

export const markPostedSchema = z.object({ id: idSchema, posted: z.boolean() }).strict();

/** A reusable starting point: prompts the user replaces with their own words. */
export const templateSchema = z.object({
  id: z.string(),
  kind: z.enum(LETTER_KINDS),
  name: z.string(),
  subject: z.string(),
  doc: docSchema,
  /** The one used for new letters of its kind. */
  isDefault: z.boolean(),
  builtIn: z.boolean(),
  updatedAt: z.string(),
});
export type LetterTemplate = z.infer<typeof templateSchema>;

export const templateSaveSchema = z
  .object({
    /** Absent to create a new template. */
    id: idSchema.optional(),
    kind: z.enum(LETTER_KINDS),
    name: optionalText('Name', LIMITS.name).transform((value) => value ?? 'My template'),
    subject: optionalText('Subject', LIMITS.name).transform((value) => value ?? ''),
    doc: docSchema,
    /** True makes it the default of its kind; absent leaves that as it is (a new template is not the default). */
    isDefault: z.boolean().optional(),
  })
  .strict();

/**
 * Placeholders a template may use; filled in when a letter is created.
 * {{firstName}} {{name}} {{title}} {{role}} {{company}} {{interviewDate}} {{myName}}
 */
export const TEMPLATE_FIELDS = ['firstName', 'name', 'title', 'role', 'company', 'interviewDate', 'myName'] as const;
