import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VaultImportInspected } from '#shared/domain/vault-import';
import { createDispatch } from '#core/dispatch';
import { createHandlers } from '#core/handlers/index';
import { createVaultSession } from '#core/keys/vault-session';
import { DERIVED } from '#core/vault/read-models/table-dump';
import type { Vault } from '#core/vault/connection';
import { docOf, IMAGES } from '#support/core-harness';
import { sevenZip, sevenZipAvailable } from '#support/seven-zip';
import { tempDir, type TempDir } from '#support/temp-vault';

// A protected export derives a key per file (PBKDF2) and the vault passphrase is checked with scrypt: slow on a busy machine, not a timing goal.
vi.setConfig({ testTimeout: 120_000 });

/**
 * A whole-vault export protected with a passphrase, along the desktop's path:
 * an encrypted vault (its passphrase kept by the session) exported through
 * exports.vaultToZip with the save dialog answered by the test, then brought
 * into an empty vault through imports.pick and imports.unlock.
 */
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };
const VAULT_PASSPHRASE = 'correct horse battery staple';
const NOW = '2026-03-02T09:00:00.000Z';
/** Words that are in the vault and must be nowhere in the protected zip's bytes. */
const SECRET_WORDS = ['Zanzibar', 'Quetzalcoatl', 'Marguerite Okonkwo', 'Okonkwo', 'Hyperion Lattice'];

let dir: TempDir;
const sessions: { close(): void }[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
  dir?.remove();
});

/** The core behind a vault session, as a shell runs it, with its save and open dialogs answered by the test. */
function desktop(vaultPath: string) {
  const dialogs = { zipFile: null as string | null, source: null as string | null };
  let opened: Vault | null = null;
  const session = createVaultSession({
    vaultPath,
    appVersion: '1.2.3-test',
    now: () => new Date(NOW),
    kdfCost: CHEAP,
    emit: () => undefined,
    start: (vault, control) => {
      opened = vault;
      const handlers = createHandlers({
        vault,
        appVersion: '1.2.3-test',
        now: () => new Date(NOW),
        swapVaultFile: control.swapVaultFile,
        isVaultPassphrase: control.isVaultPassphrase,
        pickZipFile: async () => dialogs.zipFile,
        pickImportSource: async () => dialogs.source,
      });
      return { dispatch: createDispatch(handlers, () => undefined, { validateOutput: true }), stop: () => undefined };
    },
  });
  sessions.push(session);
  session.begin();
  const call = async <T = { id: string },>(channel: string, input?: unknown): Promise<T> => {
    const result = await session.dispatch(channel, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code, field: result.error.field });
    return result.value as T;
  };
  return { call, dialogs, vault: () => opened! };
}

