import { closeSync, fsyncSync, openSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';

/** Flushes a file's bytes to the disk. */
export function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable on POSIX; Windows cannot open folders and does not need it. */
export function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported on this platform; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Gives a finished file its name: on disk first, then renamed, then the rename itself on disk. */
export function publish(temporary: string, target: string): void {
  syncFile(temporary);
  renameSync(temporary, target);
  syncFolder(dirname(target));
}
