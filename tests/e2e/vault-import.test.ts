import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createVaultExports } from '#core/export/vault/export-jobs';
import { coreHarness } from '#support/core-harness';
import { solidPng } from '#support/png';
import { freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

/** A whole-vault export of another vault, as the preview downloads it: an opening with a note, a contact with a card photo. */
async function exportZip(): Promise<Buffer> {
  const source = coreHarness('2026-03-02T09:00:00.000Z');
  try {
    const opening = await source.call('openings.create', { companyName: 'Northwind Traders', role: 'Data Analyst', stage: 'interviewing' });
    const note = await source.call('notes.create', { parentType: 'opening', parentId: opening.id, title: 'Why this team' });
    await source.call('notes.save', { id: note.id, title: 'Why this team', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'They ship every week.' }] }] } });
    const contact = await source.call('contacts.create', { name: 'Ana Ruiz', companyName: 'Northwind Traders' });
    await source.call('cards.add', { contactId: contact.id, fileName: 'ana.png', mimeType: 'image/png', dataBase64: solidPng(84, 48, [30, 120, 200]).toString('base64') });
    const chunks: Buffer[] = [];
    await createVaultExports({ db: source.vault.db, attachmentsDir: source.vault.attachmentsDir, schemaVersion: source.vault.schemaVersion, appVersion: '0.1.0', now: () => new Date('2026-03-02T09:00:00.000Z') }).toZip(randomUUID(), {
      write: (chunk) => (chunks.push(Buffer.from(chunk)), true),
      drained: async () => undefined,
    });
    return Buffer.concat(chunks);
  } finally {
    source.cleanup();
  }
}

describe('bringing an export back in, in Chromium', () => {
  it('imports a .zip into an empty vault: its openings, notes and card photos are there to see', async () => {
    const zip = await exportZip();
    const page = app.page;
    await page.goto(`${app.server.url}#/data`);
    const section = page.getByRole('region', { name: 'Bring an export back in' });
    await section.getByLabel('Afterview export (.zip)').setInputFiles({ name: 'Afterview export 2026-03-02.zip', mimeType: 'application/zip', buffer: zip });
    const preview = section.getByRole('region', { name: /Ready to import \d+ records/ });
    await preview.waitFor();
    await preview.getByText('This vault is empty, so everything comes in exactly as it was exported.').waitFor();
    expect(await preview.getByRole('row', { name: /Business card photos/ }).textContent()).toBe('Business card photos1100');
    await app.screenshot('vault-import-preview');
    await preview.getByRole('button', { name: /^Import \d+ records$/ }).click();
    await section.getByText(/^Imported \d+ records \(openings: 1, companies: 1, contacts: 1, notes: 1, business card photos: 1/).waitFor();
    await app.screenshot('vault-import-done');

    await page.goto(`${app.server.url}#/pipeline`);
    await page.getByRole('row', { name: /Data Analyst/ }).getByRole('link', { name: 'Data Analyst', exact: true }).click();
    await page.getByRole('list', { name: 'Notes' }).getByRole('button', { name: 'Why this team', exact: true }).click();
    await page.getByRole('textbox', { name: 'Note text' }).getByText('They ship every week.').waitFor();

    const [contact] = await app.api<{ id: string }[]>('contacts.list');
    await page.goto(`${app.server.url}#/contacts/${contact!.id}`);
    const photo = page.getByRole('img', { name: 'Business card of Ana Ruiz (ana.png)' });
    await photo.waitFor();
    // The photo itself came in, not just its row: the browser decodes it at its real size.
    await expect.poll(() => photo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(84);
    await app.screenshot('vault-import-photo');
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  });
});
