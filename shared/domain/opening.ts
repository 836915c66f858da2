import { z } from 'zod';

/** The stages an opening moves through, in pipeline order. */
export const STAGES = [
  'interested',
  'applied',
  'interviewing',
  'offer',
  'accepted',
  'rejected',
  'withdrawn',
  'dormant',
] as const;
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

export const LIMITS = {
  name: 200,
  url: 2048,
} as const;

/** Trimmed, non-empty, length-capped text with messages a user can act on. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `${label} must be text.` })
    .trim()
    .min(1, { error: `${label} is required.` })
    .max(max, { error: `${label} must be at most ${max} characters.` })
    // Control characters (other than tab and newlines) only arrive by accident or malice.
    // eslint-disable-next-line no-control-regex
    .refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value), {
      error: `${label} contains control characters.`,
    });
}

/** An optional web link: empty means none; otherwise http(s) only. */
export const optionalWebUrl = z
  .string({ error: 'Job link must be text.' })
  .trim()
  .max(LIMITS.url, { error: `Job link must be at most ${LIMITS.url} characters.` })
  .refine((value) => value === '' || isWebUrl(value), {
    error: 'Job link must be a web address starting with https:// or http://.',
  })
  .transform((value) => (value === '' ? null : value));

export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export const stageSchema = z.enum(STAGES, { error: 'Stage is not one of the pipeline stages.' });

export const openingSchema = z.object({
  id: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  role: z.string(),
  stage: stageSchema,
  jobUrl: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Opening = z.infer<typeof openingSchema>;

export const newOpeningSchema = z
  .object({
    companyName: requiredText('Company', LIMITS.name),
    role: requiredText('Role', LIMITS.name),
    stage: stageSchema.default('interested'),
    jobUrl: optionalWebUrl.optional().transform((value) => value ?? null),
  })
  .strict();
export type NewOpeningInput = z.input<typeof newOpeningSchema>;
export type NewOpening = z.output<typeof newOpeningSchema>;
