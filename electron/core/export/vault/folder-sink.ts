import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '#core/errors';
import { BackgroundWriter, utf8, type WriterMessage } from './background-writer';
import type { ChunkWriter, ExportFile, ExportSink } from './sink';

/** Pages handed to the writer and not yet on disk: enough to keep it busy, few enough to hold little memory. */
const PAGES_AHEAD = 4;

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
 * kept: the new one becomes "… (2)". The files themselves are written by a
 * thread of their own (BackgroundWriter), a few pages behind the export.
 */
export class FolderSink implements ExportSink {
  readonly writesBesideOpenFile = true;
  private readonly temp: string;
  private writer: Promise<BackgroundWriter> | null = null;

  constructor(
    private readonly parent: string,
    private readonly folderName: string,
  ) {
    this.temp = join(parent, `.${folderName}.partial-${randomBytes(4).toString('hex')}`);
  }

  async write(files: readonly ExportFile[]): Promise<void> {
    const { bytes, ends } = utf8(files.map((file) => file.content));
    await this.send({ kind: 'files', paths: files.map((file) => file.path), ends, bytes });
  }

  async open(path: string): Promise<ChunkWriter> {
    await this.send({ kind: 'open', path });
    return {
      write: (text) => this.send({ kind: 'append', path, bytes: utf8([text]).bytes }),
      close: async () => {
        await this.send({ kind: 'close', path });
        await this.settle(0);
      },
    };
  }

  async finish(): Promise<string> {
    await this.settle(0);
    await this.stopWriter();
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
    await this.stopWriter();
    await rm(this.temp, { recursive: true, force: true });
  }

  /** Hands a message to the writer, then waits only while it is more than a few pages behind. */
  private async send(message: WriterMessage): Promise<void> {
    const writer = await this.started();
    try {
      writer.send(message);
    } catch (error) {
      throw folderError(error);
    }
    await this.settle(PAGES_AHEAD);
  }

  private async settle(pending: number): Promise<void> {
    try {
      await (await this.started()).settle(pending);
    } catch (error) {
      throw folderError(error);
    }
  }

  /** The temporary folder and its writer, made on the first write. */
  private started(): Promise<BackgroundWriter> {
    this.writer ??= (async () => {
      try {
        if (!(await stat(this.parent)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
        await mkdir(this.temp);
      } catch (error) {
        throw folderError(error);
      }
      return new BackgroundWriter(this.temp);
    })();
    return this.writer;
  }

  private async stopWriter(): Promise<void> {
    const writer = await this.writer?.catch(() => null);
    this.writer = null;
    await writer?.stop();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
