import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportProgress } from '#shared/domain/data-export';
import { createDispatch } from '#core/dispatch';
import { createVaultExports } from '#core/export/vault/export-jobs';
import { createHandlers } from '#core/handlers/index';
import { addSyntheticNotes } from '../bench/synthetic-notes';
import { docOf, IMAGES, manualClock } from '#support/core-harness';
import { docStructure, parseMarkdown } from '#support/commonmark-structure';
import { buildSyntheticVault } from '#support/synthetic-vault';
import { tempDir, tempVault, type TempDir } from '#support/temp-vault';
import { unzipEntry, zipEntryNames } from '#support/unzip';

// A real YAML parser (electron-builder's), so the front matter is checked as other tools will read it.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

const NOW = '2026-03-02T09:00:00.000Z';
const FOLDER = 'Afterview export 2026-03-02';

interface Setup {
  vault: ReturnType<typeof tempVault>;
  target: TempDir;
  progress: ExportProgress[];
  onProgress: (progress: ExportProgress) => void;
  pick: () => Promise<string | null>;
  call(channel: string, input?: unknown): Promise<unknown>;
  fail(channel: string, input?: unknown): Promise<{ code: string; message: string }>;
  ids: Record<string, string>;
}

let setup: Setup;

/** A small synthetic search plus the notes that make an export hard: same names, hostile names, a trashed one. */
async function prepare(): Promise<Setup> {
  const vault = tempVault();
  buildSyntheticVault(vault, { seed: 7, scale: 0.01, now: NOW });
  addSyntheticNotes(vault.db, { seed: 7, count: 120, huge: 1 });
  const target = tempDir('afterview-export-');
  const progress: ExportProgress[] = [];
  const state: Setup = {
    vault,
    target,
    progress,
    onProgress: () => undefined,
    pick: async () => target.dir,
    call: async () => undefined,
    fail: async () => ({ code: '', message: '' }),
    ids: {},
  };
  const clock = manualClock(NOW);
  const handlers = createHandlers({
    vault,
    appVersion: '1.2.3-test',
    now: clock.now,
    emitExportProgress: (event) => {
      progress.push(event);
      state.onProgress(event);
    },
    pickFolder: () => state.pick(),
  });
  const dispatch = createDispatch(handlers, (error) => {
    throw error;
  }, { validateOutput: true });
  state.call = async (channel, input) => {
    const result = await dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  };
  state.fail = async (channel, input) => {
    const result = await dispatch(channel, input);
    if (result.ok) throw new Error(`${channel} succeeded`);
    return result.error;
  };
  const opening = (await state.call('openings.create', { companyName: 'Acme', role: 'Engineer' })) as { id: string };
  const note = async (title: string, text: string) => {
    const created = (await state.call('notes.create', { parentType: 'opening', parentId: opening.id, title })) as { id: string };
    await state.call('notes.save', { id: created.id, title, doc: docOf(text) });
    return created.id;
  };
  state.ids = {
    opening: opening.id,
    same1: await note('Same', 'first'),
    same2: await note('Same', 'second'),
    same3: await note('same', 'third, in other case'),
    traversal: await note('../../etc/passwd', 'not a way out'),
    windows: await note('..\\..\\Windows\\win.ini', 'nor this'),
    device: await note('CON', 'a reserved name'),
    yamlish: await note('no: yes\n--- "#"', 'a title that looks like YAML'),
    trashed: await note('In the trash', 'hidden'),
  };
  await state.call('notes.delete', { id: state.ids.trashed });
  return state;
}

