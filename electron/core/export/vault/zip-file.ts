import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { folderError } from './folder-sink';
import type { ZipOutput } from './zip-sink';

/**
 * A .zip export written to disk (desktop): into a hidden temporary file
 * beside the one the user named, renamed over it only once it is whole, so a
 * cancelled or failed export never leaves a zip that looks complete. The save
 * dialog has already asked before replacing a file of that name.
 */
export class ZipFile implements ZipOutput {
  private readonly temp: string;
  private readonly stream: WriteStream;
  private failure: Error | null = null;

  constructor(private readonly target: string) {
    this.temp = join(dirname(target), `.${basename(target)}.partial-${randomBytes(4).toString('hex')}`);
    this.stream = createWriteStream(this.temp, { flags: 'wx' });
    this.stream.on('error', (error) => {
      this.failure ??= error;
    });
  }

  write(chunk: Uint8Array): boolean {
    if (this.failure) throw folderError(this.failure);
    return this.stream.write(chunk);
  }

  drained(): Promise<void> {
    if (this.failure) return Promise.reject(folderError(this.failure));
    return new Promise((resolve, reject) => {
      const done = () => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        if (this.failure) reject(folderError(this.failure));
        else resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('error', done);
    });
  }

  /** Flushes the file to disk and puts it under its name; answers where it is. */
  async finish(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.stream.end(() => (this.failure ? reject(this.failure) : resolve()));
    }).catch((error: unknown) => {
      throw folderError(error);
    });
    try {
      await rename(this.temp, this.target);
    } catch (error) {
      await rm(this.temp, { force: true });
      throw folderError(error);
    }
    return this.target;
  }

  async discard(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (this.stream.closed) resolve();
      else this.stream.destroy().once('close', () => resolve());
    });
    await rm(this.temp, { force: true });
  }
}
