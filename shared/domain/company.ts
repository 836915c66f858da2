import { z } from 'zod';

export const companySchema = z.object({
  id: z.string(),
  name: z.string(),
  openingCount: z.number().int(),
});
export type Company = z.infer<typeof companySchema>;
