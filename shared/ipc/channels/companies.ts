import { z } from 'zod';
import { companyPatchSchema, companySchema, newResearchEntrySchema, researchEntryPatchSchema, researchEntrySchema } from '#shared/domain/company';
import { contactSchema } from '#shared/domain/contact';
import { noteSummarySchema } from '#shared/domain/note';
import { openingSummarySchema } from '#shared/domain/opening';
import { deletedSchema } from '#shared/domain/trash';
import { byId } from '../by-id';
import { noInput } from '../no-input';

export const companyDetailSchema = z.object({
  company: companySchema,
  openings: z.array(openingSummarySchema),
  contacts: z.array(contactSchema),
  /** Newest first. */
  research: z.array(researchEntrySchema),
  notes: z.array(noteSummarySchema),
});
export type CompanyDetail = z.infer<typeof companyDetailSchema>;

export const companyChannels = {
  'companies.list': { effect: 'reads', input: noInput, output: z.array(companySchema) },
  'companies.get': { effect: 'reads', input: byId, output: companyDetailSchema },
  'companies.update': { effect: 'writes', input: companyPatchSchema, output: companySchema },
  'research.add': { effect: 'writes', input: newResearchEntrySchema, output: researchEntrySchema },
  'research.update': { effect: 'writes', input: researchEntryPatchSchema, output: researchEntrySchema },
  'research.delete': { effect: 'writes', input: byId, output: deletedSchema },
} as const;
