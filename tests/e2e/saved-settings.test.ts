import { describe, expect, it } from 'vitest';
import { freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

const HOUR = 3_600_000;

/** Sets one playbook number on the Settings screen, as a user types it. */
async function setNumber(label: string, value: string) {
  const field = app.page.getByLabel(label, { exact: true });
  await field.fill(value);
}

describe('every screen shows the saved settings, in Chromium', () => {
  it('after a save in Settings: the opening and Today warn alike, the outcome dialog and the reply say the saved cadence, and a letter’s countdown agrees with its reminder', async () => {
    const opening = await app.api<{ id: string }>('openings.create', { companyName: 'Northwind Traders', role: 'Senior Data Analyst', stage: 'applied' });
    const end = new Date(Date.now() - 5 * HOUR);
    await app.api('interviews.create', {
      openingId: opening.id,
      startsAt: new Date(end.getTime() - HOUR).toISOString(),
      endsAt: end.toISOString(),
      timeZone: 'UTC',
      format: 'video',
      team: [{ name: 'Ana Ruiz', email: 'ana@northwind.example' }],
    });
    for (const name of ['Dana Lee', 'Ari Moss']) {
      const reference = await app.api<{ id: string }>('references.create', { name, relationship: 'Former manager', permission: 'granted' });
      await app.api('references.attach', { openingId: opening.id, referenceId: reference.id });
    }
    const page = app.page;

    // With the defaults, two who said yes are enough: no warning.
    await page.goto(`${app.server.url}#/openings/${opening.id}`);
    await page.getByRole('list', { name: 'References for this opening' }).waitFor();
    expect(await page.getByText(/references have said yes/).count()).toBe(0);

    await page.goto(`${app.server.url}#/settings`);
    await setNumber('References ready before interviews', '3');
    await setNumber('Stay in touch every', '30');
    await setNumber('Thank-you warning', '4');
    await setNumber('Thank-you deadline', '6');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('All changes saved').waitFor();

    // The opening warns, as Today does.
    await page.goto(`${app.server.url}#/openings/${opening.id}`);
    await page.getByText('2 of 3 references have said yes. Ask one more person', { exact: false }).waitFor();
    const letters = page.getByRole('list', { name: 'Letters' });
    // 5 h into a 6 h window, past the 4 h warning: about an hour left, drawn as a warning.
    const countdown = letters.locator('.countdown');
    await expect.poll(() => countdown.textContent()).toMatch(/^⚠ (59 min|1 h) left$/);
    expect(await countdown.getAttribute('class')).toContain('countdown-warning');
    await app.screenshot('saved-settings-opening');

    await page.getByRole('link', { name: 'Today' }).click();
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await page.getByText('2 of 3 references have agreed.').waitFor();
    // The thank-you's reminder has the letter's deadline.
    const thankYou = page.getByRole('listitem').filter({ hasText: 'Thank Ana Ruiz for the Senior Data Analyst interview' });
    await expect.poll(() => thankYou.textContent()).toMatch(/Due in (59 min|1 h)/);
    expect(await thankYou.textContent()).toContain('within 6 hours');

    // The outcome dialog and the reply it opens say the saved cadence.
    await page.goto(`${app.server.url}#/openings/${opening.id}`);
    await page.getByRole('button', { name: 'Record outcome…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record the outcome' });
    await dialog.getByRole('radio', { name: /Rejected/ }).check();
    await expect.poll(() => dialog.getByRole('list', { name: 'What this sets in motion' }).textContent()).toContain('every 30 days, 3 times');
    await dialog.getByRole('button', { name: 'Record outcome' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reply to Ana Ruiz' }).waitFor();
    await page.getByText('Afterview will remind you to check in every 30 days, 3 times.').waitFor();
    await page.getByRole('region', { name: 'Notifications' }).getByText(/check in every 30 days, 3 times/).waitFor();
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  });
});
