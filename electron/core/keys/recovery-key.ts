import { hkdfSync, randomBytes } from 'node:crypto';

/**
 * The recovery key: 160 random bits written as 8 groups of 4 characters of
 * Crockford's base32 (no I, L, O or U, so nothing reads as something else),
 * e.g. "7K3M-XQ2D-…". Shown once when the passphrase is set, to print or keep
 * somewhere safe; it opens the vault when the passphrase is forgotten. Being
 * random, it needs no slow derivation: HKDF makes the wrapping key.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BYTES = 20;

export function newRecoveryKey(): { text: string; bytes: Buffer } {
  const bytes = randomBytes(BYTES);
  return { text: formatRecoveryKey(bytes), bytes };
}

function formatRecoveryKey(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)!.join('-');
}

/**
 * The key's bytes from what the user typed: case, spaces and dashes do not
 * matter, and the letters people confuse with digits are read as those
 * digits. Null when it cannot be a recovery key at all.
 */
export function parseRecoveryKey(typed: string): Buffer | null {
  const cleaned = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (cleaned.length !== 32 || /[^0-9A-HJKMNP-TV-Z]/.test(cleaned)) return null;
  const bytes = Buffer.alloc(BYTES);
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of cleaned) {
    value = (value << 5) | ALPHABET.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bytes[index++] = (value >>> (bits - 8)) & 255;
      bits -= 8;
      value &= (1 << bits) - 1;
    }
  }
  return bytes;
}

/** The key that wraps the vault key for recovery. */
export function recoveryWrappingKey(recovery: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', recovery, salt, 'afterview recovery key v1', 32));
}
