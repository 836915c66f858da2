import { describe, expect, it } from 'vitest';
import { freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

describe('references in Chromium', () => {
  it('warns on an interviewing opening with one reference who said yes, and opens the brief', async () => {
    const opening = await app.api<{ id: string }>('openings.create', { companyName: 'Northwind', role: 'Data Analyst', stage: 'interviewing' });
    const dana = await app.api<{ id: string }>('references.create', { name: 'Dana Lee', permission: 'granted', email: 'dana@example.com' });
    await app.api('references.attach', { openingId: opening.id, referenceId: dana.id });

    const page = app.page;
    await page.goto(`${page.url().split('#')[0]}#/openings/${opening.id}`);
    await page.getByRole('heading', { level: 1, name: 'Data Analyst' }).waitFor();
    const warning = page.getByRole('alert').filter({ hasText: 'references have said yes' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain('1 of 2 references have said yes');
    await app.screenshot('references-warning');

    await page.getByRole('button', { name: 'Write the brief' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reference brief for Dana Lee' }).waitFor();
    await page.getByRole('textbox', { name: 'Brief text' }).getByText('Hi Dana,').waitFor();
    expect(page.url()).toContain(`#/references/${dana.id}/briefs/${opening.id}`);
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  });
});
