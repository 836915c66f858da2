/// <reference lib="dom" />
// (page.evaluate runs in the browser: DOM types for the callback.)
import { describe, expect, it } from 'vitest';
import { freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

describe('reminder events in Chromium', () => {
  it('reach the page over the event stream when an opening in interviews changes the plan', async () => {
    const page = app.page;
    await page.getByRole('heading', { name: 'Your pipeline is empty' }).waitFor();
    // The page's own transport is already listening; a second EventSource, under the same CSP, observes the event.
    const received = page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const token = document.querySelector<HTMLMetaElement>('meta[name="afterview-preview-token"]')!.content;
          const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
          source.addEventListener('reminders.changed', (event) => {
            source.close();
            resolve((event as MessageEvent<string>).data);
          });
        }),
    );
    await page.getByRole('button', { name: 'Add your first opening' }).click();
    await page.getByLabel('Company').fill('Northwind Traders');
    await page.getByLabel('Role', { exact: true }).fill('Analyst');
    await page.getByLabel('Stage', { exact: true }).selectOption('interviewing');
    await page.getByRole('button', { name: 'Add opening' }).click();
    await page.getByRole('row', { name: /Analyst/ }).waitFor();
    expect(await received).toBe('{}');
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  });
});
