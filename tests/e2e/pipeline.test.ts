import { describe, expect, it } from 'vitest';
import { freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

describe('pipeline in Chromium', () => {
  it('adds an opening that is still there after a reload and after a restart', async () => {
    const page = app.page;
    await page.getByRole('heading', { name: 'Your pipeline is empty' }).waitFor();
    await app.screenshot('pipeline-empty');

    await page.getByRole('button', { name: 'Add your first opening' }).click();
    await page.getByLabel('Company').fill('Northwind Traders');
    await page.getByLabel('Role', { exact: true }).fill('Senior Data Analyst');
    await page.getByLabel('Job link (optional)').fill('https://careers.northwind.example/123');
    await page.getByLabel('Stage', { exact: true }).selectOption('applied');
    await page.getByRole('button', { name: 'Add opening' }).click();

    const row = page.getByRole('row', { name: /Senior Data Analyst/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Northwind Traders.*Applied/);
    await app.screenshot('pipeline-one-opening');

    await page.reload();
    await page.getByRole('row', { name: /Senior Data Analyst/ }).waitFor();

    await app.restartServer();
    await app.page.getByRole('row', { name: /Senior Data Analyst/ }).waitFor();
    expect(await app.page.getByText('1 opening').isVisible()).toBe(true);
    expect(app.pageErrors, app.pageErrors.join("\n")).toEqual([]);
  });

  it('shows what is wrong with a form and saves nothing', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Add opening' }).click();
    await page.getByLabel('Role').fill('Designer');
    await page.getByRole('button', { name: 'Add opening' }).click();
    await page.getByText('Company is required.').waitFor();
    await app.screenshot('pipeline-form-error');
    await page.reload();
    await page.getByRole('heading', { name: 'Your pipeline is empty' }).waitFor();
  });
});
