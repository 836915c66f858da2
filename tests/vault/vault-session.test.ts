import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '#core/dispatch';
import { createHandlers } from '#core/handlers/index';
import { keyFilePath } from '#core/keys/key-file';
import type { Keychain } from '#core/keys/keychain';
import { createVaultSession, LOCK_SAVE_GRACE_MS, type SessionEvent } from '#core/keys/vault-session';
import { isPlainSqliteFile } from '#core/vault/cipher';
import { docOf } from '#support/core-harness';
import { tempDir } from '#support/temp-vault';

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };
const PASSPHRASE = 'correct horse battery staple';

let dir = tempDir('afterview-session-');
const sessions: { close(): void }[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
  dir.remove();
  dir = tempDir('afterview-session-');
});

/** A keychain that seals by reversing and tagging: enough to tell a sealed key from the key. */
const fakeKeychain: Keychain = {
  status: () => ({ available: true }),
  seal: (secret) => Buffer.from(`k:${[...secret].reverse().join('')}`),
  open: (blob) => [...blob.toString().slice(2)].reverse().join(''),
};

function session(keychain?: Keychain) {
  let clock = Date.parse('2026-03-02T09:00:00.000Z');
  const events: SessionEvent[] = [];
  const vaultPath = dir.file('vault.afterview.sqlite');
  const made = createVaultSession({
    vaultPath,
    appVersion: 'test',
    now: () => new Date(clock),
    keychain,
    kdfCost: CHEAP,
    emit: (event) => events.push(event),
    start: (vault, control) => ({ dispatch: createDispatch(createHandlers({ vault, appVersion: 'test', now: () => new Date(clock), swapVaultFile: control.swapVaultFile })), stop: () => undefined }),
  });
  sessions.push(made);
  async function call<T = { id: string }>(channel: string, input?: unknown): Promise<T> {
    const result = await made.dispatch(channel, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code, field: result.error.field });
    return result.value as T;
  }
  return { session: made, call, events, vaultPath, advance: (ms: number) => void (clock += ms) };
}

async function aNote(call: ReturnType<typeof session>['call']) {
  const opening = await call('openings.create', { companyName: 'Acme', role: 'Analyst' });
  const note = await call('notes.create', { parentType: 'opening', parentId: opening.id, title: 'Salary' });
  await call('notes.save', { id: note.id, title: 'Salary', doc: docOf('They offered a four-day week.') });
  return note.id;
}

