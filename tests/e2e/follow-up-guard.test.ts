import { describe, expect, it } from 'vitest';
import { freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

describe('Follow-up guard in Chromium', () => {
  it('warns before a second follow-up inside the cooldown, and "Log anyway" logs it', async () => {
    const opening = await app.api<{ id: string }>('openings.create', { companyName: 'Northwind Traders', role: 'Data Analyst', stage: 'interviewing' });
    const end = new Date(Date.now() - 10 * 86_400_000);
    await app.api('interviews.create', {
      openingId: opening.id,
      startsAt: new Date(end.getTime() - 3_600_000).toISOString(),
      endsAt: end.toISOString(),
      timeZone: 'UTC',
      format: 'phone',
      team: [{ name: 'Ana Ruiz' }],
    });
    await app.api('touchpoints.log', {
      openingId: opening.id, channel: 'email', direction: 'outbound', kind: 'follow_up', occurredAt: new Date(Date.now() - 86_400_000).toISOString(), summary: 'First check-in',
    });

    const page = app.page;
    await page.goto(`${app.server.url}#/openings/${opening.id}?log=follow_up`);
    const dialog = page.getByRole('dialog', { name: 'Log a touchpoint' });
    await dialog.waitFor();
    await dialog.getByLabel('Summary').fill('Second check-in');
    await dialog.getByRole('button', { name: 'Log touchpoint' }).click();
    const guard = dialog.getByRole('alert', { name: 'Before you reach out' });
    await guard.waitFor();
    expect(await guard.textContent()).toMatch(/yesterday.*Reasonable again from/);
    await app.screenshot('follow-up-guard');

    await dialog.getByRole('button', { name: 'Log anyway' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Second check-in').waitFor();
    const logged = await app.api<{ summary: string }[]>('touchpoints.list', { openingId: opening.id });
    expect(logged.map((touchpoint) => touchpoint.summary)).toEqual(['Second check-in', 'First check-in']);
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  });
});
