/**
 * A change of protection writes the whole vault again. That happens in a
 * thread of its own, so the main process goes on answering meanwhile: this
 * test keeps calling the session, one call per turn of the event loop, while
 * a large vault is encrypted, and checks that calls were answered while the
 * database was being written (a rewrite on the main thread answers none
 * until it is over), that a read is refused plainly, and that a save made
 * meanwhile lands in the encrypted vault.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '#core/dispatch';
import { createHandlers } from '#core/handlers/index';
import { createVaultSession, type SessionEvent } from '#core/keys/vault-session';
import { isPlainSqliteFile } from '#core/vault/cipher';
import type { RewriteProgress, VaultLockStatus } from '#shared/domain/encryption';
import type { Envelope } from '#shared/ipc/errors';
import { docOf } from '#support/core-harness';
import { buildSyntheticVault } from '#support/synthetic-vault';
import { tempDir } from '#support/temp-vault';
import { addSyntheticNotes } from '../bench/synthetic-notes';

const PASSPHRASE = 'correct horse battery staple';
const dir = tempDir('afterview-rewrite-responsive-');
afterEach(() => dir.remove());

describe('a change of protection on a large vault', () => {
  it('leaves the main process answering while the vault is written again', async () => {
    let step: RewriteProgress['step'] | null = null;
    const steps: string[] = [];
    const made = createVaultSession({
      vaultPath: dir.file('vault.afterview.sqlite'),
      appVersion: 'test',
      now: () => new Date(),
      kdfCost: { N: 2 ** 10, r: 8, p: 1 },
      emit: (event: SessionEvent) => {
        if (event.name !== 'vault.rewriteProgress') return;
        step = event.payload.step;
        if (steps.at(-1) !== step) steps.push(step);
      },
      start: (vault) => ({ dispatch: createDispatch(createHandlers({ vault, appVersion: 'test', now: () => new Date() })), stop: () => undefined }),
    });
    made.begin();
    const db = made.vault()!.db;
    buildSyntheticVault(db, { seed: 7, scale: 0.05 });
    addSyntheticNotes(db, { seed: 7, count: 2_000, huge: 2 });
    const call = async <T,>(channel: string, input?: unknown): Promise<T> => {
      const result = await made.dispatch(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value as T;
    };
    const opening = await call<{ id: string }>('openings.create', { companyName: 'Acme', role: 'Analyst' });
    const note = await call<{ id: string }>('notes.create', { parentType: 'opening', parentId: opening.id, title: 'Salary' });

    let finished = false;
    const turnedOn = call('encryption.turnOn', { method: 'passphrase', passphrase: PASSPHRASE }).finally(() => (finished = true));
    // One call after another, each on a turn of its own, until the change is over.
    const answeredDuringDatabase: VaultLockStatus[] = [];
    let read: Envelope<unknown> | null = null;
    let save: Promise<Envelope<unknown>> | null = null;
    while (!finished) {
      await new Promise((resolve) => setImmediate(resolve));
      const asked = step;
      const status = await made.dispatch('vault.lockStatus', undefined);
      if (!status.ok) throw new Error(status.error.message);
      if (asked === 'database' && step === 'database') {
        answeredDuringDatabase.push(status.value as VaultLockStatus);
        read ??= await made.dispatch('notes.get', { id: note.id });
        save ??= made.dispatch('notes.save', { id: note.id, title: 'Salary', doc: docOf('Typed while the vault was rewritten.') });
      }
    }
    await turnedOn;

    expect(steps).toEqual(['backup', 'database', 'backups', 'finishing']);
    expect(answeredDuringDatabase.length).toBeGreaterThan(0);
    expect(answeredDuringDatabase[0]).toMatchObject({ state: 'open', rewrite: { step: 'database' } });
    expect(read).toMatchObject({ ok: false, error: { code: 'VAULT_UNAVAILABLE', message: expect.stringMatching(/writing your vault again/) } });
    // The save waited for the new vault, and landed in it.
    expect(await save).toMatchObject({ ok: true });
    expect(isPlainSqliteFile(dir.file('vault.afterview.sqlite'))).toBe(false);
    expect(JSON.stringify(await call('notes.get', { id: note.id }))).toContain('Typed while the vault was rewritten.');
    expect(await call('vault.lockStatus')).toMatchObject({ state: 'open', protection: 'passphrase', rewrite: null });
    made.close();
  }, 120_000);
});
