import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { AppError } from '../errors';
import { decryptAttachment, encryptAttachment } from './attachment-cipher';
import type { VaultKey } from './cipher';
import { syncFolder } from './durable';

/**
 * The vault's attachments folder. Every path is built from a name Afterview
 * chose and is still checked to stay inside the folder, so a tampered row
 * cannot make the app read or delete a file elsewhere. In an encrypted vault
 * every photo is written encrypted (attachment-cipher.ts); photos from
 * before encryption are still read.
 */
export function createAttachmentStore(dir: string, key: VaultKey | null = null) {
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

    /** Writes the file so that it is complete and on disk before its name appears; encrypted when the vault is. */
    writeDurably(fileName: string, plain: Uint8Array): void {
      const target = pathOf(fileName);
      const bytes = key ? encryptAttachment(plain, fileName, key) : plain;
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

    /** The photo's bytes (decrypted), or undefined when it is missing. */
    read(fileName: string): Buffer | undefined {
      const path = pathOf(fileName);
      if (!existsSync(path)) return undefined;
      return decryptAttachment(readFileSync(path), fileName, key);
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
