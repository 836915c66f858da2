import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zipEntryNames } from '#support/unzip';
import { freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

const PASSPHRASE = 'lantern orchard seventeen';

describe('a whole-vault export protected with a passphrase, in Chromium', () => {
  it('is exported through the dialog, holds none of the vault’s words, and comes back in through the import screen with its passphrase', async () => {
    const opening = await app.api<{ id: string }>('openings.create', { companyName: 'Bellwether Foundry', role: 'Platform Lead', stage: 'interviewing' });
    const note = await app.api<{ id: string }>('notes.create', { parentType: 'opening', parentId: opening.id, title: 'Cassiopeia rollout' });
    await app.api('notes.save', { id: note.id, title: 'Cassiopeia rollout', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ask Thaddeus about the Cassiopeia rollout.' }] }] } });
    await app.api('contacts.create', { name: 'Thaddeus Winterbourne', companyName: 'Bellwether Foundry' });

    const page = app.page;
    await page.goto(`${app.server.url}#/data`);
    await page.getByRole('button', { name: 'Export whole vault…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the whole vault' });
    await dialog.getByRole('checkbox', { name: 'Protect with a passphrase' }).check();
    await dialog.getByLabel('Passphrase for this export').fill(PASSPHRASE);
    await dialog.getByLabel('The same passphrase again').fill(PASSPHRASE);
    await dialog.getByText('The unzip built into macOS and Windows may not open a protected .zip. 7-Zip, Keka and Afterview itself do.').waitFor();
    await app.screenshot('protected-export-dialog');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download .zip' }).click()]);
    await page.getByText('The export is downloading as a .zip file protected with your passphrase.').waitFor();
    const zip = readFileSync((await download.path())!);
    expect(zipEntryNames(zip).some((name) => name.endsWith('/manifest.json'))).toBe(true);
    for (const word of ['Bellwether', 'Cassiopeia', 'Thaddeus', 'Winterbourne', 'Platform Lead']) expect(zip.includes(word), word).toBe(false);
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);

    // Another, empty vault: the export comes back in through its import screen.
    const other = new PreviewHarness();
    await other.start();
    try {
      const otherPage = other.page;
      await otherPage.goto(`${other.server.url}#/data`);
      const section = otherPage.getByRole('region', { name: 'Bring an export back in' });
      await section.getByLabel('Afterview export (.zip)').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/zip', buffer: zip });
      const form = section.getByRole('form', { name: 'This export is protected' });
      await form.getByLabel('The export’s passphrase').fill('not the passphrase');
      await form.getByRole('button', { name: 'Open the export' }).click();
      await section.getByText('That passphrase does not open this export. Check Caps Lock and the keyboard layout, then try again. Nothing was changed.').waitFor();
      expect(await other.api<unknown[]>('contacts.list')).toEqual([]);
      await other.screenshot('protected-import-wrong-passphrase');

      await section.getByLabel('The export’s passphrase').fill(PASSPHRASE);
      await section.getByRole('button', { name: 'Open the export' }).click();
      await section.getByRole('button', { name: /^Import \d+ records$/ }).click();
      await section.getByText(/^Imported \d+ records \(openings: 1, companies: 1, contacts: 1, notes: 1/).waitFor();

      await otherPage.goto(`${other.server.url}#/openings/${opening.id}`);
      await otherPage.getByRole('list', { name: 'Notes' }).getByRole('button', { name: 'Cassiopeia rollout', exact: true }).click();
      await otherPage.getByRole('textbox', { name: 'Note text' }).getByText('Ask Thaddeus about the Cassiopeia rollout.').waitFor();
      expect(other.pageErrors, other.pageErrors.join('\n')).toEqual([]);
    } finally {
      await other.stop();
    }
  });
});
