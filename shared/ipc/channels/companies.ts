import { z } from 'zod';
import { companySchema } from '../../domain/company';
import { noInput } from '../no-input';

export const companyChannels = {
  'companies.list': { input: noInput, output: z.array(companySchema) },
} as const;
