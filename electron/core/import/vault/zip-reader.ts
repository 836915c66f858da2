import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { AES_EXTRA_ID, AES_METHOD, isAes256, readAesExtraField } from '#core/export/vault/zip-aes';
import { openSealedEntry } from './sealed-entry-reader';

/** One file in a zip: where its data starts and how it is stored. */
interface Entry {
  name: string;
  method: number;
  /** Encrypted: WinZip AES-256 (`aes`, with the method its bytes were compressed with), or another way Afterview does not read. */
  encrypted: false | 'aes' | 'other';
  compressedSize: number;
  size: number;
  localHeader: number;
}

export class NotAZip extends Error {
  override name = 'NotAZip';
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record and the longest comment a zip may carry after it. */
const TAIL = 22 + 0xffff;

/** The zip's entries are encrypted and no passphrase (or another one) was given. */
export class ZipNeedsPassphrase extends Error {
  override name = 'ZipNeedsPassphrase';
}

/**
 * Reads a zip from disk without loading it: the central directory once, then
 * each entry as a stream, inflated if it was deflated. Enough for Afterview's
 * own exports (stored and deflated entries, ZIP64 counts and offsets, WinZip
 * AES-256 with a passphrase); names are only looked up, never used as paths.
 */
export class ZipReader {
  private passphrase: string | null = null;

  private constructor(
    private readonly path: string,
    private readonly entries: Map<string, Entry>,
  ) {}

  static async open(path: string): Promise<ZipReader> {
    const file = await open(path, 'r');
    try {
      return new ZipReader(path, await readDirectory(file));
    } finally {
      await file.close();
    }
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Whether any entry is encrypted: then every read needs the passphrase. */
  isEncrypted(): boolean {
    for (const entry of this.entries.values()) if (entry.encrypted) return true;
    return false;
  }

  /** The passphrase the encrypted entries are read with; each read checks it. */
  usePassphrase(passphrase: string): void {
    this.passphrase = passphrase;
  }

  /** The entry's bytes as a stream; the caller checks them against the manifest. An encrypted entry is authenticated whole first. */
  async stream(name: string): Promise<Readable> {
    const entry = this.entries.get(name);
    if (!entry) throw new NotAZip(`${name} is not in the archive`);
    if (entry.encrypted === 'other') throw new NotAZip(`${name} is encrypted in a way Afterview does not read`);
    if (entry.encrypted === 'aes' && this.passphrase === null) throw new ZipNeedsPassphrase(`${name} is encrypted`);
    const file = await open(this.path, 'r');
    let start: number;
    try {
      const header = Buffer.alloc(30);
      await file.read(header, 0, 30, entry.localHeader);
      if (header.readUInt32LE(0) !== LOCAL) throw new NotAZip('a local header is damaged');
      start = entry.localHeader + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    } finally {
      await file.close();
    }
    if (entry.compressedSize === 0 && !entry.encrypted) return Readable.from([]);
    const raw = entry.encrypted ? await openSealedEntry({ path: this.path, start, length: entry.compressedSize }, this.passphrase!) : createReadStream(this.path, { start, end: start + entry.compressedSize - 1 });
    if (entry.method === 0) return raw;
    if (entry.method !== 8) throw new NotAZip(`${name} is compressed in a way Afterview does not read`);
    return raw.pipe(createInflateRaw());
  }
}

async function readDirectory(file: FileHandle): Promise<Map<string, Entry>> {
  const { size } = await file.stat();
  const tailLength = Math.min(size, TAIL);
  const tail = Buffer.alloc(tailLength);
  await file.read(tail, 0, tailLength, size - tailLength);
  let end = -1;
  for (let at = tailLength - 22; at >= 0; at--) {
    if (tail.readUInt32LE(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new NotAZip('no end of central directory');
  let count = tail.readUInt16LE(end + 10);
  let directorySize = tail.readUInt32LE(end + 12);
  let directoryOffset = tail.readUInt32LE(end + 16);
  if (end >= 20 && tail.readUInt32LE(end - 20) === ZIP64_LOCATOR) {
    const record = Buffer.alloc(56);
    await file.read(record, 0, 56, Number(tail.readBigUInt64LE(end - 20 + 8)));
    count = Number(record.readBigUInt64LE(32));
    directorySize = Number(record.readBigUInt64LE(40));
    directoryOffset = Number(record.readBigUInt64LE(48));
  }
  if (directoryOffset + directorySize > size) throw new NotAZip('the central directory lies outside the file');
  const directory = Buffer.alloc(directorySize);
  await file.read(directory, 0, directorySize, directoryOffset);
  const entries = new Map<string, Entry>();
  let at = 0;
  for (let index = 0; index < count; index++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL) throw new NotAZip('the central directory is damaged');
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
    let compressedSize = directory.readUInt32LE(at + 20);
    let entrySize = directory.readUInt32LE(at + 24);
    let localHeader = directory.readUInt32LE(at + 42);
    let method = directory.readUInt16LE(at + 10);
    const flags = directory.readUInt16LE(at + 8);
    let encrypted: Entry['encrypted'] = (flags & 1) === 1 ? 'other' : false;
    // ZIP64 extra field: the 64-bit values for those that did not fit, in this order. AES: the real method.
    const extra = directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    for (let e = 0; e + 4 <= extra.length; ) {
      const id = extra.readUInt16LE(e);
      const length = extra.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let field = e + 4;
        if (entrySize === 0xffffffff) {
          entrySize = Number(extra.readBigUInt64LE(field));
          field += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(extra.readBigUInt64LE(field));
          field += 8;
        }
        if (localHeader === 0xffffffff) localHeader = Number(extra.readBigUInt64LE(field));
      }
      if (id === AES_EXTRA_ID && method === AES_METHOD) {
        const aes = readAesExtraField(extra.subarray(e + 4, e + 4 + length));
        if (aes && isAes256(aes.strength)) {
          method = aes.method;
          encrypted = 'aes';
        }
      }
      e += 4 + length;
    }
    // Method 99 without a readable AES field, or AES-128/192: encrypted, but not as Afterview reads.
    if (method === AES_METHOD) encrypted = 'other';
    entries.set(name, { name, method, encrypted, compressedSize, size: entrySize, localHeader });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
