import { Deflate, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';
import { AES_EXTRA_ID, AES_METHOD, aesExtraField, deriveEntryKeys, EntrySealer, type EntryKeys } from './zip-aes';

/** Zip entries whose bytes are encrypted with WinZip AES (zip-aes.ts) as fflate streams them. */

/** Keys being derived ahead: PBKDF2 costs about a millisecond per entry, so a few run on the thread pool while earlier entries are written. */
const KEYS_AHEAD = 4;

/** Every entry has its own salt, hence its own keys; they do not depend on the entry, so they are made before it is. */
export class EntryKeyPool {
  private readonly ahead: Promise<EntryKeys>[] = [];

  constructor(private readonly passphrase: string) {}

  next(): Promise<EntryKeys> {
    while (this.ahead.length < KEYS_AHEAD) this.ahead.push(deriveEntryKeys(this.passphrase));
    const keys = this.ahead.shift()!;
    this.ahead.push(deriveEntryKeys(this.passphrase));
    return keys;
  }

  /** Stops making keys: those already asked for are let go. */
  drain(): void {
    for (const pending of this.ahead.splice(0)) pending.catch(() => undefined);
  }
}

/** What fflate writes for an AES entry: method 99, CRC 0 (AE-2), the real method in the 0x9901 field. */
abstract class SealedEntry implements ZipInputFile {
  readonly compression = AES_METHOD;
  readonly crc = 0;
  readonly extra: Record<number, Uint8Array>;
  size = 0;
  ondata: AsyncFlateStreamHandler = () => undefined;
  protected readonly sealer: EntrySealer;
  private started = false;

  constructor(
    readonly filename: string,
    keys: EntryKeys,
    actualMethod: number,
  ) {
    this.extra = { [AES_EXTRA_ID]: aesExtraField(actualMethod) };
    this.sealer = new EntrySealer(keys);
  }

  /** Hands fflate the encrypted form of `bytes` (already compressed, if this entry is), then, at the end, the authentication code. */
  protected emit(bytes: Uint8Array, final: boolean): void {
    const parts: Buffer[] = [];
    if (!this.started) {
      this.started = true;
      parts.push(this.sealer.header());
    }
    if (bytes.length > 0) parts.push(this.sealer.update(bytes));
    if (final) parts.push(this.sealer.authCode());
    if (parts.length > 0 || final) this.ondata(null, new Uint8Array(parts.length === 1 ? parts[0]! : Buffer.concat(parts)), final);
  }
}

/** A small file stored (not compressed, as the plain export does: see StoredFile) and encrypted. */
export class SealedStoredFile extends SealedEntry {
  constructor(
    filename: string,
    private readonly data: Uint8Array,
    keys: EntryKeys,
  ) {
    super(filename, keys, 0);
    this.size = data.length;
  }

  send(): void {
    this.emit(this.data, true);
  }
}

/** A large file (the JSON dump) deflated first, then encrypted, as it is written. */
export class SealedDeflateFile extends SealedEntry {
  private readonly deflate: Deflate;

  constructor(filename: string, keys: EntryKeys, level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9) {
    super(filename, keys, 8);
    this.deflate = new Deflate({ level }, (chunk, final) => this.emit(chunk, final));
  }

  push(chunk: Uint8Array, final = false): void {
    this.size += chunk.length;
    this.deflate.push(chunk, final);
  }
}
