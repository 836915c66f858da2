import type { z } from 'zod';
import { ApiError } from '../api';
import { messageOf } from './message-of';

/** One message per field, keyed by the top-level input key the message is about. */
export type FieldErrors = Record<string, string | undefined>;

/** The first message for each field of a failed zod parse (the same schemas the core uses). */
export function issuesToErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The same, keyed by the whole issue path ("salaryMax", "team.1.name"), for forms with nested rows. */
export function issuesToPathErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}


/**
 * Splits an error from the core into a message for one of the form's fields,
 * or, when it names none of them, a message for the whole form.
 */
export function errorsFromApi(caught: unknown, fields: readonly string[]): FieldErrors {
  if (caught instanceof ApiError && caught.field && fields.includes(caught.field)) return { [caught.field]: caught.message };
  return { form: messageOf(caught) };
}
