import { z } from 'zod';
import { channelSchema, idSchema, instantSchema, LIMITS, plainText, type ContactChannel } from './fields';

/** What a touchpoint was about. */
export const TOUCHPOINT_KINDS = ['thank_you', 'rejection_reply', 'follow_up', 'reference_brief', 'stay_in_touch', 'linkedin_invite', 'other'] as const;
export type TouchpointKind = (typeof TOUCHPOINT_KINDS)[number];
export const TOUCHPOINT_KIND_LABELS: Record<TouchpointKind, string> = {
  thank_you: 'Thank-you note',
  rejection_reply: 'Reply to a rejection',
  follow_up: 'Follow-up',
  reference_brief: 'Reference brief',
  stay_in_touch: 'Staying in touch',
  linkedin_invite: 'LinkedIn invitation',
  other: 'Other',
};
/** What an "other" touchpoint is called by how it happened: an e-mail read from the inbox is "E-mail", not "Other". */
const OTHER_BY_CHANNEL: Record<ContactChannel, string> = {
  email: 'E-mail',
  phone: 'Call',
  linkedin: 'LinkedIn message',
  in_person: 'Meeting',
  portal: 'Portal message',
  letter: 'Letter',
};

/** The name a touchpoint goes by in lists, the timeline, the prep sheet and search. */
export function touchpointLabel({ kind, channel }: { kind: TouchpointKind; channel: ContactChannel }): string {
  return kind === 'other' ? OTHER_BY_CHANNEL[channel] : TOUCHPOINT_KIND_LABELS[kind];
}

export const touchpointKindSchema = z.enum(TOUCHPOINT_KINDS, { error: 'Kind is not one of the touchpoint kinds.' });

export const DIRECTIONS = ['outbound', 'inbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const directionSchema = z.enum(DIRECTIONS, { error: 'Direction must be outbound (you reached out) or inbound (they did).' });

export const touchpointSchema = z.object({
  id: z.string(),
  openingId: z.string().nullable(),
  contactId: z.string().nullable(),
  /** The person's name, when the touchpoint was with someone in particular. */
  contactName: z.string().nullable(),
  /** "Role at Company", for lists that mix openings (the contact page). */
  openingName: z.string().nullable(),
  channel: channelSchema,
  direction: directionSchema,
  kind: touchpointKindSchema,
  occurredAt: z.string(),
  summary: z.string(),
  letterId: z.string().nullable(),
  createdAt: z.string(),
});
export type TouchpointView = z.infer<typeof touchpointSchema>;

export const touchpointListSchema = z
  .object({ openingId: idSchema.optional(), contactId: idSchema.optional() })
  .strict()
  .refine((value) => value.openingId !== undefined || value.contactId !== undefined, { error: 'Choose an opening or a contact.' });

const intentFields = {
  openingId: idSchema,
  contactId: idSchema.nullable().optional().transform((value) => value ?? null),
  channel: channelSchema,
  direction: directionSchema,
  kind: touchpointKindSchema,
};

/** A touchpoint the user logs by hand; "not in the future" is checked against the core's clock. */
export const logTouchpointSchema = z
  .object({ ...intentFields, occurredAt: instantSchema, summary: plainText('Summary', LIMITS.shortText * 4).default('') })
  .strict();
export type LogTouchpointInput = z.input<typeof logTouchpointSchema>;
export type LogTouchpoint = z.output<typeof logTouchpointSchema>;

/** The touch the user is about to make, checked against the contact-frequency guard before it is logged. */
export const checkTouchpointSchema = z.object(intentFields).strict();
export type CheckTouchpoint = z.output<typeof checkTouchpointSchema>;

export const CONTACT_WARNING_CODES = ['cooldown', 'too_many_unanswered', 'linkedin_hold'] as const;
export const contactWarningSchema = z.object({
  code: z.enum(CONTACT_WARNING_CODES),
  message: z.string(),
  /** From when another touch would be reasonable; null when it depends on them answering or the process ending. */
  reasonableFrom: z.string().nullable(),
});
export type ContactWarning = z.infer<typeof contactWarningSchema>;
export const contactCheckSchema = z.object({ warnings: z.array(contactWarningSchema) });
export type ContactCheck = z.infer<typeof contactCheckSchema>;
