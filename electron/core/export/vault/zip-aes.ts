import { createCipheriv, createHmac, pbkdf2, randomBytes, timingSafeEqual, type Cipher, type Hmac } from 'node:crypto';

/**
 * WinZip's AES encryption of a zip entry (AE-2), the kind 7-Zip, Keka,
 * WinZip and Afterview itself open; never the old ZipCrypto, which is broken.
 * An entry's data is: a 16-byte salt, a 2-byte password verifier, the
 * (compressed) bytes encrypted with AES-256 in counter mode, then 10 bytes of
 * HMAC-SHA1 over those encrypted bytes. Its method is 99; the real one is in
 * an extra field (0x9901). AE-2 leaves the CRC at 0: the HMAC checks the data.
 */
export const AES_METHOD = 99;
export const AES_EXTRA_ID = 0x9901;
/** AES-256, "strength 3" in the extra field. */
const STRENGTH_256 = 3;
const KEY_BYTES = 32;
export const SALT_BYTES = 16;
export const VERIFIER_BYTES = 2;
export const MAC_BYTES = 10;
/** What an entry's data holds besides the encrypted bytes. */
export const AES_OVERHEAD = SALT_BYTES + VERIFIER_BYTES + MAC_BYTES;
const ITERATIONS = 1000;
const BLOCK = 16;

export interface EntryKeys {
  salt: Buffer;
  aesKey: Buffer;
  macKey: Buffer;
  verifier: Buffer;
}

/** The passphrase as bytes: UTF-8 (as 7-Zip writes AES entries), NFC so the same words typed elsewhere give the same bytes. */
function passphraseBytes(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

/** An entry's keys, from the passphrase and that entry's own salt (PBKDF2-HMAC-SHA1, 1000 rounds), on Node's thread pool. */
export function deriveEntryKeys(passphrase: string, salt: Buffer = randomBytes(SALT_BYTES)): Promise<EntryKeys> {
  const secret = passphraseBytes(passphrase);
  return new Promise((resolve, reject) => {
    pbkdf2(secret, salt, ITERATIONS, 2 * KEY_BYTES + VERIFIER_BYTES, 'sha1', (error, derived) => {
      secret.fill(0);
      if (error) return reject(error);
      resolve({ salt, aesKey: derived.subarray(0, KEY_BYTES), macKey: derived.subarray(KEY_BYTES, 2 * KEY_BYTES), verifier: derived.subarray(2 * KEY_BYTES) });
    });
  });
}

/** The 0x9901 field's body: AE-2, vendor "AE", AES-256, and the method the bytes were compressed with before encryption. */
export function aesExtraField(actualMethod: number): Uint8Array {
  const field = Buffer.alloc(7);
  field.writeUInt16LE(2, 0);
  field.write('AE', 2, 'latin1');
  field.writeUInt8(STRENGTH_256, 4);
  field.writeUInt16LE(actualMethod, 5);
  return field;
}

/** The 0x9901 field's body read back: which AE version, key size and real method; null when it is not one. */
export function readAesExtraField(body: Buffer): { version: number; strength: number; method: number } | null {
  if (body.length < 7 || body.toString('latin1', 2, 4) !== 'AE') return null;
  return { version: body.readUInt16LE(0), strength: body.readUInt8(4), method: body.readUInt16LE(5) };
}

/** Only AES-256 is read: it is what Afterview writes and what 7-Zip makes with -mem=AES256. */
export const isAes256 = (strength: number) => strength === STRENGTH_256;

/**
 * AES-256 in WinZip's counter mode: the counter is a 16-byte little-endian
 * number starting at 1 (Node's CTR counts big-endian, so the key stream is
 * made here from single blocks). The same operation encrypts and decrypts.
 */
class WinZipCtr {
  private readonly blocks: Cipher;
  private counter = 1;
  /** Key stream left over from the last chunk (chunks need not be whole blocks). */
  private spare: Buffer = Buffer.alloc(0);

  constructor(aesKey: Buffer) {
    this.blocks = createCipheriv('aes-256-ecb', aesKey, null).setAutoPadding(false);
  }

  apply(data: Uint8Array): Buffer {
    const out = Buffer.from(data);
    const needed = out.length - this.spare.length;
    const fresh = needed > 0 ? this.keyStream(Math.ceil(needed / BLOCK)) : Buffer.alloc(0);
    const stream = this.spare.length > 0 ? Buffer.concat([this.spare, fresh]) : fresh;
    for (let index = 0; index < out.length; index++) out[index]! ^= stream[index]!;
    this.spare = stream.subarray(out.length);
    return out;
  }

  private keyStream(blocks: number): Buffer {
    const counters = Buffer.alloc(blocks * BLOCK);
    for (let at = 0; at < counters.length; at += BLOCK, this.counter++) {
      // Little-endian; 2^53 blocks (far past any entry) would be needed to reach the upper bytes.
      counters.writeUInt32LE(this.counter % 2 ** 32, at);
      counters.writeUInt32LE(Math.floor(this.counter / 2 ** 32), at + 4);
    }
    return this.blocks.update(counters);
  }
}

/** Encrypts one entry's bytes as they come: the salt and verifier first, then the encrypted bytes, then the code that authenticates them. */
export class EntrySealer {
  private readonly ctr: WinZipCtr;
  private readonly mac: Hmac;

  constructor(private readonly keys: EntryKeys) {
    this.ctr = new WinZipCtr(keys.aesKey);
    this.mac = createHmac('sha1', keys.macKey);
  }

  header(): Buffer {
    return Buffer.concat([this.keys.salt, this.keys.verifier]);
  }

  update(plain: Uint8Array): Buffer {
    const sealed = this.ctr.apply(plain);
    this.mac.update(sealed);
    return sealed;
  }

  authCode(): Buffer {
    return this.mac.digest().subarray(0, MAC_BYTES);
  }
}

/** Decrypts one entry's encrypted bytes (without salt, verifier or code). */
export class EntryOpener {
  private readonly ctr: WinZipCtr;

  constructor(keys: EntryKeys) {
    this.ctr = new WinZipCtr(keys.aesKey);
  }

  update(sealed: Uint8Array): Buffer {
    return this.ctr.apply(sealed);
  }
}

/** An HMAC over an entry's encrypted bytes, fed as they are read, to compare with the code stored after them. */
export function entryAuthenticator(keys: EntryKeys): { update(sealed: Uint8Array): void; matches(stored: Buffer): boolean } {
  const mac = createHmac('sha1', keys.macKey);
  return {
    update: (sealed) => void mac.update(sealed),
    matches: (stored) => stored.length === MAC_BYTES && timingSafeEqual(mac.digest().subarray(0, MAC_BYTES), stored),
  };
}

/** Whether the passphrase gives this entry's verifier: a quick first check (1 in 65,536 wrong ones pass; the HMAC catches those). */
export function verifierMatches(keys: EntryKeys, stored: Buffer): boolean {
  return stored.length === VERIFIER_BYTES && timingSafeEqual(keys.verifier, stored);
}
