import { describe, expect, it } from 'vitest';
import { NOT_TEXT_FILES } from '#support/not-text-files';
import { freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

const csv = (text: string, name = 'tracker.csv') => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

describe('CSV import in Chromium', () => {
  it('imports a spreadsheet through the file input and shows the openings in the pipeline', async () => {
    const page = app.page;
    await page.getByRole('heading', { name: 'Your pipeline is empty' }).waitFor();
    await page.getByRole('button', { name: 'Import CSV…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import openings from a CSV file' });
    await dialog.waitFor();

    // A spreadsheet export: BOM, semicolons, CRLF, a quoted note over two lines and one bad row.
    const bad = '\uFEFFCompany;Position;Status;Date applied;Notes\r\nNorthwind Traders;Data Analyst;Applied;2026-03-02;"Referred by Ana;\r\ncall back Friday"\r\n;Tester;Applied;;\r\nContoso;Designer;Interview;1 March 2026;\r\n';
    await dialog.getByLabel('CSV file').setInputFiles(csv(bad));
    await page.getByRole('heading', { name: 'Step 1 of 2: Match the columns' }).waitFor();
    await app.screenshot('csv-import-columns');
    expect(await dialog.getByLabel('Company (required)').inputValue()).toBe('0');
    expect(await dialog.getByLabel('Role (required)').inputValue()).toBe('1');
    await dialog.getByRole('button', { name: 'Check rows' }).click();
    await dialog.getByText('Line 4: Company is required.').waitFor();
    expect(await dialog.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await app.screenshot('csv-import-bad-row');

    await dialog.getByLabel('Choose the file again after fixing it').setInputFiles(csv(bad.replace('\r\n;Tester', '\r\nInitech;Tester')));
    await dialog.getByText('Ready to import 3 openings (3 new companies).').waitFor();
    await app.screenshot('csv-import-preview');
    await dialog.getByRole('button', { name: 'Import 3 openings' }).click();

    await page.getByText('Imported 3 openings and 3 new companies.').waitFor();
    for (const role of ['Data Analyst', 'Tester', 'Designer']) await page.getByRole('row', { name: new RegExp(role) }).waitFor();
    expect(await page.getByRole('row', { name: /Designer/ }).textContent()).toMatch(/Contoso.*Interviewing/);
    expect(await page.getByRole('button', { name: 'Import CSV…' }).evaluate((button) => button === document.activeElement)).toBe(true);

    const [analyst] = (await app.api<{ id: string; role: string }[]>('openings.list')).filter((opening) => opening.role === 'Data Analyst');
    const detail = await app.api<{ notes: { excerpt: string }[] }>('openings.get', { id: analyst!.id });
    expect(detail.notes[0]?.excerpt).toBe('Referred by Ana; call back Friday');
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  });

  it('refuses a zip chosen instead of a CSV file, says what it is, and imports nothing', async () => {
    const page = app.page;
    await page.getByRole('heading', { name: 'Your pipeline is empty' }).waitFor();
    await page.getByRole('button', { name: 'Import CSV…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import openings from a CSV file' });
    await dialog.getByLabel('CSV file').setInputFiles({ name: 'Afterview export.zip', mimeType: 'application/zip', buffer: NOT_TEXT_FILES.zip });
    await dialog.getByRole('alert').getByText('“Afterview export.zip” is a zip archive, not a CSV file.', { exact: false }).waitFor();
    await app.screenshot('csv-import-zip-refused');
    expect(await dialog.getByRole('heading', { name: 'Step 1 of 2: Match the columns' }).count()).toBe(0);
    expect(await app.api<unknown[]>('openings.list')).toEqual([]);
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  });
});