describe('the vault session: encryption turned on, locked, unlocked, changed and turned off', () => {
  it('encrypts with a passphrase after a backup, and a restart asks for it', async () => {
    const first = session();
    expect(first.session.begin()).toMatchObject({ state: 'open', protection: 'none' });
    const noteId = await aNote(first.call);

    const { recoveryKey } = await first.call<{ recoveryKey: string }>('encryption.turnOn', { method: 'passphrase', passphrase: PASSPHRASE });
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(isPlainSqliteFile(first.vaultPath)).toBe(false);
    expect(readFileSync(keyFilePath(first.vaultPath), 'utf8')).not.toContain(recoveryKey);
    expect(first.events).toContainEqual({ name: 'vault.reopened', payload: {} });
    // Still open, same data, and the backup made first is there.
    expect(JSON.stringify(await first.call('notes.get', { id: noteId }))).toContain('four-day week');
    const { backups } = await first.call<{ backups: { reason: string }[] }>('backups.list');
    expect(backups.map((backup) => backup.reason)).toContain('pre-encryption');
    first.session.close();

    const restarted = session();
    expect(restarted.session.begin()).toMatchObject({ state: 'locked', protection: 'passphrase' });
    await expect(restarted.call('notes.get', { id: noteId })).rejects.toMatchObject({ code: 'LOCKED' });
    await expect(restarted.call('vault.unlock', { secret: 'not my passphrase' })).rejects.toThrow(/does not open this vault/);
    expect(restarted.session.isLocked()).toBe(true);
    await restarted.call('vault.unlock', { secret: PASSPHRASE });
    expect(JSON.stringify(await restarted.call('notes.get', { id: noteId }))).toContain('four-day week');
    restarted.session.close();

    // The recovery key opens it too, typed loosely.
    const recovered = session();
    recovered.session.begin();
    await expect(recovered.call('vault.unlock', { secret: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA', kind: 'recovery' })).rejects.toThrow(/recovery key does not open/);
    await recovered.call('vault.unlock', { secret: recoveryKey.toLowerCase().replace(/-/g, ' '), kind: 'recovery' });
    expect(recovered.session.isLocked()).toBe(false);
  }, 30_000);

  it('locks without closing: reads are refused, a save already on its way lands, and the passphrase opens it again', async () => {
    const { session: made, call, events, advance } = session();
    made.begin();
    const noteId = await aNote(call);
    await call('encryption.turnOn', { method: 'passphrase', passphrase: PASSPHRASE });
    await call('vault.lock');
    expect(events.at(-1)).toEqual({ name: 'vault.lockChanged', payload: { state: 'locked' } });
    await expect(call('notes.get', { id: noteId })).rejects.toMatchObject({ code: 'LOCKED' });
    await call('notes.save', { id: noteId, title: 'Salary', doc: docOf('Saved as it locked.') });
    advance(LOCK_SAVE_GRACE_MS);
    await expect(call('notes.save', { id: noteId, title: 'Salary', doc: docOf('Too late.') })).rejects.toMatchObject({ code: 'LOCKED' });
    await call('vault.unlock', { secret: PASSPHRASE });
    expect(JSON.stringify(await call('notes.get', { id: noteId }))).toContain('Saved as it locked.');
  }, 30_000);

  it('refuses a wrong current passphrase or a short new one, and changes nothing', async () => {
    const { session: made, call, vaultPath } = session();
    made.begin();
    await call('encryption.turnOn', { method: 'passphrase', passphrase: PASSPHRASE });
    const keys = readFileSync(keyFilePath(vaultPath));
    const vault = readFileSync(vaultPath);
    await expect(call('encryption.changePassphrase', { current: 'wrong passphrase', next: 'a brand new passphrase' })).rejects.toMatchObject({ field: 'current', message: expect.stringMatching(/does not open this vault/) });
    await expect(call('encryption.changePassphrase', { current: PASSPHRASE, next: 'short' })).rejects.toMatchObject({ field: 'next' });
    await expect(call('encryption.turnOff', { current: 'wrong passphrase' })).rejects.toMatchObject({ field: 'current' });
    expect(readFileSync(keyFilePath(vaultPath)).equals(keys)).toBe(true);
    expect(readFileSync(vaultPath).equals(vault)).toBe(true);

    const { recoveryKey } = await call<{ recoveryKey: string }>('encryption.changePassphrase', { current: PASSPHRASE, next: 'a brand new passphrase' });
    expect(recoveryKey).toBeTruthy();
    made.close();
    const again = session();
    again.session.begin();
    await expect(again.call('vault.unlock', { secret: PASSPHRASE })).rejects.toThrow(/does not open/);
    await again.call('vault.unlock', { secret: 'a brand new passphrase' });
    await again.call('encryption.turnOff', { current: 'a brand new passphrase' });
    expect(isPlainSqliteFile(vaultPath)).toBe(true);
    expect(await again.call('vault.lockStatus')).toMatchObject({ state: 'open', protection: 'none' });
  }, 30_000);

  it('after the recovery key opened it, asks for a new passphrase that replaces the forgotten one, without rewriting the vault', async () => {
    const first = session();
    first.session.begin();
    const noteId = await aNote(first.call);
    const { recoveryKey } = await first.call<{ recoveryKey: string }>('encryption.turnOn', { method: 'passphrase', passphrase: PASSPHRASE });
    first.session.close();

    const forgot = session();
    forgot.session.begin();
    // Only the recovery key earns a new passphrase without the current one.
    await forgot.call('vault.unlock', { secret: PASSPHRASE });
    await expect(forgot.call('vault.setNewPassphrase', { next: 'a brand new passphrase' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await forgot.call('vault.lock');
    expect(await forgot.call('vault.unlock', { secret: recoveryKey, kind: 'recovery' })).toMatchObject({ state: 'open', needsNewPassphrase: true });
    const vaultBytes = readFileSync(forgot.vaultPath);
    await expect(forgot.call('vault.setNewPassphrase', { next: 'short' })).rejects.toMatchObject({ field: 'next' });
    expect(await forgot.call('vault.lockStatus')).toMatchObject({ needsNewPassphrase: true });
    expect(await forgot.call('vault.setNewPassphrase', { next: 'a brand new passphrase' })).toMatchObject({ state: 'open', needsNewPassphrase: false });
    expect(readFileSync(forgot.vaultPath).equals(vaultBytes)).toBe(true);
    await expect(forgot.call('vault.setNewPassphrase', { next: 'yet another passphrase' })).rejects.toMatchObject({ code: 'CONFLICT' });
    forgot.session.close();

    const again = session();
    again.session.begin();
    await expect(again.call('vault.unlock', { secret: PASSPHRASE })).rejects.toThrow(/does not open/);
    expect(await again.call('vault.unlock', { secret: 'a brand new passphrase' })).toMatchObject({ state: 'open', needsNewPassphrase: false });
    expect(JSON.stringify(await again.call('notes.get', { id: noteId }))).toContain('four-day week');
    await again.call('vault.lock');
    // The recovery key the user kept goes on working.
    expect(await again.call('vault.unlock', { secret: recoveryKey, kind: 'recovery' })).toMatchObject({ state: 'open', needsNewPassphrase: true });
  }, 30_000);

  it('restores a backup into an encrypted vault: the file is swapped in, still encrypted, and the vault open on it', async () => {
    const { session: made, call, vaultPath, advance } = session();
    made.begin();
    const noteId = await aNote(call);
    await call('encryption.turnOn', { method: 'passphrase', passphrase: PASSPHRASE });
    advance(60_000);
    const backup = await call<{ fileName: string }>('backups.create');
    await call('notes.save', { id: noteId, title: 'Salary', doc: docOf('Changed after the backup.') });
    advance(60_000);
    await call('backups.restore', { fileName: backup.fileName });
    expect(JSON.stringify(await call('notes.get', { id: noteId }))).toContain('four-day week');
    expect(isPlainSqliteFile(vaultPath)).toBe(false);
    made.close();
    const again = session();
    again.session.begin();
    await again.call('vault.unlock', { secret: PASSPHRASE });
    expect(JSON.stringify(await again.call('notes.get', { id: noteId }))).toContain('four-day week');
  }, 30_000);

  it('keeps the key in the system keychain, opening by itself at start; a plain vault cannot lock', async () => {
    const { session: made, call, vaultPath } = session(fakeKeychain);
    made.begin();
    await expect(call('vault.lock')).resolves.toMatchObject({ state: 'open' });
    expect(await call<{ recoveryKey: string | null }>('encryption.turnOn', { method: 'keychain' })).toEqual({ recoveryKey: null });
    expect(isPlainSqliteFile(vaultPath)).toBe(false);
    made.close();
    const restarted = session(fakeKeychain);
    expect(restarted.session.begin()).toMatchObject({ state: 'open', protection: 'keychain' });
    // Without the keychain (the preview, another account) it says so plainly.
    const elsewhere = session();
    expect(() => elsewhere.session.begin()).toThrow(/system keychain/);
  }, 30_000);
});
