import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FolderSink } from '#core/export/vault/folder-sink';
import { tempDir, type TempDir } from '#support/temp-vault';

let target: TempDir;
beforeEach(() => (target = tempDir('afterview-folder-sink-')));
afterEach(() => target.remove());

it('writes pages of files and a file in pieces, in UTF-8, and shows the folder only when finished', async () => {
  const sink = new FolderSink(target.dir, 'Export');
  await sink.write([
    { path: 'README.md', content: 'read me' },
    { path: 'notes/Café – déjà vu.md', content: 'naïve 😀 \u2028 text' },
  ]);
  const dump = await sink.open('afterview.json');
  await dump.write('{"a":');
  await sink.write([{ path: 'notes/empty.md', content: '' }]);
  await dump.write('"ü"}\n');
  await dump.close();
  // Still hidden until finish: a temporary folder is all there is.
  expect(readdirSync(target.dir)).toEqual([expect.stringMatching(/^\.Export\.partial-/)]);
  const folder = await sink.finish();
  expect(folder).toBe(join(target.dir, 'Export'));
  expect(readdirSync(target.dir)).toEqual(['Export']);
  expect(readFileSync(join(folder, 'notes', 'Café – déjà vu.md'), 'utf8')).toBe('naïve 😀 \u2028 text');
  expect(readFileSync(join(folder, 'notes', 'empty.md'), 'utf8')).toBe('');
  expect(readFileSync(join(folder, 'afterview.json'), 'utf8')).toBe('{"a":"ü"}\n');
  expect(readdirSync(folder).sort()).toEqual(['README.md', 'afterview.json', 'notes']);
});

it('says so when a file cannot be written, and leaves nothing behind once discarded', async () => {
  const sink = new FolderSink(target.dir, 'Export');
  const dump = await sink.open('afterview.json');
  await dump.write('[');
  // A file where a folder is needed: the writer thread fails, and the export hears it in words.
  await sink.write([{ path: 'README.md', content: 'x' }]);
  const failed = (async () => {
    await sink.write([{ path: 'README.md/inside.md', content: 'y' }]);
    await dump.close();
  })();
  await expect(failed).rejects.toThrow(/no longer there|could not be written/);
  await sink.discard();
  expect(readdirSync(target.dir)).toEqual([]);
});

it('leaves nothing behind when discarded halfway, with a file still open', async () => {
  const sink = new FolderSink(target.dir, 'Export');
  await sink.write([{ path: 'notes/a.md', content: 'a' }]);
  const dump = await sink.open('afterview.json');
  await dump.write('[1,');
  await sink.discard();
  expect(readdirSync(target.dir)).toEqual([]);
});
