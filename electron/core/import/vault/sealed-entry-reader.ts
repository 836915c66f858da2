import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { deriveEntryKeys, entryAuthenticator, EntryOpener, MAC_BYTES, SALT_BYTES, VERIFIER_BYTES, verifierMatches, type EntryKeys } from '#core/export/vault/zip-aes';

/** The passphrase is not the one the entry was encrypted with (its verifier or its authentication code says so). */
export class WrongZipPassphrase extends Error {
  override name = 'WrongZipPassphrase';
}

/** The entry's encrypted bytes were changed or cut: the passphrase was right, the data is not what was written. */
export class SealedEntryDamaged extends Error {
  override name = 'SealedEntryDamaged';
}

interface SealedRange {
  path: string;
  /** Where the entry's data (salt, verifier, encrypted bytes, code) starts in the file, and how long it is. */
  start: number;
  length: number;
}

/**
 * Reads a WinZip AES entry: the keys from its salt, the verifier checked,
 * then every encrypted byte authenticated (HMAC-SHA1) before any of it is
 * decrypted and handed on. Answers the decrypted (still compressed) bytes.
 */
export async function openSealedEntry(range: SealedRange, passphrase: string): Promise<Readable> {
  const cipherLength = range.length - SALT_BYTES - VERIFIER_BYTES - MAC_BYTES;
  if (cipherLength < 0) throw new SealedEntryDamaged('the entry is too short to be encrypted');
  const head = Buffer.alloc(SALT_BYTES + VERIFIER_BYTES);
  const tail = Buffer.alloc(MAC_BYTES);
  const file = await open(range.path, 'r');
  try {
    await file.read(head, 0, head.length, range.start);
    await file.read(tail, 0, MAC_BYTES, range.start + head.length + cipherLength);
  } finally {
    await file.close();
  }
  const keys = await deriveEntryKeys(passphrase, head.subarray(0, SALT_BYTES));
  if (!verifierMatches(keys, head.subarray(SALT_BYTES))) throw new WrongZipPassphrase('the verifier does not match');
  const cipherStart = range.start + head.length;
  await authenticate(range.path, cipherStart, cipherLength, keys, tail);
  if (cipherLength === 0) return Readable.from([]);
  return createReadStream(range.path, { start: cipherStart, end: cipherStart + cipherLength - 1 }).pipe(new Decrypt(keys));
}

/** A first pass over the encrypted bytes: nothing is decrypted until they are known to be the ones written. */
async function authenticate(path: string, start: number, length: number, keys: EntryKeys, stored: Buffer): Promise<void> {
  const mac = entryAuthenticator(keys);
  if (length > 0) for await (const chunk of createReadStream(path, { start, end: start + length - 1 })) mac.update(chunk as Buffer);
  if (!mac.matches(stored)) throw new SealedEntryDamaged('the authentication code does not match');
}

class Decrypt extends Transform {
  private readonly opener: EntryOpener;

  constructor(keys: EntryKeys) {
    super();
    this.opener = new EntryOpener(keys);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    done(null, this.opener.update(chunk));
  }
}
