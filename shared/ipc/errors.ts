import { z } from 'zod';

/** Error codes the renderer may branch on; the message is always readable as is. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'VAULT_UNAVAILABLE',
  // The vault is encrypted and locked: the page shows the unlock screen.
  'LOCKED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const appErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  field: z.string().optional(),
});
export type AppErrorShape = z.infer<typeof appErrorSchema>;

/** What every channel answers, over IPC and over HTTP alike. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