function rowDigests(vault: Vault): Record<string, string> {
  const tables = (vault.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((row) => row.name).filter((name) => !DERIVED.test(name));
  return Object.fromEntries(
    tables.map((table) => {
      const rows = (vault.db.prepare(`SELECT * FROM "${table}"`).all() as unknown[]).map((row) => JSON.stringify(row)).sort();
      return [table, `${rows.length} ${createHash('sha256').update(rows.join('\n')).digest('hex')}`];
    }),
  );
}

/** An encrypted vault holding a known note, a contact with a business-card photo, and the opening they belong to. */
async function encryptedVaultWithSecrets() {
  const app = desktop(dir.file('source/vault.afterview.sqlite'));
  const opening = await app.call('openings.create', { companyName: 'Hyperion Lattice', role: 'Staff engineer' });
  const note = await app.call('notes.create', { parentType: 'opening', parentId: opening.id, title: 'Zanzibar offsite' });
  await app.call('notes.save', { id: note.id, title: 'Zanzibar offsite', doc: docOf('The Quetzalcoatl project needs someone by June.') });
  const contact = await app.call('contacts.create', { name: 'Marguerite Okonkwo', companyName: 'Hyperion Lattice' });
  await app.call('cards.add', { contactId: contact.id, fileName: 'card', mimeType: 'image/png', dataBase64: IMAGES.png });
  await app.call('encryption.turnOn', { method: 'passphrase', passphrase: VAULT_PASSPHRASE });
  return app;
}

async function exportProtected(app: ReturnType<typeof desktop>, protection: unknown, name: string) {
  app.dialogs.zipFile = dir.file(name);
  return app.call<{ outcome: string; file: string; files: number; protected: boolean }>('exports.vaultToZip', { jobId: randomUUID(), protection });
}

describe('a whole-vault export protected with the vault’s passphrase', () => {
  it('holds none of the vault’s words, and comes back in whole with the passphrase', async () => {
    dir = tempDir('afterview-protected-export-');
    const source = await encryptedVaultWithSecrets();
    const saved = await exportProtected(source, { kind: 'vaultPassphrase', passphrase: VAULT_PASSPHRASE }, 'export.zip');
    expect(saved).toMatchObject({ outcome: 'saved', file: dir.file('export.zip'), protected: true });
    const zip = readFileSync(saved.file);
    for (const word of SECRET_WORDS) {
      expect(zip.includes(word), word).toBe(false);
      expect(zip.includes(Buffer.from(word, 'utf16le')), word).toBe(false);
    }
    // Only the zip is left: written beside, renamed into place.
    expect(readdirSync(dir.dir).filter((name) => name.includes('partial'))).toEqual([]);

    const target = desktop(dir.file('target/vault.afterview.sqlite'));
    target.dialogs.source = saved.file;
    const asked = await target.call<VaultImportInspected>('imports.pick', { jobId: randomUUID(), source: 'zip' });
    expect(asked.outcome).toBe('needsPassphrase');
    const sourceId = (asked as { sourceId: string }).sourceId;
    const before = rowDigests(target.vault());

    await expect(target.call('imports.unlock', { jobId: randomUUID(), sourceId, passphrase: 'not the passphrase' })).rejects.toMatchObject({
      field: 'passphrase',
      message: 'That passphrase does not open this export. Check Caps Lock and the keyboard layout, then try again. Nothing was changed.',
    });
    expect(rowDigests(target.vault())).toEqual(before);
    // The zip is the user's own file: never removed, and still waiting for another try.
    expect(existsSync(saved.file)).toBe(true);

    const ready = await target.call<VaultImportInspected>('imports.unlock', { jobId: randomUUID(), sourceId, passphrase: VAULT_PASSPHRASE });
    if (ready.outcome !== 'ready') throw new Error(`not ready: ${ready.outcome}`);
    expect(ready.preview.vaultWasEmpty).toBe(true);
    await target.call('imports.run', { jobId: randomUUID(), importId: ready.preview.importId });
    expect(rowDigests(target.vault())).toEqual(rowDigests(source.vault()));
    const [card] = target.vault().db.prepare('SELECT file_name AS fileName FROM cards').all() as { fileName: string }[];
    expect(existsSync(join(target.vault().attachmentsDir, card!.fileName))).toBe(true);
  });

  it('refuses a passphrase that is not the vault’s, before the save dialog and without writing anything', async () => {
    dir = tempDir('afterview-protected-export-');
    const source = await encryptedVaultWithSecrets();
    source.dialogs.zipFile = dir.file('never.zip');
    await expect(source.call('exports.vaultToZip', { jobId: randomUUID(), protection: { kind: 'vaultPassphrase', passphrase: 'a guess at it' } })).rejects.toMatchObject({ field: 'passphrase' });
    await expect(source.call('exports.checkZipProtection', { protection: { kind: 'vaultPassphrase', passphrase: 'a guess at it' } })).rejects.toMatchObject({ field: 'passphrase' });
    expect(await source.call('exports.checkZipProtection', { protection: { kind: 'vaultPassphrase', passphrase: VAULT_PASSPHRASE } })).toEqual({ protected: true });
    expect(existsSync(dir.file('never.zip'))).toBe(false);
  });
});

describe.runIf(sevenZipAvailable())('a protected export, checked by 7-Zip', () => {
  it('passes `7z t` with its passphrase and fails it with another', async () => {
    dir = tempDir('afterview-protected-export-');
    const source = await encryptedVaultWithSecrets();
    const saved = await exportProtected(source, { kind: 'newPassphrase', passphrase: 'just for this export' }, 'seven.zip');
    const good = sevenZip(['t', '-pjust for this export', saved.file]);
    expect(good.output).toMatch(/Everything is Ok/);
    expect(good.status).toBe(0);
    const wrong = sevenZip(['t', '-pwrong', saved.file]);
    expect(wrong.status).not.toBe(0);
    expect(wrong.output).toMatch(/Wrong password/i);
  });
});
