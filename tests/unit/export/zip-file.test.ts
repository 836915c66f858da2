import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ZipFile } from '#core/export/vault/zip-file';
import { tempDir, type TempDir } from '#support/temp-vault';

/** The desktop's .zip export on disk: whole under its name, or nothing at all. */
let dir: TempDir;
afterEach(() => dir.remove());

describe('a whole-vault .zip written to disk', () => {
  it('appears under its name only once it is whole, replacing the file the save dialog agreed to replace', async () => {
    dir = tempDir('afterview-zip-file-');
    const target = dir.file('Afterview export 2026-03-02.zip');
    writeFileSync(target, 'an older export');
    const file = new ZipFile(target);
    file.write(new Uint8Array([0x50, 0x4b, 1]));
    expect(readFileSync(target, 'utf8')).toBe('an older export');
    file.write(new Uint8Array([2, 3]));
    expect(await file.finish()).toBe(target);
    expect([...readFileSync(target)]).toEqual([0x50, 0x4b, 1, 2, 3]);
    expect(readdirSync(dir.dir)).toEqual(['Afterview export 2026-03-02.zip']);
  });

  it('leaves nothing behind when the export is cancelled or fails', async () => {
    dir = tempDir('afterview-zip-file-');
    const file = new ZipFile(dir.file('export.zip'));
    file.write(new Uint8Array(1024));
    await file.discard();
    expect(readdirSync(dir.dir)).toEqual([]);
  });

  it('says plainly when the folder is gone', async () => {
    dir = tempDir('afterview-zip-file-');
    const file = new ZipFile(dir.file('gone/export.zip'));
    file.write(new Uint8Array(8));
    await expect(file.finish()).rejects.toThrow('That folder is no longer there. Choose another one.');
    expect(readdirSync(dir.dir)).toEqual([]);
  });
});
