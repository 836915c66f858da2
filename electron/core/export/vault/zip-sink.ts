import { Zip, ZipDeflate, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';
import { crc32 } from 'node:zlib';
import { EntryKeyPool, SealedDeflateFile, SealedStoredFile } from './sealed-entries';
import type { ChunkWriter, ExportFile, ExportSink } from './sink';
import { AES_METHOD } from './zip-aes';

/** Where the zip's bytes go (the preview's HTTP response); `write` answers false when it wants a pause. */
export interface ZipOutput {
  write(chunk: Uint8Array): boolean;
  drained(): Promise<void>;
}

/** The JSON dump shrinks well even at the fastest level, which keeps a big vault quick. */
const LEVEL = 1;
const MAX_CLASSIC_ENTRIES = 0xffff;
const EOCD_SIZE = 22;
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
/** What an AES entry needs to be read (APPNOTE 4.4.3.2: 5.1). */
const AES_VERSION_NEEDED = 51;
const encoder = new TextEncoder();

/**
 * The export as a streamed .zip, every file under one top folder. Past 65,535
 * files a classic zip cannot count its entries, so the end record gains its
 * ZIP64 twin (fflate writes the classic one only). With a passphrase, every
 * entry is encrypted with WinZip AES-256 (sealed-entries.ts).
 */
export class ZipSink implements ExportSink {
  readonly writesBesideOpenFile = false;
  private readonly zip: Zip;
  private readonly keys: EntryKeyPool | null;
  private entries = 0;
  private wantsPause = false;
  private failure: Error | null = null;
  /** An encrypted entry was added: the next bytes fflate gives are its local header, which needs the encryption flag. */
  private sealedHeaderNext = false;

  constructor(
    private readonly root: string,
    private readonly output: ZipOutput,
    passphrase: string | null = null,
  ) {
    this.keys = passphrase === null ? null : new EntryKeyPool(passphrase);
    this.zip = new Zip((error, chunk, final) => {
      if (error) {
        this.failure = error;
        return;
      }
      if (this.sealedHeaderNext) {
        this.sealedHeaderNext = false;
        markLocalHeaderEncrypted(chunk);
      }
      if (final && this.keys) markCentralHeadersEncrypted(chunk);
      const bytes = final && this.entries > MAX_CLASSIC_ENTRIES ? withZip64End(chunk, this.entries) : chunk;
      if (!this.output.write(bytes)) this.wantsPause = true;
    });
  }

  async write(files: readonly ExportFile[]): Promise<void> {
    for (const { path, content } of files) {
      // Text as UTF-8; photos as they are (already compressed, so stored).
      const data = typeof content === 'string' ? encoder.encode(content) : new Uint8Array(content);
      const file = this.keys ? new SealedStoredFile(`${this.root}/${path}`, data, await this.keys.next()) : new StoredFile(`${this.root}/${path}`, data);
      this.addFile(file);
      file.send();
      await this.pace();
    }
  }

  async open(path: string): Promise<ChunkWriter> {
    const name = `${this.root}/${path}`;
    const file = this.keys ? new SealedDeflateFile(name, await this.keys.next(), LEVEL) : new ZipDeflate(name, { level: LEVEL });
    this.addFile(file);
    return {
      write: async (chunk) => {
        file.push(encoder.encode(chunk));
        await this.pace();
      },
      close: async () => {
        file.push(new Uint8Array(0), true);
        await this.pace();
      },
    };
  }

  async finish(): Promise<string> {
    this.keys?.drain();
    this.zip.end();
    await this.pace();
    return `${this.root}.zip`;
  }

  async discard(): Promise<void> {
    this.keys?.drain();
    this.zip.terminate();
  }

  private addFile(file: ZipInputFile): void {
    if (this.failure) throw this.failure;
    // Each entry is whole before the next is added, so fflate's next chunk is this entry's local header.
    this.sealedHeaderNext = file.compression === AES_METHOD;
    this.zip.add(file);
    this.entries += 1;
  }

  /** Waits while the reader catches up, so a slow download never piles the vault up in memory. */
  private async pace(): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.wantsPause) return;
    this.wantsPause = false;
    await this.output.drained();
  }
}

/**
 * A small file stored as is: setting up a deflater costs a few hundred
 * microseconds per file (fflate's or zlib's), which for 100,000 notes of 2 KB
 * is most of the export, for a download that never leaves this computer.
 */
class StoredFile implements ZipInputFile {
  readonly compression = 0;
  readonly flag = 0;
  readonly size: number;
  readonly crc: number;
  ondata: AsyncFlateStreamHandler = () => undefined;

  constructor(
    readonly filename: string,
    private readonly data: Uint8Array<ArrayBuffer>,
  ) {
    this.size = data.length;
    this.crc = crc32(data);
  }

  send(): void {
    this.ondata(null, this.data, true);
  }
}

/**
 * Sets bit 0 of the general purpose flag ("encrypted") and the version needed
 * to read the entry. fflate takes the flag's bits 1 and 2 only (it shifts
 * what it is given), so the bit is set on the header as it goes out.
 */
function markLocalHeaderEncrypted(header: Uint8Array): void {
  const view = Buffer.from(header.buffer, header.byteOffset, header.byteLength);
  if (view.length < 30 || view.readUInt32LE(0) !== LOCAL_HEADER || view.readUInt16LE(8) !== AES_METHOD) throw new Error('The zip writer did not start the encrypted entry with its header.');
  view.writeUInt16LE(AES_VERSION_NEEDED, 4);
  view.writeUInt16LE(view.readUInt16LE(6) | 1, 6);
}

/** The same marks in the central directory (fflate's final chunk: the directory, then the end record). */
function markCentralHeadersEncrypted(finalChunk: Uint8Array): void {
  const view = Buffer.from(finalChunk.buffer, finalChunk.byteOffset, finalChunk.byteLength);
  for (let at = 0; at + 46 <= view.length && view.readUInt32LE(at) === CENTRAL_HEADER; at += 46 + view.readUInt16LE(at + 28) + view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32)) {
    if (view.readUInt16LE(at + 10) !== AES_METHOD) continue;
    view.writeUInt16LE(AES_VERSION_NEEDED, at + 6);
    view.writeUInt16LE(view.readUInt16LE(at + 8) | 1, at + 8);
  }
}

/**
 * Puts a ZIP64 end record and its locator before the classic end record (the
 * last 22 bytes of fflate's final chunk), whose entry counts become 0xFFFF.
 */
function withZip64End(finalChunk: Uint8Array, entries: number): Uint8Array {
  const chunk = Buffer.from(finalChunk.buffer, finalChunk.byteOffset, finalChunk.byteLength);
  const at = chunk.length - EOCD_SIZE;
  const eocd = Buffer.from(chunk.subarray(at));
  const directorySize = eocd.readUInt32LE(12);
  const directoryOffset = eocd.readUInt32LE(16);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(entries), 24);
  record.writeBigUInt64LE(BigInt(entries), 32);
  record.writeBigUInt64LE(BigInt(directorySize), 40);
  record.writeBigUInt64LE(BigInt(directoryOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(directoryOffset + directorySize), 8);
  locator.writeUInt32LE(1, 16);
  eocd.writeUInt16LE(MAX_CLASSIC_ENTRIES, 8);
  eocd.writeUInt16LE(MAX_CLASSIC_ENTRIES, 10);
  return Buffer.concat([chunk.subarray(0, at), record, locator, eocd]);
}
