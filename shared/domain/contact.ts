import { z } from 'zod';
import { channelSchema, idSchema, LIMITS, optionalChannel, optionalEmail, optionalPhone, optionalText, optionalWebUrl, requiredText } from './fields';

export const contactSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  linkedinUrl: z.string().nullable(),
  preferredChannel: channelSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contact = z.infer<typeof contactSchema>;

const contactFields = {
  title: optionalText('Title', LIMITS.name),
  /** The company by name; created if new, like openings do. Empty means none. */
  companyName: optionalText('Company', LIMITS.name),
  email: optionalEmail,
  phone: optionalPhone,
  linkedinUrl: optionalWebUrl('LinkedIn profile'),
  preferredChannel: optionalChannel,
};

export const newContactSchema = z
  .object({ name: requiredText('Name', LIMITS.name), ...contactFields })
  .strict();
export type NewContactInput = z.input<typeof newContactSchema>;
export type NewContact = z.output<typeof newContactSchema>;

export const contactPatchSchema = z
  .object({
    id: idSchema,
    name: requiredText('Name', LIMITS.name).optional(),
    title: contactFields.title.optional(),
    companyName: contactFields.companyName.optional(),
    email: contactFields.email.optional(),
    phone: contactFields.phone.optional(),
    linkedinUrl: contactFields.linkedinUrl.optional(),
    preferredChannel: contactFields.preferredChannel.optional(),
  })
  .strict();

/** A business-card photo kept in the vault's attachments folder. */
export const CARD_MIME_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const MAX_CARD_BYTES = 5 * 1024 * 1024;

export const cardSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  originalName: z.string(),
  mimeType: z.enum(CARD_MIME_TYPES),
  size: z.number().int(),
  createdAt: z.string(),
});
export type Card = z.infer<typeof cardSchema>;

export const newCardSchema = z
  .object({
    contactId: idSchema,
    /** Shown to the user only; the stored file name is the card's id. */
    fileName: requiredText('File name', 255),
    mimeType: z.enum(CARD_MIME_TYPES, { error: 'A business card must be a PNG, JPEG or WebP image.' }),
    dataBase64: z
      .string()
      .max(Math.ceil((MAX_CARD_BYTES * 4) / 3) + 4, { error: 'The image is larger than 5 MB.' })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'The image data is not valid.' }),
  })
  .strict();
