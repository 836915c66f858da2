import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDirFor } from '#core/backup/backup-folder';
import { createDispatch } from '#core/dispatch';
import { createHandlers } from '#core/handlers/index';
import { changeProtection } from '#core/keys/change-protection';
import { DEFAULT_LOCK_POLICY } from '#core/keys/key-file';
import { newVaultKey, protectWithPassphrase } from '#core/keys/protection';
import { openVault, type Vault } from '#core/vault/connection';
import { photo } from '#support/backup-fixtures';
import { docOf } from '#support/core-harness';
import { tempDir } from '#support/temp-vault';

/** Words only the user typed: none may appear in any file of an encrypted vault. */
const NOTE_WORDS = ['Zanzibarian', 'quokkafeather'];
const CONTACT = 'Wilhelmina Okonkwo-Thistlewood';
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

let dir = tempDir('afterview-at-rest-');
afterEach(() => {
  dir.remove();
  dir = tempDir('afterview-at-rest-');
});

async function use(vault: Vault) {
  const dispatch = createDispatch(createHandlers({ vault, appVersion: 'test', now: () => new Date() }));
  return async (channel: string, input: unknown) => {
    const result = await dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as { id: string };
  };
}

/** Every file the vault keeps: the database and its side files, its photos, its backups. */
function everyFile(vaultPath: string): string[] {
  const files = readdirSync(dirname(vaultPath)).filter((name) => name.startsWith('vault')).map((name) => join(dirname(vaultPath), name));
  const attachments = join(dirname(vaultPath), 'attachments');
  if (existsSync(attachments)) files.push(...readdirSync(attachments).map((name) => join(attachments, name)));
  const backups = backupDirFor(vaultPath);
  if (existsSync(backups)) files.push(...readdirSync(backups).map((name) => join(backups, name)));
  return files;
}

/** Which of the secrets each file shows, in UTF-8 or UTF-16 (SQLite may keep either). */
function leaks(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const secret of [...NOTE_WORDS, CONTACT]) {
      for (const encoding of ['utf8', 'utf16le'] as const) if (bytes.includes(Buffer.from(secret, encoding))) found.push(`${secret} in ${file}`);
    }
  }
  return found;
}

async function fillAndBackUp(vault: Vault, word: string) {
  const call = await use(vault);
  const contact = await call('contacts.create', { name: CONTACT });
  await call('cards.add', { contactId: contact.id, fileName: 'card.png', mimeType: 'image/png', dataBase64: photo(20_000) });
  // The card's photo holds the contact's name too, as a scanned card would.
  await call('cards.add', { contactId: contact.id, fileName: 'named.png', mimeType: 'image/png', dataBase64: Buffer.concat([Buffer.from(photo(100), 'base64'), Buffer.from(CONTACT)]).toString('base64') });
  const opening = await call('openings.create', { companyName: 'Acme', role: 'Analyst' });
  const note = await call('notes.create', { parentType: 'opening', parentId: opening.id, title: 'Notes' });
  await call('notes.save', { id: note.id, title: 'Notes', doc: docOf(`The ${word} question came up twice.`) });
  await call('backups.create', undefined);
}

describe('an encrypted vault at rest', () => {
  it('shows none of a note’s words or a contact’s name in the vault, its WAL, any backup or any photo', async () => {
    const vaultPath = dir.file('vault.afterview.sqlite');
    const plain = openVault(vaultPath);
    await fillAndBackUp(plain, NOTE_WORDS[0]!);
    // The search below finds them while the vault is plain: it can tell.
    expect(leaks(everyFile(vaultPath)).length).toBeGreaterThan(0);
    plain.close();

    const key = newVaultKey();
    const { protection } = await protectWithPassphrase(key, 'correct horse battery staple', CHEAP);
    await changeProtection({ vaultPath, from: null, to: key, protection, lock: DEFAULT_LOCK_POLICY });

    // Written to after encryption, kept open: the WAL is on disk with the new note in it.
    const encrypted = openVault(vaultPath, { key });
    await fillAndBackUp(encrypted, NOTE_WORDS[1]!);
    const files = everyFile(vaultPath);
    expect(files.some((file) => file.endsWith('-wal'))).toBe(true);
    expect(files.filter((file) => file.includes('backups'))).toHaveLength(2);
    expect(leaks(files)).toEqual([]);
    encrypted.close();
    expect(leaks(everyFile(vaultPath))).toEqual([]);
  }, 30_000);
});
