import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyBackupFile } from '#core/backup/backup-file';
import { backupDirFor } from '#core/backup/backups';
import { runNow } from '#core/backup/steps';
import { createDispatch } from '#core/dispatch';
import { createHandlers } from '#core/handlers/index';
import { finishProtectionChange } from '#core/keys/change-protection';
import { readKeyFile } from '#core/keys/key-file';
import { keyFromPassphrase } from '#core/keys/protection';
import { openVault } from '#core/vault/connection';
import { photo } from '#support/backup-fixtures';
import { docOf } from '#support/core-harness';
import { tempDir } from '#support/temp-vault';
import { bundleForNode } from '../bench/bundle';
import { runAndKill } from './kill-child';

const KILLS = Number(process.env.AFTERVIEW_PROTECTION_KILLS ?? 12);
const PASSPHRASE = 'correct horse battery staple';
const dir = tempDir('afterview-protection-crash-');
afterAll(() => dir.remove());

/** The vault as the app opens it at start: a committed change put in place, an uncommitted one undone, then the key from the key file. */
async function openAsAtStart(vaultPath: string) {
  finishProtectionChange(vaultPath);
  const keyFile = readKeyFile(vaultPath);
  const key = keyFile?.protection?.method === 'passphrase' ? await keyFromPassphrase(keyFile.protection, PASSPHRASE) : null;
  if (keyFile?.protection && !key) throw new Error('the passphrase no longer opens the vault');
  const vault = openVault(vaultPath, { key });
  return { vault, key };
}

describe('turning encryption on, off or changing its key, killed half-way', () => {
  it(`leaves the old vault or the new one whole and openable, with every photo and backup, across ${KILLS} SIGKILLs`, async () => {
    const vaultPath = dir.file('vault.afterview.sqlite');
    const vault = openVault(vaultPath);
    const dispatch = createDispatch(createHandlers({ vault, appVersion: 'test', now: () => new Date() }));
    const call = async (channel: string, input: unknown) => {
      const result = await dispatch(channel, input);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as { id: string };
    };
    const contact = await call('contacts.create', { name: 'Carla Gomez' });
    for (const size of [400_000, 30_000]) await call('cards.add', { contactId: contact.id, fileName: 'card.png', mimeType: 'image/png', dataBase64: photo(size) });
    const opening = await call('openings.create', { companyName: 'Acme', role: 'Analyst' });
    const note = await call('notes.create', { parentType: 'opening', parentId: opening.id, title: 'Salary' });
    await call('notes.save', { id: note.id, title: 'Salary', doc: docOf('They offered a four-day week.') });
    await call('backups.create', undefined);
    await call('backups.create', undefined);
    vault.close();
    const backups = backupDirFor(vaultPath);
    // The rewrite thread's code bundled, as in the desktop app (from the sources, through tsx, it would spend most of each change loading);
    // inside the project, where its packages resolve.
    const worker = await bundleForNode(resolve('electron/core/keys/rewrite-worker.ts'), resolve('node_modules/.cache/afterview-protection-crash'));

    const seen = { encrypted: 0, plain: 0, interrupted: 0, changes: 0 };
    // Each kill lands at a random moment; on a busy machine fewer land mid-change, so up to twice as many runs
    // are made until enough have (the proof needs kills inside the change, not only before or after it).
    let runs = 0;
    for (let run = 0; run < KILLS || (seen.interrupted <= KILLS / 3 && run < KILLS * 2); run++) {
      runs++;
      const { lines, errors } = await runAndKill('tests/reliability/protection-crash-writer.ts', [vaultPath, PASSPHRASE, worker], 50 + Math.floor(Math.random() * 5_000), (line) => line === 'ready');
      expect(errors).toBe('');
      seen.changes += lines.length - 1;
      if (readdirSync(dir.dir).some((name) => name.includes('.rewrite.part')) || readdirSync(backups).some((name) => name.endsWith('.rewrite.part'))) seen.interrupted++;

      const { vault: reopened, key } = await openAsAtStart(vaultPath);
      seen[key ? 'encrypted' : 'plain']++;
      expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const again = createDispatch(createHandlers({ vault: reopened, appVersion: 'test', now: () => new Date() }));
      const read = async (channel: string, input: unknown) => {
        const result = await again(channel, input);
        if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
        return result.value;
      };
      // Everything the user kept is there, photos included, under whichever key the vault has now.
      const { cards } = (await read('contacts.get', { id: contact.id })) as { cards: { id: string }[] };
      expect(cards).toHaveLength(2);
      for (const card of cards) expect(((await read('cards.read', { id: card.id })) as { dataBase64: string }).dataBase64.length).toBeGreaterThan(30_000);
      expect(JSON.stringify(await read('notes.get', { id: note.id }))).toContain('four-day week');
      const listed = (await read('backups.list', undefined)) as { backups: { fileName: string; contents: unknown }[] };
      reopened.close();
      key?.fill(0);
      expect(readdirSync(dir.dir).filter((name) => name.includes('.part'))).toEqual([]);
      expect(readdirSync(backups).filter((name) => name.startsWith('.'))).toEqual([]);
      expect(listed.backups).toHaveLength(2);
      const keyFile = readKeyFile(vaultPath);
      const backupKey = keyFile?.protection?.method === 'passphrase' ? await keyFromPassphrase(keyFile.protection, PASSPHRASE) : null;
      for (const backup of listed.backups) {
        expect(backup.contents).not.toBeNull();
        expect(runNow(verifyBackupFile(join(backups, backup.fileName), backupKey)).parts).toHaveLength(3);
      }
      expect(existsSync(vaultPath)).toBe(true);
    }
    console.info(`protection crash test: ${runs} kills, ${seen.interrupted} mid-change, ${seen.changes} changes made, reopened ${seen.encrypted} times encrypted and ${seen.plain} plain, nothing lost`);
    expect(seen.interrupted).toBeGreaterThan(KILLS / 3);
  }, 60_000 + KILLS * 2 * 40_000);
});
