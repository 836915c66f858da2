import { Zip, ZipDeflate, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';
import { crc32 } from 'node:zlib';
import type { ChunkWriter, ExportFile, ExportSink } from './sink';

/** Where the zip's bytes go (the preview's HTTP response); `write` answers false when it wants a pause. */
export interface ZipOutput {
  write(chunk: Uint8Array): boolean;
  drained(): Promise<void>;
}

/** The JSON dump shrinks well even at the fastest level, which keeps a big vault quick. */
const LEVEL = 1;
const MAX_CLASSIC_ENTRIES = 0xffff;
const EOCD_SIZE = 22;
const encoder = new TextEncoder();

/**
 * The export as a streamed .zip, every file under one top folder. Past 65,535
 * files a classic zip cannot count its entries, so the end record gains its
 * ZIP64 twin (fflate writes the classic one only).
 */
export class ZipSink implements ExportSink {
  readonly writesBesideOpenFile = false;
  private readonly zip: Zip;
  private entries = 0;
  private wantsPause = false;
  private failure: Error | null = null;

  constructor(
    private readonly root: string,
    private readonly output: ZipOutput,
  ) {
    this.zip = new Zip((error, chunk, final) => {
      if (error) {
        this.failure = error;
        return;
      }
      const bytes = final && this.entries > MAX_CLASSIC_ENTRIES ? withZip64End(chunk, this.entries) : chunk;
      if (!this.output.write(bytes)) this.wantsPause = true;
    });
  }

  async write(files: readonly ExportFile[]): Promise<void> {
    for (const { path, content } of files) {
      // Text as UTF-8; photos as they are (already compressed, so stored).
      const file = new StoredFile(`${this.root}/${path}`, typeof content === 'string' ? encoder.encode(content) : new Uint8Array(content));
      this.addFile(file);
      file.send();
      await this.pace();
    }
  }

  async open(path: string): Promise<ChunkWriter> {
    const file = this.add(path);
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
    this.zip.end();
    await this.pace();
    return `${this.root}.zip`;
  }

  async discard(): Promise<void> {
    this.zip.terminate();
  }

  private add(path: string): ZipDeflate {
    const file = new ZipDeflate(`${this.root}/${path}`, { level: LEVEL });
    this.addFile(file);
    return file;
  }

  private addFile(file: ZipInputFile): void {
    if (this.failure) throw this.failure;
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
