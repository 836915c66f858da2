import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '../errors';
import type { VaultKey } from './cipher';

/**
 * A photo in the attachments folder of an encrypted vault, one file each:
 *
 *   "AFVPHOTO" (8 bytes) · format version (1 byte, now 1) · key id (8 bytes)
 *   · IV (12 bytes) · GCM tag (16 bytes) · the image, AES-256-GCM encrypted
 *
 * The key is derived from the vault key (HKDF-SHA256, its own purpose), so
 * the photos never share a key with the database. The header and the file's
 * name are authenticated too: a photo cannot be swapped for another card's
 * unnoticed. A file without the magic is a photo from before encryption (or
 * of a plain vault) and is read as it is.
 */
const MAGIC = Buffer.from('AFVPHOTO', 'latin1');
export const ATTACHMENT_FORMAT_VERSION = 1;
const HEADER_BYTES = MAGIC.length + 1 + 8 + 12 + 16;

function photoKey(vaultKey: VaultKey): { key: Buffer; id: Buffer } {
  const derived = Buffer.from(hkdfSync('sha256', vaultKey, Buffer.alloc(0), 'afterview attachments v1', 40));
  return { key: derived.subarray(0, 32), id: derived.subarray(32, 40) };
}

export function isEncryptedAttachment(bytes: Buffer): boolean {
  return bytes.length >= HEADER_BYTES && bytes.subarray(0, MAGIC.length).equals(MAGIC);
}

export function encryptAttachment(plain: Uint8Array, fileName: string, vaultKey: VaultKey): Buffer {
  const { key, id } = photoKey(vaultKey);
  const iv = randomBytes(12);
  const head = Buffer.concat([MAGIC, Buffer.from([ATTACHMENT_FORMAT_VERSION]), id, iv]);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.concat([head, Buffer.from(fileName, 'utf8')]));
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  const tag = cipher.getAuthTag();
  key.fill(0);
  return Buffer.concat([head, tag, data]);
}

/** The photo's bytes: decrypted when it is encrypted, as they are when it is a plain (older) one. */
export function decryptAttachment(stored: Buffer, fileName: string, vaultKey: VaultKey | null): Buffer {
  if (!isEncryptedAttachment(stored)) return stored;
  const version = stored[MAGIC.length]!;
  if (version > ATTACHMENT_FORMAT_VERSION) throw new AppError('VAULT_UNAVAILABLE', 'This photo was saved by a newer version of Afterview. Update Afterview to see it.');
  if (!vaultKey) throw new AppError('VAULT_UNAVAILABLE', 'This photo is encrypted, and the vault is not. Restore it from a backup made while the vault was encrypted.');
  const { key, id } = photoKey(vaultKey);
  try {
    const at = MAGIC.length + 1;
    if (!stored.subarray(at, at + 8).equals(id)) throw new AppError('VAULT_UNAVAILABLE', 'This photo was encrypted with another vault’s key, so it cannot be shown.');
    const iv = stored.subarray(at + 8, at + 20);
    const tag = stored.subarray(at + 20, HEADER_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.concat([stored.subarray(0, at + 20), Buffer.from(fileName, 'utf8')]));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(stored.subarray(HEADER_BYTES)), decipher.final()]);
    } catch {
      throw new AppError('VAULT_UNAVAILABLE', 'This photo is damaged (it does not match its checksum). Restore it from a backup.');
    }
  } finally {
    key.fill(0);
  }
}

/** The stored form of a photo under another key (or none): what a change of protection writes. */
export function reencryptAttachment(stored: Buffer, fileName: string, from: VaultKey | null, to: VaultKey | null): Buffer {
  const plain = decryptAttachment(stored, fileName, from);
  return to ? encryptAttachment(plain, fileName, to) : plain;
}
