import { z } from 'zod';
import { dateSchema, idSchema, LIMITS, optionalText, optionalWebUrl, requiredText } from './fields';

export const companySchema = z.object({
  id: z.string(),
  name: z.string(),
  website: z.string().nullable(),
  openingCount: z.number().int(),
  contactCount: z.number().int(),
});
export type Company = z.infer<typeof companySchema>;

export const companyPatchSchema = z
  .object({
    id: idSchema,
    name: requiredText('Company name', LIMITS.name).optional(),
    website: optionalWebUrl('Website').optional(),
  })
  .strict();

/** One dated entry of the company research log: what the user read or heard, and where. */
export const researchEntrySchema = z.object({
  id: z.string(),
  companyId: z.string(),
  occurredOn: dateSchema,
  title: z.string(),
  sourceUrl: z.string().nullable(),
  summary: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ResearchEntry = z.infer<typeof researchEntrySchema>;

export const newResearchEntrySchema = z
  .object({
    companyId: idSchema,
    occurredOn: dateSchema,
    title: requiredText('Title', LIMITS.name),
    sourceUrl: optionalWebUrl('Source link'),
    summary: optionalText('Summary', LIMITS.longText).transform((value) => value ?? ''),
  })
  .strict();

export const researchEntryPatchSchema = z
  .object({
    id: idSchema,
    occurredOn: dateSchema.optional(),
    title: requiredText('Title', LIMITS.name).optional(),
    sourceUrl: optionalWebUrl('Source link').optional(),
    summary: optionalText('Summary', LIMITS.longText)
      .transform((value) => value ?? '')
      .optional(),
  })
  .strict();
