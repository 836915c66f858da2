import { z } from 'zod';

/** Field schemas shared by every form and channel, with messages a user can act on. */

export const LIMITS = {
  name: 200,
  shortText: 500,
  longText: 20_000,
  /** A job posting pasted whole: long ones run to a dozen pages. */
  posting: 60_000,
  url: 2048,
  email: 320,
  phone: 50,
} as const;

// Control characters (other than tab and newlines) only arrive by accident or malice.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const idSchema = z.uuid({ error: 'That item does not exist.' });

/** Trimmed, non-empty, length-capped text. */
export function requiredText(label: string, max: number = LIMITS.name) {
  return z
    .string({ error: `${label} must be text.` })
    .trim()
    .min(1, { error: `${label} is required.` })
    .max(max, { error: `${label} must be at most ${max} characters.` })
    .refine((value) => !CONTROL_CHARS.test(value), { error: `${label} contains control characters.` });
}

/** Optional text: empty means none (null). */
export function optionalText(label: string, max: number = LIMITS.shortText) {
  return z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, { error: `${label} must be at most ${max} characters.` })
    .refine((value) => !CONTROL_CHARS.test(value), { error: `${label} contains control characters.` })
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional()
    .transform((value) => value ?? null);
}

/** Multi-line text that may be empty (debrief sections); never null. */
export function plainText(label: string, max: number = LIMITS.longText) {
  return z
    .string({ error: `${label} must be text.` })
    .max(max, { error: `${label} must be at most ${max} characters.` })
    .refine((value) => !CONTROL_CHARS.test(value), { error: `${label} contains control characters.` });
}

export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** An optional web link: empty means none; otherwise http(s) only. */
export function optionalWebUrl(label: string) {
  return z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(LIMITS.url, { error: `${label} must be at most ${LIMITS.url} characters.` })
    .refine((value) => value === '' || isWebUrl(value), { error: `${label} must be a web address starting with https:// or http://.` })
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional()
    .transform((value) => value ?? null);
}

export const optionalEmail = z
  .string({ error: 'E-mail must be text.' })
  .trim()
  .max(LIMITS.email, { error: 'E-mail is too long.' })
  .refine((value) => value === '' || /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(value), { error: 'E-mail must look like name@example.com.' })
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional()
  .transform((value) => value ?? null);

export const optionalPhone = z
  .string({ error: 'Phone must be text.' })
  .trim()
  .max(LIMITS.phone, { error: `Phone must be at most ${LIMITS.phone} characters.` })
  .refine((value) => value === '' || /^[+0-9 ()./-]{3,}$/.test(value), { error: 'Phone may contain only digits, spaces and + ( ) . - /' })
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional()
  .transform((value) => value ?? null);

/** A calendar date, YYYY-MM-DD, no time zone (a promised "by Friday"). */
export const dateSchema = z.iso.date({ error: 'Date must be a valid date (YYYY-MM-DD).' });
export const optionalDate = z
  .union([dateSchema, z.literal(''), z.null()])
  .optional()
  .transform((value) => (value ? value : null));

/** An instant, stored and returned as UTC ISO-8601 ("2026-03-01T14:00:00.000Z"). */
export const instantSchema = z.iso
  .datetime({ offset: true, error: 'Time must be a valid date and time.' })
  .transform((value) => new Date(value).toISOString());

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
export const timeZoneSchema = z
  .string({ error: 'Time zone must be text.' })
  .max(64)
  .refine(isTimeZone, { error: 'Time zone is not a known time zone (e.g. Europe/Berlin).' });

/** The ways to reach a person; also a touchpoint's channel. */
export const CONTACT_CHANNELS = ['email', 'phone', 'linkedin', 'in_person', 'portal', 'letter'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const CONTACT_CHANNEL_LABELS: Record<ContactChannel, string> = {
  email: 'E-mail',
  phone: 'Phone',
  linkedin: 'LinkedIn',
  in_person: 'In person',
  portal: 'Applicant portal',
  letter: 'Letter',
};
export const channelSchema = z.enum(CONTACT_CHANNELS, { error: 'Channel is not one of e-mail, phone, LinkedIn, in person, portal or letter.' });
export const optionalChannel = z
  .union([channelSchema, z.literal(''), z.null()])
  .optional()
  .transform((value) => (value ? value : null));
