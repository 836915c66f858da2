import type { z } from 'zod';
import { ApiError } from '../api';

/** One message per field; keys are the issue paths joined by dots ("salaryMax", "team.1.name"). */
export type FieldErrors = Record<string, string>;

/** The first message for each field of a failed parse with the same schema the core uses. */
export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** An error from the core as a field message when it names one of `fields`, else a message for the whole form. */
export function fieldErrorsFromApi(caught: unknown, fields: readonly string[]): FieldErrors {
  if (caught instanceof ApiError && caught.field && fields.includes(caught.field)) return { [caught.field]: caught.message };
  return { form: caught instanceof Error ? caught.message : String(caught) };
}
