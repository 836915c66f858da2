import Database from 'better-sqlite3-multiple-ciphers';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch, type Dispatch } from '#core/dispatch';
import { createHandlers } from '#core/handlers/index';
import { openVault, type Vault } from '#core/vault/connection';
import { storageError } from '#core/vault/storage-errors';
import { tempDir, type TempDir } from '#support/temp-vault';

let dir: TempDir | undefined;
const mounts: string[] = [];
afterEach(() => {
  for (const mount of mounts.splice(0)) tryRun('umount', [mount]);
  dir?.remove();
  dir = undefined;
});

function tryRun(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A tiny tmpfs, where the machine allows mounting (root on Linux); otherwise null. */
function tinyDisk(size: string): string | null {
  dir = tempDir('afterview-fault-');
  const mount = join(dir.dir, 'disk');
  mkdirSync(mount);
  if (process.platform !== 'linux' || !tryRun('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mount])) return null;
  mounts.push(mount);
  return mount;
}

function harness(vault: Vault): Dispatch {
  return createDispatch(createHandlers({ vault, appVersion: 'test', now: () => new Date('2026-05-01T10:00:00Z') }), () => undefined);
}

const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

async function seeded(vaultPath: string) {
  const vault = openVault(vaultPath);
  const dispatch = harness(vault);
  const opening = await dispatch('openings.create', { companyName: 'Acme', role: 'Analyst' });
  const openingId = (opening as { value: { id: string } }).value.id;
  const note = await dispatch('notes.create', { parentType: 'opening', parentId: openingId });
  const noteId = (note as { value: { id: string } }).value.id;
  expect((await dispatch('notes.save', { id: noteId, title: 'Kept', doc: paragraph('saved before the fault') })).ok).toBe(true);
  return { vault, dispatch, noteId };
}

describe('a full disk', () => {
  it('refuses the save with a clear message, keeps what was saved, and works again once space is freed', async (context) => {
    const disk = tinyDisk('2m');
    if (!disk) return context.skip();
    const { vault, dispatch, noteId } = await seeded(join(disk, 'vault.sqlite'));
    // Fill every remaining byte.
    const filler = join(disk, 'filler');
    const fd = openSync(filler, 'w');
    try {
      for (;;) writeSync(fd, Buffer.alloc(64 * 1024));
    } catch {
      // ENOSPC: the disk is full now.
    } finally {
      closeSync(fd);
    }
    const big = paragraph('x'.repeat(200_000));
    const result = await dispatch('notes.save', { id: noteId, title: 'Too big', doc: big });
    expect(result).toMatchObject({ ok: false, error: { code: 'VAULT_UNAVAILABLE', message: expect.stringMatching(/disk is full/) } });
    const kept = await dispatch('notes.get', { id: noteId });
    expect(kept).toMatchObject({ ok: true, value: { title: 'Kept' } });

    rmSync(filler);
    expect((await dispatch('notes.save', { id: noteId, title: 'After', doc: big })).ok).toBe(true);
    vault.close();
    const check = new Database(join(disk, 'vault.sqlite'));
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  });

  it('says the same where no small disk can be mounted (the error as SQLite reports it)', () => {
    const error = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    expect(storageError(error)?.message).toMatch(/disk is full, so nothing was saved/);
  });
});

describe('a read-only vault folder', () => {
  it('refuses writes with a clear message and changes nothing', async (context) => {
    const disk = tinyDisk('4m');
    if (!disk) return context.skip();
    const path = join(disk, 'vault.sqlite');
    const { vault, noteId } = await seeded(path);
    vault.close();
    expect(tryRun('mount', ['-o', 'remount,ro', disk])).toBe(true);
    const before = readFileSync(path);
    let opened: Vault | undefined;
    try {
      opened = openVault(path);
    } catch (error) {
      expect((error as Error).message).toMatch(/read-only|could not be opened/);
    }
    if (opened) {
      // SQLite may open the file for reading; a save must then be refused, not half-done.
      const result = await harness(opened)('notes.save', { id: noteId, title: 'x', doc: paragraph('x') });
      expect(result).toMatchObject({ ok: false, error: { code: 'VAULT_UNAVAILABLE', message: expect.stringMatching(/read-only/) } });
    }
    expect(readFileSync(path).equals(before)).toBe(true);
    opened?.close();
  });

  it('describes permission errors as a read-only folder', () => {
    expect(storageError(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }))?.message).toMatch(/read-only/);
    expect(storageError(Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' }))?.message).toMatch(/read-only/);
  });
});

describe('a damaged vault file', () => {
  it('will not open a file whose header is garbage, and leaves it as it was', () => {
    dir = tempDir('afterview-fault-');
    const path = dir.file('vault.sqlite');
    openVault(path).close();
    const bytes = readFileSync(path);
    bytes.fill(0x41, 0, 100);
    writeFileSync(path, bytes);
    expect(() => openVault(path)).toThrow(/vault file is damaged/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('answers a damaged page met mid-session with a clear message, not an internal error', async () => {
    dir = tempDir('afterview-fault-');
    const { vault } = await seeded(dir.file('vault.sqlite'));
    const handlers = createHandlers({ vault, appVersion: 'test', now: () => new Date() });
    const damaged = createDispatch(
      {
        ...handlers,
        'openings.list': () => {
          throw Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
        },
      },
      () => undefined,
    );
    expect(await damaged('openings.list', undefined)).toEqual({ ok: false, error: { code: 'VAULT_UNAVAILABLE', message: expect.stringMatching(/damaged.*backup/) } });
    vault.close();
  });
});

describe('a missing attachments folder', () => {
  it('is recreated when the vault opens, and a card whose file is gone says so', async () => {
    dir = tempDir('afterview-fault-');
    const path = dir.file('vault.sqlite');
    const { vault, dispatch } = await seeded(path);
    const contact = await dispatch('contacts.create', { name: 'Ana' });
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
    const card = await dispatch('cards.add', { contactId: (contact as { value: { id: string } }).value.id, fileName: 'card.png', mimeType: 'image/png', dataBase64: png });
    expect(card.ok).toBe(true);
    vault.close();
    rmSync(dir.file('attachments'), { recursive: true });
    const reopened = openVault(path);
    expect(statSync(dir.file('attachments')).isDirectory()).toBe(true);
    const read = await harness(reopened)('cards.read', { id: (card as { value: { id: string } }).value.id });
    expect(read).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    reopened.close();
  });
});