beforeEach(async () => (setup = await prepare()));
afterEach(() => {
  setup.vault.cleanup();
  setup.target.remove();
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function frontMatterOf(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error(`no front matter in ${text.slice(0, 80)}`);
  return yaml.load(match[1]!) as Record<string, unknown>;
}

/** The notes the app shows: not trashed, and whose opening, interview or contact is not trashed. */
function visibleNoteIds(): string[] {
  return (
    setup.vault.db
      .prepare(`SELECT n.id FROM notes n WHERE n.deleted_at IS NULL AND CASE n.parent_type
        WHEN 'opening' THEN EXISTS (SELECT 1 FROM openings o WHERE o.id = n.parent_id AND o.deleted_at IS NULL)
        WHEN 'interview' THEN EXISTS (SELECT 1 FROM interviews i JOIN openings o ON o.id = i.opening_id WHERE i.id = n.parent_id AND i.deleted_at IS NULL AND o.deleted_at IS NULL)
        WHEN 'contact' THEN EXISTS (SELECT 1 FROM contacts c WHERE c.id = n.parent_id AND c.deleted_at IS NULL)
        ELSE 1 END`)
      .all() as { id: string }[]
  ).map((row) => row.id);
}

describe('whole vault to a folder', () => {
  it('writes one Markdown file per note with parseable front matter, the rest of the vault, and a full JSON dump', async () => {
    const result = (await setup.call('exports.vaultToFolder', { jobId: randomUUID() })) as { outcome: string; folder: string; files: number };
    expect(result.outcome).toBe('saved');
    expect(result.folder).toBe(join(setup.target.dir, FOLDER));
    // Only the finished folder: no temporary one left beside it.
    expect(readdirSync(setup.target.dir)).toEqual([FOLDER]);
    const root = result.folder;
    const files = walk(root);
    expect(result.files).toBe(files.length);
    for (const file of files) expect(resolve(file).startsWith(root + sep)).toBe(true);

    const notes = readdirSync(join(root, 'notes'));
    const visible = visibleNoteIds();
    expect(notes).toHaveLength(visible.length);
    const byId = new Map<string, { name: string; meta: Record<string, unknown>; text: string }>();
    for (const name of notes) {
      expect(name.endsWith('.md')).toBe(true);
      const text = readFileSync(join(root, 'notes', name), 'utf8');
      const meta = frontMatterOf(text);
      byId.set(String(meta.id), { name, meta, text });
    }
    expect([...byId.keys()].sort()).toEqual([...visible].sort());
    expect(byId.has(setup.ids.trashed!)).toBe(false);

    // Same names stay apart; hostile names stay inside the folder and keep their real title in the front matter.
    expect(['same1', 'same2', 'same3'].map((key) => byId.get(setup.ids[key]!)!.name)).toEqual(['Same.md', 'Same (2).md', 'same (3).md']);
    const traversal = byId.get(setup.ids.traversal!)!;
    expect(traversal.meta.title).toBe('../../etc/passwd');
    expect(traversal.name).not.toMatch(/[/\\]/);
    expect(byId.get(setup.ids.windows!)!.name).not.toMatch(/[/\\]/);
    expect(byId.get(setup.ids.device!)!.name).not.toBe('CON.md');
    expect(byId.get(setup.ids.yamlish!)!.meta.title).toBe('no: yes\n--- "#"');

    const first = byId.get(setup.ids.same1!)!;
    expect(first.meta).toMatchObject({
      title: 'Same',
      attached_to: 'opening',
      opening: { id: setup.ids.opening, name: 'Engineer at Acme' },
      company: { name: 'Acme' },
    });
    expect(first.meta.created).toBeTruthy();
    expect(first.text).toMatch(/\n# Same\n\nfirst\n$/);

    for (const folder of ['openings', 'companies', 'contacts', 'interviews', 'letters']) {
      const names = readdirSync(join(root, folder));
      expect(names.length).toBeGreaterThan(0);
      frontMatterOf(readFileSync(join(root, folder, names[0]!), 'utf8'));
    }
    const liveOpenings = (setup.vault.db.prepare('SELECT COUNT(*) AS n FROM openings WHERE deleted_at IS NULL').get() as { n: number }).n;
    expect(readdirSync(join(root, 'openings'))).toHaveLength(liveOpenings);

    const dump = JSON.parse(readFileSync(join(root, 'afterview.json'), 'utf8')) as { format: string; schemaVersion: number; appVersion: string; tables: Record<string, Record<string, unknown>[]> };
    expect(dump.format).toBe('afterview-vault');
    expect(dump.schemaVersion).toBe(setup.vault.schemaVersion);
    expect(dump.appVersion).toBe('1.2.3-test');
    expect(Object.keys(dump.tables)).toEqual(expect.arrayContaining(['notes', 'openings', 'companies', 'contacts', 'interviews', 'interview_team', 'letters', 'touchpoints', 'references', 'settings']));
    expect(Object.keys(dump.tables).some((name) => name.startsWith('search_') || name === 'schema_migrations')).toBe(false);
    const allNotes = (setup.vault.db.prepare('SELECT COUNT(*) AS n FROM notes').get() as { n: number }).n;
    expect(dump.tables.notes).toHaveLength(allNotes);
    expect(dump.tables.notes!.find((row) => row.id === setup.ids.trashed)!.deleted_at).toBeTruthy();
    const team = (setup.vault.db.prepare('SELECT COUNT(*) AS n FROM interview_team').get() as { n: number }).n;
    expect(dump.tables.interview_team).toHaveLength(team);
  });

  it('writes notes, titles and debriefs as Markdown that a CommonMark parser reads as the user wrote them', async () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '---' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '  <b>not bold</b> & 1. not a list  ' }, { type: 'hardBreak' }, { type: 'text', text: 'back\\' }] },
        { type: 'codeBlock', content: [{ type: 'text', text: '```\nfenced\n```' }] },
        { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'code' }] }, { type: 'text', text: ' `tick`', marks: [{ type: 'code' }, { type: 'bold' }] }] }] }] },
      ],
    };
    const title = '# 1. *Not* <i>markup</i> ';
    const created = (await setup.call('notes.create', { parentType: 'opening', parentId: setup.ids.opening, title })) as { id: string };
    await setup.call('notes.save', { id: created.id, title, doc });
    const interview = (await setup.call('interviews.create', {
      openingId: setup.ids.opening, startsAt: '2026-02-20T09:00:00.000Z', endsAt: '2026-02-20T10:00:00.000Z', timeZone: 'Europe/Berlin', format: 'video',
    })) as { id: string };
    await setup.call('interviews.saveDebrief', {
      interviewId: interview.id, nextStepClear: true, nextStep: 'Call *Ana*\n- then wait', notifyBy: null, fillBy: null, cardsCollected: false,
      impressions: '<script>x</script>\n\n---', concerns: '', questions: '', learned: '', team: [],
    });
    const result = (await setup.call('exports.vaultToFolder', { jobId: randomUUID() })) as { folder: string };
    const body = (path: string) => readFileSync(join(result.folder, path), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');

    const note = readdirSync(join(result.folder, 'notes')).find((name) => frontMatterOf(readFileSync(join(result.folder, 'notes', name), 'utf8')).id === created.id)!;
    const [heading, ...rest] = parseMarkdown(body(`notes/${note}`));
    expect(heading).toEqual({ type: 'heading', level: 1, inline: [{ text: title.trim(), marks: [] }] });
    expect(rest).toEqual(docStructure(doc));

    const interviewFile = readdirSync(join(result.folder, 'interviews')).find((name) => frontMatterOf(readFileSync(join(result.folder, 'interviews', name), 'utf8')).id === interview.id)!;
    expect(parseMarkdown(body(`interviews/${interviewFile}`)).slice(1)).toEqual([
      { type: 'heading', level: 2, inline: [{ text: 'Next step', marks: [] }] },
      { type: 'paragraph', inline: [{ text: 'Call *Ana*', marks: [] }, { break: true }, { text: '- then wait', marks: [] }] },
      { type: 'heading', level: 2, inline: [{ text: 'Impressions', marks: [] }] },
      { type: 'paragraph', inline: [{ text: '<script>x</script>', marks: [] }] },
      { type: 'paragraph', inline: [{ text: '---', marks: [] }] },
    ]);
  });

  it('holds every card photo, those in the trash too, named as the JSON names them, and a manifest of what it holds', async () => {
    const contact = (await setup.call('contacts.create', { name: 'Carla Card' })) as { id: string };
    const front = (await setup.call('cards.add', { contactId: contact.id, fileName: 'front [1].png', mimeType: 'image/png', dataBase64: IMAGES.png })) as { id: string };
    const back = (await setup.call('cards.add', { contactId: contact.id, fileName: 'back.jpg', mimeType: 'image/jpeg', dataBase64: IMAGES.jpeg })) as { id: string };
    await setup.call('cards.delete', { id: back.id });
    const result = (await setup.call('exports.vaultToFolder', { jobId: randomUUID() })) as { folder: string; files: number };
    const root = result.folder;

    const dump = JSON.parse(readFileSync(join(root, 'afterview.json'), 'utf8')) as { tables: { cards: { id: string; file_name: string; deleted_at: string | null }[] } };
    expect(dump.tables.cards.map((card) => [card.id, card.deleted_at !== null])).toEqual([[front.id, false], [back.id, true]]);
    for (const card of dump.tables.cards) {
      expect(readFileSync(join(root, 'attachments', card.file_name))).toEqual(readFileSync(join(setup.vault.attachmentsDir, card.file_name)));
    }

    const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Record<string, unknown> & { data: { sha256: string; bytes: number }; tables: Record<string, number>; attachments: { path: string; sha256: string }[] };
    expect(manifest).toMatchObject({ format: 'afterview-export', formatVersion: 1, appVersion: '1.2.3-test', schemaVersion: setup.vault.schemaVersion, exportedAt: NOW, missingAttachments: [] });
    const dumpBytes = readFileSync(join(root, 'afterview.json'));
    expect(manifest.data).toEqual({ path: 'afterview.json', bytes: dumpBytes.length, sha256: createHash('sha256').update(dumpBytes).digest('hex') });
    expect(manifest.tables.cards).toBe(2);
    expect(manifest.tables.notes).toBe((setup.vault.db.prepare('SELECT COUNT(*) AS n FROM notes').get() as { n: number }).n);
    expect(manifest.attachments.map((file) => [file.path, file.sha256])).toEqual(
      dump.tables.cards.map((card) => [`attachments/${card.file_name}`, createHash('sha256').update(readFileSync(join(root, 'attachments', card.file_name))).digest('hex')]),
    );

    // The contact's page in Markdown shows the card that is not in the trash.
    const contactFile = readFileSync(join(root, 'contacts', 'Carla Card.md'), 'utf8');
    expect(contactFile).toContain(`## Business cards\n\n![Business card (front \\[1\\].png)](../attachments/${front.id}.png)\n`);
    expect(contactFile).not.toContain(back.id);
  });

  it('reports progress that only moves forward and ends at 100%', async () => {
    const jobId = randomUUID();
    await setup.call('exports.vaultToFolder', { jobId });
    const events = setup.progress.filter((event) => event.jobId === jobId);
    expect(events.length).toBeGreaterThan(1);
    for (let index = 1; index < events.length; index++) {
      expect(events[index]!.done / events[index]!.total).toBeGreaterThan(events[index - 1]!.done / events[index - 1]!.total);
    }
    const last = events.at(-1)!;
    expect(last.done).toBe(last.total);
  });

  it('keeps an earlier export of the same day and writes the new one beside it', async () => {
    await setup.call('exports.vaultToFolder', { jobId: randomUUID() });
    const second = (await setup.call('exports.vaultToFolder', { jobId: randomUUID() })) as { folder: string };
    expect(second.folder).toBe(join(setup.target.dir, `${FOLDER} (2)`));
    expect(readdirSync(setup.target.dir).sort()).toEqual([FOLDER, `${FOLDER} (2)`]);
  });

  it('stops on Cancel and leaves nothing behind', async () => {
    const jobId = randomUUID();
    let canceled: unknown;
    setup.onProgress = (event) => {
      if (!canceled && event.done > 0) canceled = setup.call('exports.vaultCancel', { jobId });
    };
    const result = await setup.call('exports.vaultToFolder', { jobId });
    expect(result).toEqual({ outcome: 'canceled' });
    expect(await canceled).toEqual({ canceled: true });
    expect(readdirSync(setup.target.dir)).toEqual([]);
    expect(setup.progress.at(-1)!.done).toBeLessThan(setup.progress.at(-1)!.total);
  });

  it('writes nothing when the user closes the folder dialog', async () => {
    setup.pick = async () => null;
    expect(await setup.call('exports.vaultToFolder', { jobId: randomUUID() })).toEqual({ outcome: 'canceled' });
    expect(readdirSync(setup.target.dir)).toEqual([]);
  });

  it('says so when the chosen folder is gone, and a cancel of no running export changes nothing', async () => {
    const file = setup.target.file('not-a-folder');
    writeFileSync(file, 'x');
    setup.pick = async () => file;
    const error = await setup.fail('exports.vaultToFolder', { jobId: randomUUID() });
    expect(error.message).toMatch(/no longer there/);
    expect(readdirSync(setup.target.dir)).toEqual(['not-a-folder']);
    expect(await setup.call('exports.vaultCancel', { jobId: randomUUID() })).toEqual({ canceled: false });
  });

  it('runs one export at a time', async () => {
    let second: Promise<{ code: string; message: string }> | undefined;
    setup.onProgress = () => {
      second ??= setup.fail('exports.vaultToFolder', { jobId: randomUUID() });
    };
    await setup.call('exports.vaultToFolder', { jobId: randomUUID() });
    expect((await second!).message).toMatch(/already running/);
  });
});

