import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_CARD_BYTES } from '#shared/domain/contact';
import { coreHarness, IMAGES, type CoreHarness } from '#support/core-harness';

let core: CoreHarness;
beforeEach(() => (core = coreHarness('2026-03-02T09:00:00.000Z')));
afterEach(() => core.cleanup());

async function contact() {
  return core.call('contacts.create', { name: 'Card Holder' });
}

describe('business cards', () => {
  it('stores each image under the card id, reads it back and lists it on the contact', async () => {
    const { id } = await contact();
    const cases = [
      ['image/png', IMAGES.png, 'png'],
      ['image/jpeg', IMAGES.jpeg, 'jpg'],
      ['image/webp', IMAGES.webp, 'webp'],
    ] as const;
    for (const [mimeType, dataBase64, extension] of cases) {
      const card = await core.call('cards.add', { contactId: id, fileName: `Scan 1.${extension}`, mimeType, dataBase64 });
      expect(card).toMatchObject({ contactId: id, originalName: `Scan 1.${extension}`, mimeType, size: Buffer.from(dataBase64, 'base64').length, createdAt: '2026-03-02T09:00:00.000Z' });
      expect(readFileSync(join(core.vault.attachmentsDir, `${card.id}.${extension}`)).toString('base64')).toBe(dataBase64);
      expect(await core.call('cards.read', { id: card.id })).toEqual({ mimeType, dataBase64 });
    }
    expect((await core.call('contacts.get', { id })).cards).toHaveLength(3);
    // No temporary files are left behind.
    expect(core.attachmentFiles().every((name) => /^[0-9a-f-]{36}\.(png|jpg|webp)$/.test(name))).toBe(true);
  });

  it('never uses the user’s file name as a path', async () => {
    const { id } = await contact();
    const card = await core.call('cards.add', { contactId: id, fileName: '../../etc/passwd', mimeType: 'image/png', dataBase64: IMAGES.png });
    expect(card.originalName).toBe('passwd');
    expect(core.attachmentFiles()).toEqual([`${card.id}.png`]);
    expect(readdirSync(core.vault.dirPath).sort()).toEqual(expect.not.arrayContaining(['passwd', 'etc']));
  });

  it('refuses data that is not the image type it claims, writing nothing', async () => {
    const { id } = await contact();
    const before = core.rowCounts();
    for (const [mimeType, dataBase64] of [
      ['image/png', IMAGES.jpeg],
      ['image/jpeg', IMAGES.notAnImage],
      ['image/webp', IMAGES.png],
      ['image/png', ''],
    ] as const) {
      const error = await core.fail('cards.add', { contactId: id, fileName: 'x.png', mimeType, dataBase64 });
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(/not a PNG, JPEG or WebP image|empty/);
    }
    expect(core.rowCounts()).toEqual(before);
    expect(core.attachmentFiles()).toEqual([]);
  });

  it('accepts an image of exactly 5 MB through dispatch', async () => {
    const { id } = await contact();
    const largest = Buffer.alloc(MAX_CARD_BYTES);
    Buffer.from(IMAGES.jpeg, 'base64').copy(largest);
    const card = await core.call('cards.add', { contactId: id, fileName: 'big.jpg', mimeType: 'image/jpeg', dataBase64: largest.toString('base64') });
    expect(card.size).toBe(MAX_CARD_BYTES);
  });

  it('refuses an image over 5 MB', async () => {
    const { id } = await contact();
    const big = Buffer.alloc(MAX_CARD_BYTES + 1);
    Buffer.from(IMAGES.png, 'base64').copy(big);
    const error = await core.fail('cards.add', { contactId: id, fileName: 'big.png', mimeType: 'image/png', dataBase64: big.toString('base64') });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: 'The image is larger than 5 MB.' });
    expect(core.attachmentFiles()).toEqual([]);
  });

  it('refuses a contact that is unknown or in the trash', async () => {
    const { id } = await contact();
    await core.call('contacts.delete', { id });
    const error = await core.fail('cards.add', { contactId: id, fileName: 'x.png', mimeType: 'image/png', dataBase64: IMAGES.png });
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
    expect(core.attachmentFiles()).toEqual([]);
  });

  it('removes the written file when the row cannot be inserted', async () => {
    const { id } = await contact();
    core.vault.db.exec(`CREATE TRIGGER refuse_cards BEFORE INSERT ON cards BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    const error = await core.fail('cards.add', { contactId: id, fileName: 'x.png', mimeType: 'image/png', dataBase64: IMAGES.png });
    expect(error.code).toBe('INTERNAL');
    expect(core.attachmentFiles()).toEqual([]);
  });

  it('says clearly when the photo file is missing', async () => {
    const { id } = await contact();
    const card = await core.call('cards.add', { contactId: id, fileName: 'x.png', mimeType: 'image/png', dataBase64: IMAGES.png });
    rmSync(join(core.vault.attachmentsDir, `${card.id}.png`));
    const error = await core.fail('cards.read', { id: card.id });
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/photo is missing from the vault's attachments folder/) });
  });

  it('will not read a file outside the attachments folder, even if the row was tampered with', async () => {
    const { id } = await contact();
    const card = await core.call('cards.add', { contactId: id, fileName: 'x.png', mimeType: 'image/png', dataBase64: IMAGES.png });
    writeFileSync(join(core.vault.dirPath, 'secret.txt'), 'secret');
    core.vault.db.prepare('UPDATE cards SET file_name = ? WHERE id = ?').run('../secret.txt', card.id);
    const error = await core.fail('cards.read', { id: card.id });
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).not.toContain('secret');
  });

  it('moves a deleted card to the trash, keeping its photo until the trash is emptied', async () => {
    const { id } = await contact();
    const card = await core.call('cards.add', { contactId: id, fileName: 'front.png', mimeType: 'image/png', dataBase64: IMAGES.png });
    const file = join(core.vault.attachmentsDir, `${card.id}.png`);
    expect(await core.call('cards.delete', { id: card.id })).toEqual({ id: card.id });
    // Gone from the contact, waiting in the trash, its photo still on disk.
    expect((await core.call('contacts.get', { id })).cards).toEqual([]);
    expect(await core.fail('cards.read', { id: card.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await core.fail('cards.delete', { id: card.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await core.call('trash.list', undefined)).toEqual([{ kind: 'card', id: card.id, title: 'front.png', context: 'Card Holder', deletedAt: '2026-03-02T09:00:00.000Z' }]);
    expect(existsSync(file)).toBe(true);

    // Restored: back on the contact, the same photo.
    await core.call('trash.restore', { kind: 'card', id: card.id });
    expect((await core.call('contacts.get', { id })).cards.map((each) => each.id)).toEqual([card.id]);
    expect((await core.call('cards.read', { id: card.id })).dataBase64).toBe(IMAGES.png);

    // Deleted again and the trash emptied: now the file goes.
    await core.call('cards.delete', { id: card.id });
    expect(await core.call('trash.empty', undefined)).toEqual({ removed: 1 });
    expect(existsSync(file)).toBe(false);
    expect(core.rowCounts().cards).toBe(0);
  });

  it('restores a card only once its contact is back from the trash', async () => {
    const { id } = await contact();
    const card = await core.call('cards.add', { contactId: id, fileName: 'front.png', mimeType: 'image/png', dataBase64: IMAGES.png });
    await core.call('cards.delete', { id: card.id });
    await core.call('contacts.delete', { id });
    expect((await core.fail('trash.restore', { kind: 'card', id: card.id })).message).toBe('This card belongs to the contact “Card Holder”, which is in the trash too. Restore that first.');
    await core.call('trash.restore', { kind: 'contact', id });
    await core.call('trash.restore', { kind: 'card', id: card.id });
    expect((await core.call('contacts.get', { id })).cards.map((each) => each.id)).toEqual([card.id]);
  });
});

describe('after a crash while a card was being written', () => {
  it('removes the half-written temporary file at the next start and keeps real cards', async () => {
    const { id } = await contact();
    const card = await core.call('cards.add', { contactId: id, fileName: 'card.png', mimeType: 'image/png', dataBase64: IMAGES.png });
    const leftover = join(core.vault.attachmentsDir, '.3f1c2b1e-8a8b-4c7e-9d2a-1b2c3d4e5f60.part');
    writeFileSync(leftover, 'half a picture');
    const { createServices } = await import('#core/services');
    createServices({ vault: core.vault, appVersion: 'test', now: () => new Date() });
    expect(existsSync(leftover)).toBe(false);
    expect(readdirSync(core.vault.attachmentsDir)).toEqual([`${card.id}.png`]);
  });
});
