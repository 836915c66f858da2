import { describe, expect, it } from 'vitest';
import { freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

describe('a page that crashes in Chromium', () => {
  it('loses no edit the save indicator called saved: the same screen, loaded again, shows it', async () => {
    const { body } = await app.openNoteOf(['Met the hiring manager.'], 'Onsite');
    const page = app.page;
    const screenUrl = page.url();
    await body.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' She asked about the migration plan.');
    const indicator = page.locator('.save-indicator');
    await expect.poll(() => indicator.textContent(), { timeout: 15_000 }).toBe('Saved');

    // The renderer process dies, as a crash in the desktop app would take it.
    const crashed = new Promise<void>((resolve) => page.once('crash', () => resolve()));
    const cdp = await page.context().newCDPSession(page);
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;

    // The shell loads the same address again: here, a new page on it.
    const reloaded = await app.newPage();
    await reloaded.goto(screenUrl);
    await reloaded.getByRole('list', { name: 'Notes' }).getByRole('button', { name: 'Onsite', exact: true }).click();
    const text = reloaded.getByRole('textbox', { name: 'Note text' });
    await text.getByText(/migration plan/).waitFor();
    expect((await text.textContent())?.replace(/\u00a0/g, ' ')).toBe('Met the hiring manager. She asked about the migration plan.');
  });
});
