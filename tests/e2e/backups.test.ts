import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDirFor } from '#core/backup/backups';
import { photo } from '#support/backup-fixtures';
import { freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

interface Row {
  id: string;
}

/** A vault with an opening and a contact holding a card photo, backed up, and the backup carried off the computer. */
async function backupKeptElsewhere(): Promise<{ path: string; contact: Row; photoBytes: Buffer }> {
  await app.api('openings.create', { companyName: 'Before The Move', role: 'Analyst' });
  const contact = await app.api<Row>('contacts.create', { name: 'Carla Gomez', companyName: 'Before The Move' });
  const dataBase64 = photo(1_500_000);
  await app.api('cards.add', { contactId: contact.id, fileName: 'carla.png', mimeType: 'image/png', dataBase64 });
  const backup = await app.api<{ fileName: string }>('backups.create');
  mkdirSync(app.dir.file('usb-stick'));
  const path = join(app.dir.file('usb-stick'), 'my afterview.afterview-backup');
  copyFileSync(join(backupDirFor(app.vaultPath), backup.fileName), path);
  rmSync(join(backupDirFor(app.vaultPath), backup.fileName));
  return { path, contact, photoBytes: Buffer.from(dataBase64, 'base64') };
}

describe('Backups in Chromium', () => {
  it('restores a backup file chosen in the file field: the pages reload onto the restored vault, photos included', async () => {
    const { path, contact, photoBytes } = await backupKeptElsewhere();
    // Life goes on after the backup: a new opening, and the card photo deleted.
    await app.api('openings.create', { companyName: 'After The Backup', role: 'Designer' });
    const [card] = (await app.api<{ cards: Row[] }>('contacts.get', { id: contact.id })).cards;
    await app.api('cards.delete', { id: card!.id });

    const page = app.page;
    await page.goto(`${app.server.url}#/backups`);
    await page.getByRole('heading', { level: 1, name: 'Backups' }).waitFor();
    await page.getByLabel('Restore from a file…').setInputFiles(path);
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toMatch(/my afterview\.afterview-backup is a good backup, made by Afterview .*1 opening, 0 notes, 1 photo\./);
    await app.screenshot('backups-restore-from-file');
    await dialog.getByRole('button', { name: 'Restore' }).click();

    // The page reloads onto the restored vault and says so.
    await page.getByText(/^Restored the backup of /).waitFor();
    const rows = page.getByRole('table', { name: 'Backups, newest first' }).getByRole('row');
    await expect.poll(() => rows.filter({ hasText: 'Before a restore' }).count()).toBe(1);

    await page.goto(`${app.server.url}#/pipeline`);
    await page.getByRole('link', { name: 'Analyst', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Designer', exact: true }).count()).toBe(0);

    await page.goto(`${app.server.url}#/contacts/${contact.id}`);
    await page.getByRole('heading', { level: 1, name: 'Carla Gomez' }).waitFor();
    const thumbnail = page.locator('.business-cards img').first();
    await thumbnail.waitFor();
    const [restored] = (await app.api<{ cards: Row[] }>('contacts.get', { id: contact.id })).cards;
    expect(restored!.id).toBe(card!.id);
    const read = await app.api<{ dataBase64: string }>('cards.read', { id: card!.id });
    expect(Buffer.from(read.dataBase64, 'base64').equals(photoBytes)).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });

  it('refuses a file that is not a backup, or one cut short, with a clear message, and changes nothing', async () => {
    const { path } = await backupKeptElsewhere();
    await app.api('openings.create', { companyName: 'Still Here', role: 'Designer' });
    const page = app.page;
    await page.goto(`${app.server.url}#/backups`);
    await page.getByRole('heading', { level: 1, name: 'Backups' }).waitFor();

    const notes = app.dir.file('usb-stick/notes.txt');
    writeFileSync(notes, 'Questions to ask at the next interview\n'.repeat(50));
    await page.getByLabel('Restore from a file…').setInputFiles(notes);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('This file is not an Afterview backup, so there is nothing in it to restore. Your vault was not changed.');

    const cut = app.dir.file('usb-stick/cut.afterview-backup');
    const bytes = readFileSync(path);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await page.getByLabel('Restore from a file…').setInputFiles(cut);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^This backup is damaged .*Your vault was not changed\.$/);
    expect(await page.getByRole('dialog', { name: 'Restore this backup?' }).isVisible()).toBe(false);

    const openings = await app.api<{ companyName: string }[]>('openings.list');
    expect(openings.map((opening) => opening.companyName).sort()).toEqual(['Before The Move', 'Still Here']);
    expect((await app.api<{ backups: unknown[] }>('backups.list')).backups).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });

  it('restores from the list with a button named for that backup', async () => {
    await app.api('openings.create', { companyName: 'First Draft', role: 'Analyst' });
    await app.api('backups.create');
    await app.api('openings.create', { companyName: 'Second Thoughts', role: 'Designer' });
    const page = app.page;
    await page.goto(`${app.server.url}#/backups`);
    await page.getByRole('button', { name: /^Restore the backup you made of / }).click();
    await page.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore' }).click();
    await page.getByText(/^Restored the backup of /).waitFor();
    expect((await app.api<{ companyName: string }[]>('openings.list')).map((opening) => opening.companyName)).toEqual(['First Draft']);
    expect(app.pageErrors).toEqual([]);
  });
});
