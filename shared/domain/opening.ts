import { z } from 'zod';
import { channelSchema, dateSchema, idSchema, LIMITS, optionalChannel, optionalDate, optionalText, optionalWebUrl, plainText, requiredText } from './fields';

/** The stages an opening moves through, in pipeline order. */
export const STAGES = ['interested', 'applied', 'interviewing', 'offer', 'accepted', 'rejected', 'withdrawn', 'dormant'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  interested: 'Interested',
  applied: 'Applied',
  interviewing: 'Interviewing',
  offer: 'Offer',
  accepted: 'Accepted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  dormant: 'Dormant',
};

/** Stages in which the process is over. */
export const CLOSED_STAGES: readonly Stage[] = ['accepted', 'rejected', 'withdrawn'];

export const stageSchema = z.enum(STAGES, { error: 'Stage is not one of the pipeline stages.' });

const money = z
  .number({ error: 'Salary must be a number.' })
  .int({ error: 'Salary must be a whole number.' })
  .min(0, { error: 'Salary cannot be negative.' })
  .max(100_000_000, { error: 'Salary is unrealistically large.' })
  .nullable()
  .optional()
  .transform((value) => value ?? null);

const currency = z
  .union([z.string().trim().regex(/^[A-Za-z]{3}$/, { error: 'Currency must be a three-letter code such as EUR or USD.' }), z.literal(''), z.null()])
  .optional()
  .transform((value) => (value ? value.toUpperCase() : null));

export const openingSchema = z.object({
  id: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  role: z.string(),
  stage: stageSchema,
  jobUrl: z.string().nullable(),
  location: z.string().nullable(),
  salaryMin: z.number().nullable(),
  salaryMax: z.number().nullable(),
  salaryCurrency: z.string().nullable(),
  source: z.string().nullable(),
  appliedOn: dateSchema.nullable(),
  /** Hiring-process facts, usually learned in an interview. */
  nextStep: z.string().nullable(),
  notifyBy: dateSchema.nullable(),
  fillBy: dateSchema.nullable(),
  followUpChannel: channelSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Opening = z.infer<typeof openingSchema>;

/** A pipeline row: the opening plus what the list and board show about its interviews. */
export const openingSummarySchema = openingSchema.extend({
  interviewCount: z.number().int(),
  nextInterviewAt: z.string().nullable(),
  lastInterviewAt: z.string().nullable(),
});
export type OpeningSummary = z.infer<typeof openingSummarySchema>;

/** The editable fields, shared by create (company and role required) and update (all optional). */
const editableFields = {
  jobUrl: optionalWebUrl('Job link'),
  location: optionalText('Location', LIMITS.name),
  salaryMin: money,
  salaryMax: money,
  salaryCurrency: currency,
  source: optionalText('Source', LIMITS.name),
  appliedOn: optionalDate,
  nextStep: optionalText('Next step', LIMITS.shortText),
  notifyBy: optionalDate,
  fillBy: optionalDate,
  followUpChannel: optionalChannel,
};

function salaryInOrder(value: { salaryMin?: number | null; salaryMax?: number | null }): boolean {
  return value.salaryMin == null || value.salaryMax == null || value.salaryMin <= value.salaryMax;
}
const salaryOrderIssue = { error: 'The lowest salary must not exceed the highest.', path: ['salaryMax'] };

export const newOpeningSchema = z
  .object({
    companyName: requiredText('Company', LIMITS.name),
    role: requiredText('Role', LIMITS.name),
    stage: stageSchema.default('interested'),
    ...editableFields,
  })
  .strict()
  .refine(salaryInOrder, salaryOrderIssue);
export type NewOpeningInput = z.input<typeof newOpeningSchema>;
export type NewOpening = z.output<typeof newOpeningSchema>;

/** Each editable field with .optional() outermost, so an absent key stays absent (a partial update). */
type Optional<F> = { [K in keyof F]: z.ZodOptional<F[K] & z.ZodType> };
function optionalFields<F extends Record<string, z.ZodType>>(fields: F): Optional<F> {
  return Object.fromEntries(Object.entries(fields).map(([key, schema]) => [key, schema.optional()])) as Optional<F>;
}

/** A partial update: only the keys present change. */
export const openingPatchSchema = z
  .object({
    id: idSchema,
    companyName: requiredText('Company', LIMITS.name).optional(),
    role: requiredText('Role', LIMITS.name).optional(),
    stage: stageSchema.optional(),
    ...optionalFields(editableFields),
  })
  .strict()
  .refine(salaryInOrder, salaryOrderIssue);
export type OpeningPatchInput = z.input<typeof openingPatchSchema>;
export type OpeningPatch = z.output<typeof openingPatchSchema>;

/** The job posting as the user pasted it, kept because postings vanish once a role closes. */
export const postingSchema = z.object({ text: z.string(), savedAt: z.string() });
export type Posting = z.infer<typeof postingSchema>;

/** Saving the posting's text; empty (or only spaces) removes it. */
export const postingInputSchema = z.object({ id: idSchema, text: plainText('The job posting', LIMITS.posting) }).strict();
export type PostingInput = z.infer<typeof postingInputSchema>;

/**
 * The salary as one phrase, the only place it is written: "60,000 – 80,000 EUR",
 * "60,000 EUR" (one amount, as an import reads "60k"), "from 60,000",
 * "up to 80,000"; null when no amount is known. `numbers` sets the locale.
 */
export function salaryRange(salary: Pick<Opening, 'salaryMin' | 'salaryMax' | 'salaryCurrency'>, numbers: Intl.NumberFormat): string | null {
  const { salaryMin: min, salaryMax: max, salaryCurrency: currency } = salary;
  if (min == null && max == null) return null;
  const range =
    min != null && max != null ? (min === max ? numbers.format(min) : `${numbers.format(min)} – ${numbers.format(max)}`) : min != null ? `from ${numbers.format(min)}` : `up to ${numbers.format(max!)}`;
  return currency ? `${range} ${currency}` : range;
}
