import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { AppError } from '../errors';
import { syncFolder } from './durable';

/**
 * The vault's attachments folder. Every path is built from a name Afterview
 * chose and is still checked to stay inside the folder, so a tampered row
 * cannot make the app read or delete a file elsewhere.
 */
export function createAttachmentStore(dir: string) {
  const root = resolve(dir);

  function pathOf(fileName: string): string {
    const path = resolve(root, fileName);
    const inside = relative(root, path);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || /[\\/]/.test(inside)) {
      throw new AppError('FORBIDDEN', 'That attachment is outside the vault, so Afterview will not open it.');
    }
    return path;
  }

  return {
    pathOf,

    /** Writes the file so that it is complete and on disk before its name appears. */
    writeDurably(fileName: string, bytes: Uint8Array): void {
      const target = pathOf(fileName);
      const temporary = pathOf(`.${randomUUID()}.part`);
      try {
        const fd = openSync(temporary, 'wx');
        try {
          writeSync(fd, bytes);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        renameSync(temporary, target);
      } catch (error) {
        rmSync(temporary, { force: true });
        throw error;
      }
      syncFolder(root);
    },

    /** The file's bytes, or undefined when it is missing. */
    read(fileName: string): Buffer | undefined {
      const path = pathOf(fileName);
      if (!existsSync(path)) return undefined;
      return readFileSync(path);
    },

    /** Removes half-written files a crash left behind; their rows were never committed. */
    removeLeftovers(): number {
      let removed = 0;
      for (const name of readdirSync(root)) {
        if (/^\.[0-9a-f-]{36}\.part$/.test(name)) {
          rmSync(pathOf(name), { force: true });
          removed++;
        }
      }
      return removed;
    },

    /** Removes the file if it is there; a missing file is not an error. */
    remove(fileName: string): void {
      rmSync(pathOf(fileName), { force: true });
    },
  };
}
export type AttachmentStore = ReturnType<typeof createAttachmentStore>;
