import { createHash, randomUUID } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// Each test reads a whole export, some of them several times: slow on a busy machine, not a timing goal.
vi.setConfig({ testTimeout: 60_000 });
import type { ExportProgress } from '#shared/domain/data-export';
import type { VaultImportInspected, VaultImportPreview, VaultImportResult } from '#shared/domain/vault-import';
import { createDispatch } from '#core/dispatch';
import { DERIVED } from '#core/vault/read-models/table-dump';
import { createHandlers } from '#core/handlers/index';
import { addSyntheticNotes } from '../bench/synthetic-notes';
import { docOf, IMAGES, manualClock } from '#support/core-harness';
import { buildSyntheticVault } from '#support/synthetic-vault';
import { tempDir, tempVault, type TempDir } from '#support/temp-vault';

const NOW = '2026-03-02T09:00:00.000Z';

/** The whole core over a vault, as the shells reach it, with the folder and file dialogs answered by the test. */
function appOver(vault: ReturnType<typeof tempVault>) {
  const progress: ExportProgress[] = [];
  const dialog = { folder: null as string | null, source: null as string | null, onProgress: (_event: ExportProgress) => undefined as void };
  const handlers = createHandlers({
    vault,
    appVersion: '1.2.3-test',
    now: manualClock(NOW).now,
    pickFolder: async () => dialog.folder,
    pickImportSource: async () => dialog.source,
    emitImportProgress: (event) => {
      progress.push(event);
      dialog.onProgress(event);
    },
  });
  const dispatch = createDispatch(handlers, () => undefined, { validateOutput: true });
  const call = async <T,>(channel: string, input?: unknown): Promise<T> => {
    const result = await dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as T;
  };
  const fail = async (channel: string, input?: unknown) => {
    const result = await dispatch(channel, input);
    if (result.ok) throw new Error(`${channel} succeeded`);
    return result.error;
  };
  return { vault, call, fail, dialog, progress };
}
type App = ReturnType<typeof appOver>;