describe('whole vault as a zip', () => {
  function collector() {
    const chunks: Buffer[] = [];
    return { chunks, output: { write: (chunk: Uint8Array) => (chunks.push(Buffer.from(chunk)), true), drained: async () => undefined } };
  }

  it('holds the same files under one top folder', async () => {
    const exports = createVaultExports({ db: setup.vault.db, attachmentsDir: setup.vault.attachmentsDir, schemaVersion: setup.vault.schemaVersion, appVersion: 'zip', now: () => new Date(NOW) });
    const { chunks, output } = collector();
    expect(await exports.toZip(randomUUID(), output)).toBe(true);
    const zip = Buffer.concat(chunks);
    const names = zipEntryNames(zip);
    expect(names.every((name) => name.startsWith(`${FOLDER}/`) && !name.includes('..'))).toBe(true);
    expect(names.filter((name) => name.startsWith(`${FOLDER}/notes/`))).toHaveLength(visibleNoteIds().length);
    expect(unzipEntry(zip, `${FOLDER}/notes/Same (2).md`)).toMatch(/\n# Same\n\nsecond\n$/);
    const dump = JSON.parse(unzipEntry(zip, `${FOLDER}/afterview.json`)!) as { schemaVersion: number };
    expect(dump.schemaVersion).toBe(setup.vault.schemaVersion);
  });

  it('stops on cancel without finishing the archive', async () => {
    const progress: ExportProgress[] = [];
    const jobId = randomUUID();
    const exports = createVaultExports({
      db: setup.vault.db, attachmentsDir: setup.vault.attachmentsDir, schemaVersion: 1, appVersion: 'zip', now: () => new Date(NOW),
      emitProgress: (event) => {
        progress.push(event);
        if (event.done > 0) exports.cancel(jobId);
      },
    });
    const { chunks, output } = collector();
    expect(await exports.toZip(jobId, output)).toBe(false);
    expect(zipEntryNames(Buffer.concat(chunks))).toEqual([]);
    expect(exports.isRunning()).toBe(false);
  });
});
