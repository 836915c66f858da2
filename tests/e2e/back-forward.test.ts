import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();

/** A real press of the mouse's side button, as Chromium receives it from the system. */
async function mouseButton(page: Page, button: 'back' | 'forward') {
  const cdp = await page.context().newCDPSession(page);
  for (const type of ['mousePressed', 'mouseReleased'] as const) {
    await cdp.send('Input.dispatchMouseEvent', { type, x: 600, y: 400, button, clickCount: 1 });
  }
  await cdp.detach();
}

async function visitThree(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await heading(page, 'Pipeline');
  await nav.getByRole('link', { name: 'Contacts' }).click();
  await heading(page, 'Contacts');
  await nav.getByRole('link', { name: 'Companies' }).click();
  await heading(page, 'Companies');
}

describe('back and forward in Chromium', () => {
  it('Alt+← and Alt+→ walk the screens visited, one step per press', async () => {
    const page = app.page;
    await visitThree(page);
    await page.keyboard.press('Alt+ArrowLeft');
    await heading(page, 'Contacts');
    await page.keyboard.press('Alt+ArrowLeft');
    await heading(page, 'Pipeline');
    await page.keyboard.press('Alt+ArrowRight');
    await heading(page, 'Contacts');
    expect(page.url()).toMatch(/#\/contacts$/);
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  });

  it("the mouse's back and forward buttons go one step each, not two", async () => {
    const page = app.page;
    await visitThree(page);
    await mouseButton(page, 'back');
    await heading(page, 'Contacts');
    // Had the browser gone back as well, this would be the pipeline by now.
    await page.waitForTimeout(300);
    expect(page.url()).toMatch(/#\/contacts$/);
    await mouseButton(page, 'forward');
    await heading(page, 'Companies');
  });

  it('Alt+→ on a pipeline card moves the card, and stays on the board', async () => {
    const opening = await app.api<{ id: string }>('openings.create', { companyName: 'Northwind', role: 'Data Analyst', stage: 'applied' });
    const page = app.page;
    await page.evaluate(() => window.localStorage.setItem('afterview.pipeline.view', 'board'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await heading(page, 'Contacts');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();
    await heading(page, 'Pipeline');
    await page.locator('[data-card-id] .board-card-title').filter({ hasText: 'Data Analyst' }).focus();
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(async () => (await app.api<{ opening: { stage: string } }>('openings.get', { id: opening.id })).opening.stage).toBe('interviewing');
    expect(page.url()).toMatch(/#\/pipeline$/);
  });
});
