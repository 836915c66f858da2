import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unzipEntry, zipEntryNames } from '#support/unzip';
import { freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

describe('Import & export in Chromium', () => {
  it('downloads the pipeline as CSV and the whole vault as a zip of Markdown and JSON', async () => {
    const opening = await app.api<{ id: string }>('openings.create', { companyName: 'Crème Brûlée, Inc', role: '=Lead "Data" Analyst', stage: 'applied' });
    const note = await app.api<{ id: string }>('notes.create', { parentType: 'opening', parentId: opening.id, title: 'Why this team' });
    await app.api('notes.save', { id: note.id, title: 'Why this team', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'They ship weekly.' }] }] } });

    const page = app.page;
    await page.goto(`${app.server.url}#/data`);
    await page.getByRole('heading', { level: 1, name: 'Import & export' }).waitFor();
    await app.screenshot('data-export');

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download pipeline (CSV)' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^Afterview pipeline \d{4}-\d{2}-\d{2}\.csv$/);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText.startsWith('\uFEFFCompany,Role,Stage')).toBe(true);
    expect(csvText).toContain(`"Crème Brûlée, Inc","'=Lead ""Data"" Analyst",Applied`);
    expect(csvText).toContain('"Why this team\nThey ship weekly."');

    await page.getByRole('button', { name: 'Export whole vault…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the whole vault' });
    // A plain vault: the protection is offered, not chosen.
    expect(await dialog.getByRole('checkbox', { name: 'Protect with a passphrase' }).isChecked()).toBe(false);
    const [zip] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download .zip' }).click()]);
    expect(zip.suggestedFilename()).toMatch(/^Afterview export \d{4}-\d{2}-\d{2}\.zip$/);
    const bytes = readFileSync((await zip.path())!);
    const names = zipEntryNames(bytes);
    const noteFile = names.find((name) => name.endsWith('/notes/Why this team.md'))!;
    expect(noteFile).toBeTruthy();
    expect(unzipEntry(bytes, noteFile)).toContain('They ship weekly.');
    expect(names.some((name) => name.endsWith('/afterview.json'))).toBe(true);
    await page.getByText('The export is downloading as a .zip file.').waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});
