import { randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';
import { MAX_PASSPHRASE_LENGTH, MIN_PASSPHRASE_LENGTH } from '#shared/domain/encryption';
import { AppError } from '../errors';

/**
 * The passphrase becomes a key through scrypt, Node's built-in memory-hard
 * derivation: each guess costs 128 MiB of memory and about half a second, so
 * a stolen vault cannot be tried against a dictionary at speed. The cost is
 * stored beside the salt, so a vault keeps opening if the default rises.
 * Runs in the main process (core), never in the page.
 */
export const scryptParamsSchema = z
  .object({
    name: z.literal('scrypt'),
    /** CPU and memory cost, a power of two. */
    N: z.number().int().min(2 ** 10).max(2 ** 22),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: z.base64(),
  })
  .strict();
export type ScryptParams = z.infer<typeof scryptParamsSchema>;

/** 2^17 × 128 × r = 128 MiB, as OWASP suggests for scrypt. */
export const STRONG_COST = { N: 2 ** 17, r: 8, p: 1 } as const;
/** Only tests and the bench use a cheaper one, to keep a run short; it is recorded in the file like any other. */
export type KdfCost = { N: number; r: number; p: number };


/** What a new passphrase must be: long enough to resist guessing, short enough to type. */
export function checkNewPassphrase(passphrase: string, field = 'passphrase'): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError('INVALID_INPUT', `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters; a few unrelated words are easy to remember and hard to guess.`, field);
  }
  if (passphrase.length > MAX_PASSPHRASE_LENGTH) throw new AppError('INVALID_INPUT', 'That passphrase is too long; keep it under 1,000 characters.', field);
}

export function newScryptParams(cost: KdfCost = STRONG_COST): ScryptParams {
  return { name: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') };
}

/** The 32-byte key a passphrase makes with these parameters. NFC first, so the same words typed on another keyboard give the same key. */
export function derivePassphraseKey(passphrase: string, params: ScryptParams): Promise<Buffer> {
  const secret = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  return new Promise((resolve, reject) => {
    scrypt(secret, Buffer.from(params.salt, 'base64'), 32, { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 64 * 1024 * 1024 }, (error, key) => {
      secret.fill(0);
      if (error) reject(error);
      else resolve(key);
    });
  });
}
