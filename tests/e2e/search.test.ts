import { describe, expect, it } from 'vitest';
import { freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('search in Chromium', () => {
  it("finds a note by a word of its body from the palette and opens its opening's page", async () => {
    const opening = await app.api<{ id: string }>('openings.create', { companyName: 'Contoso', role: 'Platform Engineer' });
    const note = await app.api<{ id: string }>('notes.create', { parentType: 'opening', parentId: opening.id, title: 'Onsite debrief' });
    await app.api('notes.save', { id: note.id, title: 'Onsite debrief', doc: doc('They asked about the Kubernetes migration and café culture') });

    const page = app.page;
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.keyboard.press('Control+k');
    const box = page.getByRole('combobox', { name: 'Search everything' });
    await box.waitFor();
    await box.fill('kubern cafe');
    const option = page.getByRole('group', { name: 'Notes' }).getByRole('option', { name: /Onsite debrief/ });
    await option.waitFor();
    expect(await option.locator('mark').allTextContents()).toEqual(['Kubernetes', 'café']);
    await app.screenshot('search-palette');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Platform Engineer' }).waitFor();
    expect(page.url()).toContain(`#/openings/${opening.id}`);
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  });
});
