import { z } from 'zod';
import { channelSchema, idSchema, LIMITS, optionalEmail, optionalPhone, optionalText, requiredText } from './fields';
import { documentFormatSchema } from './document-export';
import { docSchema, type DocNode } from './note';
import { stageSchema } from './opening';

/** Whether a reference agreed to vouch for the user. */
export const REFERENCE_PERMISSIONS = ['not_asked', 'asked', 'granted', 'declined'] as const;
export type ReferencePermission = (typeof REFERENCE_PERMISSIONS)[number];
export const referencePermissionSchema = z.enum(REFERENCE_PERMISSIONS, { error: 'Permission is not one of not asked, asked, granted or declined.' });
export const REFERENCE_PERMISSION_LABELS: Record<ReferencePermission, string> = {
  not_asked: 'Not asked yet',
  asked: 'Asked, waiting',
  granted: 'Said yes',
  declined: 'Said no',
};

export const referenceSchema = z.object({
  id: z.string(),
  contactId: z.string().nullable(),
  name: z.string(),
  relationship: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  permission: referencePermissionSchema,
  askedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Reference = z.infer<typeof referenceSchema>;

/** One opening a reference is used for, and where its brief stands. */
export const referenceUseSchema = z.object({
  openingId: z.string(),
  referenceId: z.string(),
  role: z.string(),
  companyName: z.string(),
  stage: stageSchema,
  briefedAt: z.string().nullable(),
  briefChannel: channelSchema.nullable(),
  thankedAt: z.string().nullable(),
  briefRevision: z.number().int(),
});
export type ReferenceUse = z.infer<typeof referenceUseSchema>;

export const referenceWithUsesSchema = referenceSchema.extend({ uses: z.array(referenceUseSchema) });
export type ReferenceWithUses = z.infer<typeof referenceWithUsesSchema>;

const fields = {
  contactId: idSchema.nullable(),
  relationship: optionalText('Relationship', LIMITS.name),
  email: optionalEmail,
  phone: optionalPhone,
  permission: referencePermissionSchema,
  notes: optionalText('Notes', LIMITS.longText),
};

export const newReferenceSchema = z
  .object({
    name: requiredText('Name', LIMITS.name),
    contactId: fields.contactId.optional().transform((value) => value ?? null),
    relationship: fields.relationship,
    email: fields.email,
    phone: fields.phone,
    permission: fields.permission.default('not_asked'),
    notes: fields.notes,
  })
  .strict();
export type NewReferenceInput = z.input<typeof newReferenceSchema>;
export type NewReference = z.output<typeof newReferenceSchema>;

/** Only the keys present change; a new permission stamps when it was asked or answered. */
export const referencePatchSchema = z
  .object({
    id: idSchema,
    name: requiredText('Name', LIMITS.name).optional(),
    contactId: fields.contactId.optional(),
    relationship: fields.relationship.optional(),
    email: fields.email.optional(),
    phone: fields.phone.optional(),
    permission: fields.permission.optional(),
    notes: fields.notes.optional(),
  })
  .strict();
export type ReferencePatchInput = z.input<typeof referencePatchSchema>;
export type ReferencePatch = z.output<typeof referencePatchSchema>;

export const referenceLinkSchema = z.object({ openingId: idSchema, referenceId: idSchema }).strict();
export type ReferenceLink = z.output<typeof referenceLinkSchema>;

export const briefSchema = referenceUseSchema.extend({
  reference: referenceSchema,
  doc: z.unknown(),
  plainText: z.string(),
  /** The subject line for an e-mail, e.g. "Reference for Data Analyst at Northwind". */
  subject: z.string(),
});
export type Brief = Omit<z.infer<typeof briefSchema>, 'doc'> & { doc: DocNode };

export const briefSaveSchema = referenceLinkSchema.extend({ doc: docSchema }).strict();
export type BriefSave = z.output<typeof briefSaveSchema>;

export const briefMarkSentSchema = referenceLinkSchema
  .extend({ channel: channelSchema, sentAt: z.iso.datetime({ offset: true }).optional() })
  .strict();
export type BriefMarkSent = z.output<typeof briefMarkSentSchema>;

export const briefMarkThankedSchema = referenceLinkSchema.extend({ thanked: z.boolean().default(true) }).strict();

export const briefExportSchema = referenceLinkSchema.extend({ format: documentFormatSchema }).strict();
