import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createVaultExports } from '#core/export/vault/export-jobs';
import { addSyntheticNotes } from '../bench/synthetic-notes';
import { buildSyntheticVault } from '#support/synthetic-vault';
import { tempDir, tempVault, type TempDir } from '#support/temp-vault';
import { unzipEntry, zipEntryNames } from '#support/unzip';

// The whole export of one seeded vault, pinned byte for byte: a faster export must write exactly what the old one did.
// Re-pinned once, for the two rich notes only, when their Markdown became correct CommonMark (leading and trailing
// white space as character references, line breaks as backslashes, a code span holding backticks, a task list kept
// apart from the bullet list before it); every other file is unchanged. Re-pinned again when the export gained its
// manifest.json (one more file) and the README says what attachments/ and manifest.json are; nothing else changed.
// Re-pinned when interviews and touchpoints gained what an imported invite or e-mail keeps (inviteUid,
// inviteSequence, cancelledAt, messageId): only afterview.json, which dumps every column, and manifest.json changed.
// Re-pinned when openings gained the job posting (postingText, postingSavedAt), the same two files only.
const NOW = '2026-03-02T09:00:00.000Z';
const FOLDER = 'Afterview export 2026-03-02';
const PINNED = {
  files: 823,
  sha256: 'c50ebc1a32d5048e4d63effd2d09aab278cf4059e9209d8b2ff5a0d118fc3181',
};

let vault: ReturnType<typeof tempVault>;
let target: TempDir;

/** Notes whose text exercises every Markdown rule, with fixed ids and dates so the export is the same on every run. */
function addRichNotes(): void {
  const opening = (vault.db.prepare('SELECT id FROM openings WHERE deleted_at IS NULL ORDER BY id LIMIT 1').get() as { id: string }).id;
  const text = (value: string, marks?: unknown[]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
  const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
  const docs = [
    [
      { type: 'heading', attrs: { level: 3 }, content: [text('Heads # up *now*')] },
      paragraph(text('  spaced bold  ', [{ type: 'bold' }]), text('plain_under'), { type: 'hardBreak' }, text('after\u00a0break\u3000')),
      paragraph(text('- not a list'), { type: 'hardBreak' }, text('12) nor this')),
      paragraph(text('site', [{ type: 'link', attrs: { href: 'https://example.com/a path(1)' } }, { type: 'italic' }]), text(' and '), text('bad', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])),
      paragraph(text(' code `x` ', [{ type: 'code' }]), text('~~gone~~', [{ type: 'strike' }])),
    ],
    [
      { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('one')), { type: 'orderedList', content: [{ type: 'listItem', content: [paragraph(text('inner'), { type: 'hardBreak' }, text('two lines'))] }] }] }] },
      { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: true }, content: [paragraph(text('done'))] }, { type: 'taskItem', attrs: { checked: false }, content: [paragraph(text('open'))] }] },
      { type: 'blockquote', content: [paragraph(text('quoted')), paragraph(text('twice'))] },
      { type: 'codeBlock', content: [text('const a = 1;\n# not a heading')] },
      { type: 'horizontalRule' },
      { type: 'callout', content: [paragraph(text('unknown node keeps its text'))] },
      paragraph(),
      paragraph(text('\u2028line separator and \ufeff BOM')),
    ],
  ];
  const insert = vault.db.prepare("INSERT INTO notes (id, parent_type, parent_id, title, doc, plain_text, created_at, updated_at, deleted_at) VALUES (?, 'opening', ?, ?, ?, '', ?, ?, ?)");
  const at = '2026-01-05T10:00:00.000Z';
  insert.run('00000000-0000-4000-8000-000000000001', opening, 'Rich "one": yes', JSON.stringify({ type: 'doc', content: docs[0] }), at, at, null);
  insert.run('00000000-0000-4000-8000-000000000002', opening, 'rich "ONE": yes', JSON.stringify({ type: 'doc', content: docs[1] }), at, at, null);
  insert.run('00000000-0000-4000-8000-000000000003', opening, '   ', JSON.stringify({ type: 'doc' }), at, at, null);
  insert.run('00000000-0000-4000-8000-000000000004', opening, 'In the trash', JSON.stringify({ type: 'doc', content: docs[0] }), at, at, at);
}

beforeEach(() => {
  vault = tempVault();
  buildSyntheticVault(vault, { seed: 11, scale: 0.01, now: NOW });
  addSyntheticNotes(vault.db, { seed: 11, count: 300, huge: 1 });
  addRichNotes();
  target = tempDir('afterview-export-pinned-');
});
afterEach(() => {
  vault.cleanup();
  target.remove();
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

it('writes the same folder, byte for byte, as the export it replaced, and the same files in the zip', async () => {
  const exports = createVaultExports({ db: vault.db, attachmentsDir: vault.attachmentsDir, schemaVersion: 99, appVersion: 'pinned', now: () => new Date(NOW), pickFolder: async () => target.dir });
  const result = await exports.toFolder(randomUUID());
  if (result.outcome !== 'saved') throw new Error('the export did not finish');
  const files = new Map(
    walk(result.folder)
      .map((path) => [relative(result.folder, path).split(sep).join('/'), readFileSync(path)] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const hash = createHash('sha256');
  for (const [path, content] of files) hash.update(`${path}\0${content.length}\0`).update(content);
  expect({ files: files.size, sha256: hash.digest('hex') }).toEqual(PINNED);
  expect(result.files).toBe(files.size);

  const chunks: Buffer[] = [];
  expect(await exports.toZip(randomUUID(), { write: (chunk) => (chunks.push(Buffer.from(chunk)), true), drained: async () => undefined })).toBe(true);
  const zip = Buffer.concat(chunks);
  const names = zipEntryNames(zip);
  expect([...names].sort()).toEqual([...files.keys()].map((path) => `${FOLDER}/${path}`));
  for (const [path, content] of files) expect(unzipEntry(zip, `${FOLDER}/${path}`), path).toBe(content.toString('utf8'));
});
