import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ARTIFACTS, freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

const DAY = 86_400_000;
const daysAgo = (days: number, hour = 10) => {
  const date = new Date(Date.now() - days * DAY);
  date.setUTCHours(hour, 0, 0, 0);
  // Never in the future, whatever the hour now.
  return new Date(Math.min(date.getTime(), Date.now() - 60_000)).toISOString();
};
const dateAgo = (days: number) => daysAgo(days).slice(0, 10);

/** A small search in progress: openings at every stage, with interviews, notes sent and answers. */
async function seedSearch() {
  const created: Record<string, string> = {};
  const openings: [string, string, string, number][] = [
    ['Northwind Traders', 'Senior Data Analyst', 'applied', 30],
    ['Contoso', 'Analytics Engineer', 'applied', 24],
    ['Fabrikam', 'Data Engineer', 'applied', 20],
    ['Tailspin Toys', 'BI Developer', 'applied', 16],
    ['Wide World Importers', 'Data Scientist', 'applied', 12],
    ['Litware', 'Analyst', 'applied', 6],
    ['Proseware', 'Data Lead', 'interested', 0],
    ['Adventure Works', 'Platform Engineer', 'interested', 0],
  ];
  for (const [companyName, role, stage, applied] of openings) {
    const opening = await app.api<{ id: string }>('openings.create', { companyName, role, stage, ...(applied ? { appliedOn: dateAgo(applied) } : {}) });
    created[companyName] = opening.id;
  }
  const answer = (company: string, days: number) =>
    app.api('touchpoints.log', { openingId: created[company], channel: 'email', direction: 'inbound', kind: 'other', occurredAt: daysAgo(days, 9), summary: 'They wrote back' });
  const interview = async (company: string, days: number, round: number, team: string[]) => {
    const made = await app.api<{ id: string }>('interviews.create', {
      openingId: created[company], startsAt: daysAgo(days, 9), endsAt: daysAgo(days, 10), timeZone: 'UTC', format: 'video', team: team.map((name) => ({ name })), round,
    });
    return made.id;
  };
  await answer('Northwind Traders', 26);
  const first = await interview('Northwind Traders', 21, 1, ['Ana Ruiz', 'Ben Ode']);
  for (const letter of await app.api<{ id: string }[]>('letters.list', { interviewId: first })) {
    await app.api('letters.markSent', { id: letter.id, channel: 'email', sentAt: daysAgo(21, 16) });
  }
  await app.api('touchpoints.log', { openingId: created['Northwind Traders'], channel: 'email', direction: 'outbound', kind: 'follow_up', occurredAt: daysAgo(14, 9) });
  await answer('Northwind Traders', 12);
  await interview('Northwind Traders', 8, 2, ['Cleo Park']);
  await app.api('openings.recordOutcome', { openingId: created['Northwind Traders'], outcome: 'offer' });
  await answer('Contoso', 21);
  await interview('Contoso', 15, 1, ['Dev Shah']);
  await app.api('openings.recordOutcome', { openingId: created['Contoso'], outcome: 'rejected' });
  await answer('Fabrikam', 13);
  await answer('Tailspin Toys', 14);
  await app.api('openings.recordOutcome', { openingId: created['Wide World Importers'], outcome: 'dormant' });
  return created;
}

describe('Insights in Chromium', () => {
  it('draws the funnel and the waits, and the opening’s timeline with today marked', async () => {
    const created = await seedSearch();
    const page = app.page;
    await page.goto(`${app.server.url}#/insights`);
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
    const funnel = page.getByRole('img', { name: /^Pipeline funnel of 8 openings: 8 interested, 6 applied \(75% of the step before\), 2 interviewing/ });
    await funnel.waitFor();
    expect(await funnel.locator('.funnel-bar').count()).toBe(4);
    const waits = page.getByRole('img', { name: /answers: median/ });
    expect(await waits.locator('.wait-dot').count()).toBe(7);
    await page.getByText(/still waiting/).waitFor();
    await app.screenshot('insights');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('insights-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await page.goto(`${app.server.url}#/openings/${created['Northwind Traders']}`);
    const timeline = page.getByRole('img', { name: /^Timeline of this opening: Applied/ });
    await timeline.waitFor();
    expect(await timeline.locator('.event-marker').count()).toBe(9);
    await timeline.locator('.today-label').waitFor();
    await app.screenshot('opening-timeline');
    await page.locator('.event-timeline').screenshot({ path: join(ARTIFACTS, 'opening-timeline-chart.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('opening-timeline-dark');
    await page.locator('.event-timeline').screenshot({ path: join(ARTIFACTS, 'opening-timeline-chart-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });

    await page.goto(`${app.server.url}#/openings/${created['Adventure Works']}`);
    await page.getByText(/Nothing to draw yet/).waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  it('teaches the first step on an empty vault, and a tip put away stays away after a restart', async () => {
    const page = app.page;
    await page.goto(`${app.server.url}#/insights`);
    await page.getByRole('heading', { name: 'Log your first application to see your funnel' }).waitFor();
    await app.screenshot('insights-empty');

    await page.goto(`${app.server.url}#/references`);
    const tip = page.getByRole('complementary', { name: /Ask before you give their name/ });
    await tip.waitFor();
    await app.screenshot('references-tip');
    await tip.getByRole('button', { name: 'Got it' }).click();
    await tip.waitFor({ state: 'detached' });
    await app.restartServer();
    await page.goto(`${app.server.url}#/references`);
    await page.getByRole('heading', { level: 1, name: 'References' }).waitFor();
    await page.getByText(/No references yet/).waitFor();
    expect(await page.getByRole('complementary').count()).toBe(0);

    await page.goto(`${app.server.url}#/guide`);
    await page.getByRole('heading', { level: 1, name: 'How Afterview works' }).waitFor();
    await app.screenshot('guide');
    expect(app.pageErrors).toEqual([]);
  });
});
