import type { z } from 'zod';

/** The keys of T whose value may be null. */
type NullableKeys<T> = { [K in keyof T]-?: null extends T[K] ? K : never }[keyof T];

/**
 * Every field the schema lets be empty, set to null: fixtures start from it, so
 * a new optional field of the domain needs no change to them.
 */
export function emptyFields<T>(schema: z.ZodObject): { [K in NullableKeys<T>]: null } {
  return Object.fromEntries(
    Object.entries(schema.shape)
      .filter(([, field]) => (field as z.ZodType).safeParse(null).success)
      .map(([key]) => [key, null]),
  ) as { [K in NullableKeys<T>]: null };
}
