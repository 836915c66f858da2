import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** A secret sealed with AES-256-GCM: whoever lacks the wrapping key can neither read nor alter it unnoticed. */
export const wrappedSchema = z
  .object({
    iv: z.base64(),
    tag: z.base64(),
    data: z.base64(),
  })
  .strict();
export type Wrapped = z.infer<typeof wrappedSchema>;

/** Seals `secret` under a 32-byte key; `purpose` is bound in (AAD), so a sealed value cannot be moved to another use. */
export function wrap(secret: Buffer, key: Buffer, purpose: string): Wrapped {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(purpose, 'utf8'));
  const data = Buffer.concat([cipher.update(secret), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** The secret, or null when the key (or the purpose) is not the one it was sealed with, or it was altered. */
export function unwrap(wrapped: Wrapped, key: Buffer, purpose: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(Buffer.from(purpose, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** A short name for a vault key that reveals nothing of it: tells which key a file needs without trying each. */
export function keyIdOf(key: Buffer): string {
  return createHmac('sha256', key).update('afterview key id v1').digest('hex').slice(0, 16);
}
