import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError } from '../../errors';
import type { ChunkWriter, ExportSink } from './sink';

/** Files written at once: enough to keep the disk busy, few enough not to hold many buffers. */
const PARALLEL_WRITES = 16;

/** What the disk said, in words the user can act on. */
export function folderError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string } | null)?.code ?? '';
  if (code === 'ENOSPC') return new AppError('VAULT_UNAVAILABLE', 'The disk is full, so the export stopped and nothing was left behind. Free some space and try again.');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new AppError('VAULT_UNAVAILABLE', 'Afterview may not write in that folder. Choose another one.');
  if (code === 'ENOENT' || code === 'ENOTDIR') return new AppError('NOT_FOUND', 'That folder is no longer there. Choose another one.');
  return new AppError('INTERNAL', 'The export could not be written, so nothing was left behind. Please try again.');
}

/**
 * Writes into a hidden temporary folder beside the destination and renames it
 * into place only when everything is written, so a cancelled or failed export
 * never leaves a half-written folder. An existing export of the same day is
 * kept: the new one becomes "… (2)".
 */
export class FolderSink implements ExportSink {
  private readonly temp: string;
  private readonly folders = new Set<string>();
  private readonly pending = new Set<Promise<void>>();
  private failure: unknown = null;
  private started = false;

  constructor(
    private readonly parent: string,
    private readonly folderName: string,
  ) {
    this.temp = join(parent, `.${folderName}.partial-${randomBytes(4).toString('hex')}`);
  }

  async write(path: string, content: string): Promise<void> {
    const target = await this.prepare(path);
    const writing = writeFile(target, content, 'utf8').catch((error: unknown) => void (this.failure ??= error));
    this.pending.add(writing);
    void writing.finally(() => this.pending.delete(writing));
    if (this.pending.size >= PARALLEL_WRITES) await Promise.race(this.pending);
    this.rethrow();
  }

  async open(path: string): Promise<ChunkWriter> {
    const stream = createWriteStream(await this.prepare(path), { encoding: 'utf8' });
    stream.on('error', (error) => void (this.failure ??= error));
    const done = new Promise<void>((resolve) => stream.once('close', () => resolve()));
    return {
      write: async (chunk) => {
        this.rethrow();
        if (!stream.write(chunk)) await drained(stream);
        this.rethrow();
      },
      close: async () => {
        stream.end();
        await done;
        this.rethrow();
      },
    };
  }

  async finish(): Promise<string> {
    await Promise.all(this.pending);
    this.rethrow();
    await this.ensureStarted();
    for (let copy = 1; ; copy++) {
      const target = join(this.parent, copy === 1 ? this.folderName : `${this.folderName} (${copy})`);
      if (await exists(target)) continue;
      try {
        await rename(this.temp, target);
        return target;
      } catch (error) {
        // Someone made that folder in the meantime: try the next name.
        if ((error as { code?: string }).code === 'ENOTEMPTY' || (error as { code?: string }).code === 'EEXIST') continue;
        throw folderError(error);
      }
    }
  }

  async discard(): Promise<void> {
    await Promise.allSettled(this.pending);
    await rm(this.temp, { recursive: true, force: true });
  }

  private async prepare(path: string): Promise<string> {
    this.rethrow();
    await this.ensureStarted();
    const target = join(this.temp, path);
    const folder = dirname(target);
    if (!this.folders.has(folder)) {
      await mkdir(folder, { recursive: true }).catch((error: unknown) => {
        throw folderError(error);
      });
      this.folders.add(folder);
    }
    return target;
  }

  private async ensureStarted(): Promise<void> {
    if (this.started) return;
    try {
      if (!(await stat(this.parent)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
      await mkdir(this.temp);
    } catch (error) {
      throw folderError(error);
    }
    this.started = true;
  }

  private rethrow(): void {
    if (this.failure !== null) throw folderError(this.failure);
  }
}

function drained(stream: WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const settle = () => {
      stream.off('drain', settle);
      stream.off('close', settle);
      resolve();
    };
    stream.once('drain', settle);
    stream.once('close', settle);
  });
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