/** Every row of every table the user owns, per table, in a stable order: equal digests mean equal data. */
function rowDigests(vault: ReturnType<typeof tempVault>): Record<string, string> {
  const tables = (vault.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((row) => row.name).filter((name) => !DERIVED.test(name));
  return Object.fromEntries(
    tables.map((table) => {
      const rows = (vault.db.prepare(`SELECT * FROM "${table}"`).all() as unknown[]).map((row) => JSON.stringify(row)).sort();
      return [table, `${rows.length} ${createHash('sha256').update(rows.join('\n')).digest('hex')}`];
    }),
  );
}

function fileDigests(vault: ReturnType<typeof tempVault>): Record<string, string> {
  return Object.fromEntries(readdirSync(vault.attachmentsDir).sort().map((name) => [name, createHash('sha256').update(readFileSync(join(vault.attachmentsDir, name))).digest('hex')]));
}

let source: App;
let exportParent: TempDir;
let exportFolder: string;
let exportZip: string;
let sourceRows: Record<string, string>;
let sourceFiles: Record<string, string>;
const targets: ReturnType<typeof tempVault>[] = [];
function emptyApp(): App {
  const vault = tempVault();
  targets.push(vault);
  return appOver(vault);
}

/**
 * A generated job search with everything an export must carry: notes (one of 400 KB), letters, interviews and
 * their teams, card photos of three kinds (one in the trash, and one of a contact in the trash), a note in the
 * trash, settings, the built-in and an own letter template, and the reminders planned from all of it.
 */
beforeAll(async () => {
  const vault = tempVault();
  buildSyntheticVault(vault, { seed: 5, scale: 0.01, now: NOW });
  addSyntheticNotes(vault.db, { seed: 5, count: 60, huge: 1 });
  source = appOver(vault);
  const contacts = await source.call<{ id: string }[]>('contacts.list');
  const photos: [string, string, string][] = [
    [contacts[0]!.id, 'image/png', IMAGES.png],
    [contacts[0]!.id, 'image/jpeg', IMAGES.jpeg],
    [contacts[1]!.id, 'image/webp', IMAGES.webp],
    [contacts[2]!.id, 'image/png', IMAGES.png],
  ];
  const cards = [];
  for (const [contactId, mimeType, dataBase64] of photos) cards.push(await source.call<{ id: string }>('cards.add', { contactId, fileName: `card ${cards.length}`, mimeType, dataBase64 }));
  await source.call('cards.delete', { id: cards[1]!.id });
  await source.call('contacts.delete', { id: contacts[2]!.id });
  const opening = await source.call<{ id: string }>('openings.create', { companyName: 'Acme', role: 'Engineer' });
  const note = await source.call<{ id: string }>('notes.create', { parentType: 'opening', parentId: opening.id, title: 'In the trash' });
  await source.call('notes.save', { id: note.id, title: 'In the trash', doc: docOf('gone but kept') });
  await source.call('notes.delete', { id: note.id });
  const settings = await source.call<{ profile: object }>('settings.get');
  await source.call('settings.save', { ...settings, profile: { name: 'Sam Seeker', address: '1 Main Street' }, theme: 'dark' });
  await source.call('templates.save', { kind: 'thank_you', name: 'Short and warm', subject: 'Thanks', doc: docOf('Thank you!') });
  await source.call('reminders.agenda', undefined).catch(() => undefined);

  exportParent = tempDir('afterview-import-source-');
  source.dialog.folder = exportParent.dir;
  const saved = await source.call<{ folder: string }>('exports.vaultToFolder', { jobId: randomUUID() });
  exportFolder = saved.folder;
  // The same export as the preview's .zip.
  const { createVaultExports } = await import('#core/export/vault/export-jobs');
  const chunks: Buffer[] = [];
  await createVaultExports({ db: vault.db, attachmentsDir: vault.attachmentsDir, schemaVersion: vault.schemaVersion, appVersion: 'zip', now: () => new Date(NOW) }).toZip(randomUUID(), {
    write: (chunk) => (chunks.push(Buffer.from(chunk)), true),
    drained: async () => undefined,
  });
  exportZip = join(exportParent.dir, 'export.zip');
  writeFileSync(exportZip, Buffer.concat(chunks));
  sourceRows = rowDigests(vault);
  sourceFiles = fileDigests(vault);
  expect(Object.keys(sourceFiles)).toHaveLength(4);
}, 120_000);
afterAll(() => {
  source.vault.cleanup();
  exportParent.remove();
});
afterEach(() => {
  for (const vault of targets.splice(0)) vault.cleanup();
});

async function inspect(app: App, location: string, kind: 'folder' | 'zip' = 'folder'): Promise<VaultImportPreview> {
  app.dialog.source = location;
  const inspected = await app.call<VaultImportInspected>('imports.pick', { jobId: randomUUID(), source: kind });
  if (inspected.outcome !== 'ready') throw new Error('not ready');
  return inspected.preview;
}

describe('an export brought into an empty vault', () => {
  it('comes back exactly, every row of every table and every photo, from the folder', async () => {
    const app = emptyApp();
    const preview = await inspect(app, exportFolder);
    expect(preview.vaultWasEmpty).toBe(true);
    expect(preview.kinds.every((kind) => kind.added === kind.inExport && kind.same === 0 && kind.kept === 0)).toBe(true);
    expect(preview.kinds.find((kind) => kind.kind === 'photos')).toMatchObject({ inExport: 4, added: 4 });
    const result = await app.call<VaultImportResult>('imports.run', { jobId: randomUUID(), importId: preview.importId });
    expect(result).toMatchObject({ outcome: 'imported', added: preview.toAdd });
    expect(rowDigests(app.vault)).toEqual(sourceRows);
    expect(fileDigests(app.vault)).toEqual(sourceFiles);
    // The import leaves nothing of its work beside the vault, and the vault works: search finds an imported note.
    expect(readdirSync(dirname(app.vault.path)).filter((name) => name.startsWith('.afterview-import'))).toEqual([]);
    expect((await app.call<unknown[]>('search.query', { text: 'Note 12' })).length).toBeGreaterThan(0);
  });

  it('comes back exactly from the .zip too, chosen from its parent folder or as the file', async () => {
    const app = emptyApp();
    const preview = await inspect(app, exportZip, 'zip');
    await app.call('imports.run', { jobId: randomUUID(), importId: preview.importId });
    expect(rowDigests(app.vault)).toEqual(sourceRows);
    expect(fileDigests(app.vault)).toEqual(sourceFiles);

    // The folder the export was saved into works as well as the export's own folder.
    const other = emptyApp();
    const parent = tempDir('afterview-import-parent-');
    cpSync(exportFolder, join(parent.dir, 'Afterview export 2026-03-02'), { recursive: true });
    expect((await inspect(other, parent.dir)).vaultWasEmpty).toBe(true);
    parent.remove();
  });

  it('reports progress that ends at 100%, and stops on Cancel leaving nothing behind', async () => {
    const app = emptyApp();
    const before = rowDigests(app.vault);
    const jobId = randomUUID();
    app.dialog.source = exportFolder;
    let canceled: Promise<unknown> | undefined;
    app.dialog.onProgress = (event) => {
      if (event.done > 0) canceled ??= app.call('imports.cancel', { jobId });
    };
    expect(await app.call('imports.pick', { jobId, source: 'folder' })).toEqual({ outcome: 'canceled' });
    expect(await canceled).toEqual({ canceled: true });
    expect(rowDigests(app.vault)).toEqual(before);
    expect(readdirSync(dirname(app.vault.path)).filter((name) => name.startsWith('.afterview-import'))).toEqual([]);

    app.dialog.onProgress = () => undefined;
    const preview = await inspect(app, exportFolder);
    const runJob = randomUUID();
    app.dialog.onProgress = (event) => {
      if (event.jobId === runJob && event.done > 0) void app.call('imports.cancel', { jobId: runJob });
    };
    expect(await app.call('imports.run', { jobId: runJob, importId: preview.importId })).toEqual({ outcome: 'canceled' });
    expect(rowDigests(app.vault)).toEqual(before);
    expect(readdirSync(app.vault.attachmentsDir)).toEqual([]);

    app.dialog.onProgress = () => undefined;
    const again = await inspect(app, exportFolder);
    const done = randomUUID();
    await app.call('imports.run', { jobId: done, importId: again.importId });
    const events = app.progress.filter((event) => event.jobId === done);
    expect(events.at(-1)!.done).toBe(events.at(-1)!.total);
  });
});

describe('an export brought into a vault that is not empty', () => {
  it('adds what is missing, keeps what is here, and says which is which before anything changes', async () => {
    const app = emptyApp();
    // The user's own work, including a company of the same name as one in the export.
    const mine = await app.call<{ id: string; companyId: string }>('openings.create', { companyName: 'Acme', role: 'Designer' });
    const first = await inspect(app, exportFolder);
    await app.call('imports.run', { jobId: randomUUID(), importId: first.importId });
    // One "Acme": the export's Acme openings joined the user's company.
    expect((app.vault.db.prepare("SELECT COUNT(*) AS n FROM companies WHERE name_key = 'acme'").get() as { n: number }).n).toBe(1);
    const acmeRoles = (app.vault.db.prepare('SELECT role FROM openings WHERE company_id = ? ORDER BY role').all(mine.companyId) as { role: string }[]).map((row) => row.role);
    expect(acmeRoles).toEqual(['Designer', 'Engineer']);

    // The user edits an imported note; importing the same export again changes nothing and says so.
    const [note] = app.vault.db.prepare("SELECT id, title FROM notes WHERE deleted_at IS NULL AND title LIKE 'Note 3 %'").all() as { id: string; title: string }[];
    await app.call('notes.save', { id: note!.id, title: note!.title, doc: docOf('my newer words') });
    const rows = rowDigests(app.vault);
    const files = fileDigests(app.vault);
    const second = await inspect(app, exportZip, 'zip');
    expect(rowDigests(app.vault)).toEqual(rows);
    expect(second.vaultWasEmpty).toBe(false);
    const notes = second.kinds.find((kind) => kind.kind === 'notes')!;
    expect(notes).toMatchObject({ added: 0, kept: 1 });
    expect(notes.same).toBe(notes.inExport - 1);
    expect(second.toAdd).toBe(second.kinds.find((kind) => kind.kind === 'other')!.added);
    await app.call('imports.run', { jobId: randomUUID(), importId: second.importId });
    expect(app.vault.db.prepare('SELECT plain_text AS text FROM notes WHERE id = ?').get(note!.id)).toEqual({ text: 'my newer words' });
    expect(fileDigests(app.vault)).toEqual(files);
  });

  it('adds all of it or none: a failure half way leaves the vault and its photos as they were', async () => {
    const app = emptyApp();
    await app.call('openings.create', { companyName: 'Mine', role: 'Mine' });
    const preview = await inspect(app, exportFolder);
    app.vault.db.exec("CREATE TEMP TRIGGER refuse BEFORE INSERT ON letters BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    const rows = rowDigests(app.vault);
    expect((await app.fail('imports.run', { jobId: randomUUID(), importId: preview.importId })).message).toMatch(/nothing was imported/);
    expect(rowDigests(app.vault)).toEqual(rows);
    expect(readdirSync(app.vault.attachmentsDir)).toEqual([]);
  });
});

describe('an export that cannot come in', () => {
  function copyOfExport(change: (root: string) => void): TempDir {
    const copy = tempDir('afterview-import-bad-');
    cpSync(exportFolder, copy.dir, { recursive: true });
    change(copy.dir);
    return copy;
  }

  it('is refused with a clear message, changing nothing: damaged, foreign, older or newer', async () => {
    const app = emptyApp();
    await app.call('openings.create', { companyName: 'Mine', role: 'Mine' });
    const rows = rowDigests(app.vault);
    const manifestOf = (root: string) => JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    const cases: [string, TempDir | string, RegExp][] = [
      ['an edited dump', copyOfExport((root) => writeFileSync(join(root, 'afterview.json'), readFileSync(join(root, 'afterview.json'), 'utf8').replace('Note 1 ', 'Note X '))), /damaged \(afterview\.json is not what its manifest says\)/],
      ['a cut dump', copyOfExport((root) => writeFileSync(join(root, 'afterview.json'), readFileSync(join(root, 'afterview.json')).subarray(0, 5000))), /damaged/],
      ['a missing photo', copyOfExport((root) => writeFileSync(join(root, 'attachments', readdirSync(join(root, 'attachments'))[0]!), 'not the photo')), /damaged \(the photo .* is not what its manifest says\)/],
      ['a newer format', copyOfExport((root) => writeFileSync(join(root, 'manifest.json'), JSON.stringify({ ...manifestOf(root), formatVersion: 2 }))), /newer version of Afterview/],
      ['a newer schema', copyOfExport((root) => writeFileSync(join(root, 'manifest.json'), JSON.stringify({ ...manifestOf(root), schemaVersion: 999 }))), /newer version of Afterview/],
      ['an older export', copyOfExport((root) => writeFileSync(join(root, 'manifest.json'), '')), /damaged \(its manifest\.json cannot be read\)/],
      ['a folder of other things', tempDir('afterview-import-foreign-'), /not an Afterview export/],
    ];
    const older = tempDir('afterview-import-older-');
    cpSync(join(exportFolder, 'afterview.json'), join(older.dir, 'afterview.json'));
    cases.push(['an export from before manifests', older, /earlier Afterview/]);
    const elsewhere = tempDir('afterview-import-not-zip-');
    const notZip = join(elsewhere.dir, 'photo.zip');
    writeFileSync(notZip, Buffer.from(IMAGES.png, 'base64'));
    cases.push(['a file that is not a zip', notZip, /not a zip archive/]);
    for (const [what, location, message] of cases) {
      app.dialog.source = typeof location === 'string' ? location : location.dir;
      const error = await app.fail('imports.pick', { jobId: randomUUID(), source: typeof location === 'string' ? 'zip' : 'folder' });
      expect(error.message, what).toMatch(message);
      expect(error.message, what).toMatch(/Nothing was changed\./);
      expect(rowDigests(app.vault), what).toEqual(rows);
      if (typeof location !== 'string') location.remove();
    }
    elsewhere.remove();
    expect(readdirSync(app.vault.attachmentsDir)).toEqual([]);
    expect(readdirSync(dirname(app.vault.path)).filter((name) => name.startsWith('.afterview-import'))).toEqual([]);
    expect(existsSync(app.vault.path)).toBe(true);
  }, 60_000);

  it('cannot be imported once discarded, nor twice', async () => {
    const app = emptyApp();
    const preview = await inspect(app, exportFolder);
    expect(await app.call('imports.discard', { importId: preview.importId })).toEqual({ discarded: true });
    expect((await app.fail('imports.run', { jobId: randomUUID(), importId: preview.importId })).message).toMatch(/no longer ready/);
  });
});
