import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

const HOUR = 3_600_000;

/** An opening with an interview that ended half an hour ago: its debrief is due since then, with no deadline. */
async function interviewJustEnded(): Promise<{ openingId: string; interviewId: string }> {
  const opening = await app.api<{ id: string }>('openings.create', { companyName: 'Northwind Traders', role: 'Senior Data Analyst', stage: 'applied' });
  const end = new Date(Date.now() - HOUR / 2);
  const interview = await app.api<{ id: string }>('interviews.create', {
    openingId: opening.id,
    startsAt: new Date(end.getTime() - HOUR).toISOString(),
    endsAt: end.toISOString(),
    timeZone: 'UTC',
    format: 'phone',
    team: [{ name: 'Ana Ruiz' }],
  });
  return { openingId: opening.id, interviewId: interview.id };
}

/** The page in a browser set to a locale, as a user's system would be. */
async function pageIn(locale: string): Promise<Page> {
  const context = await app.browser.newContext({ locale, timezoneId: 'UTC', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => app.pageErrors.push(error.message));
  return page;
}

/** Today's "Due since …" for the debrief, and the end time the interview page shows. */
async function timesOn(page: Page, interviewId: string): Promise<{ today: string; interview: string }> {
  await page.goto(`${app.server.url}#/today`);
  const debrief = page.getByRole('listitem').filter({ hasText: /Debrief your Senior Data Analyst/ });
  const since = (await debrief.getByText(/^Due since /).textContent())!.replace(/^Due since (yesterday )?/, '');
  await page.goto(`${app.server.url}#/interviews/${interviewId}`);
  const range = (await page.getByText(/ – /).first().textContent())!;
  // Past midnight the interview's end carries its date too ("Sat, Dec 5, 2026, 12:06 AM"): compare the time of day.
  const end = range.split(' – ').at(-1)!.replace(/\s·.*$/, '').trim();
  return { today: since.trim(), interview: /(\d{1,2}:\d\d(?:\s?[AP]M)?)$/.exec(end)?.[1] ?? end };
}

describe('times, notices and titles, in Chromium', () => {
  it('writes a time the same way on Today and the interview page, on a 12-hour clock and on a 24-hour one', async () => {
    const { interviewId } = await interviewJustEnded();
    const american = await timesOn(await pageIn('en-US'), interviewId);
    expect(american.today).toBe(american.interview);
    expect(american.today).toMatch(/^[1-9]\d?:\d\d\s?[AP]M$/);

    const british = await timesOn(await pageIn('en-GB'), interviewId);
    expect(british.today).toBe(british.interview);
    expect(british.today).toMatch(/^\d\d:\d\d$/);
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  });

  it('a notice shows beside the page, never over it, and goes when the user moves on or presses Escape', async () => {
    const { openingId } = await interviewJustEnded();
    const page = app.page;
    await page.goto(`${app.server.url}#/openings/${openingId}`);
    await page.getByRole('button', { name: 'Log interview' }).click();
    const form = page.getByRole('form', { name: /log an interview/i });
    await form.getByLabel('Date').fill('2026-11-24');
    await form.getByLabel('Starts at').fill('14:00');
    await form.getByLabel('Ends at').fill('15:00');
    await form.getByRole('button', { name: 'Log interview' }).click();
    await page.getByRole('heading', { name: /Round 2/, level: 1 }).waitFor();

    // Shown on the page the action opened, in the sidebar: nothing of the page is under it.
    const notice = page.getByRole('region', { name: 'Notifications' }).getByRole('status').filter({ hasText: 'Round 2 is logged.' });
    await notice.waitFor();
    const box = (await notice.boundingBox())!;
    const main = (await page.locator('#main-content').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(main.x);
    await app.screenshot('notice-in-sidebar');

    // Gone once the user moves on.
    await page.getByRole('link', { name: 'Today' }).click();
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    expect(await page.getByText('Round 2 is logged.').count()).toBe(0);

    // Escape closes the newest.
    await page.goto(`${app.server.url}#/openings/${openingId}`);
    await page.getByRole('button', { name: 'Log a touchpoint' }).click();
    const dialog = page.getByRole('dialog', { name: /touchpoint/i });
    await dialog.getByLabel('Summary').fill('Called to ask about the timeline');
    await dialog.getByRole('button', { name: /^Log/ }).click();
    const logged = page.getByRole('status').filter({ hasText: 'Touchpoint logged.' });
    await logged.waitFor();
    await page.keyboard.press('Escape');
    await logged.waitFor({ state: 'detached' });
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  });

  it('the timeline shows a note’s new title once it is saved', async () => {
    const { openingId } = await interviewJustEnded();
    const page = app.page;
    await page.goto(`${app.server.url}#/openings/${openingId}`);
    await page.getByRole('button', { name: 'New note' }).click();
    await page.getByLabel('Note title').fill('Questions for round two');
    await page.getByText('Saved', { exact: true }).waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('button', { name: 'Questions for round two' }).waitFor();
    await page.getByLabel('Note title').fill('What to ask the team lead');
    await timeline.getByRole('button', { name: 'What to ask the team lead' }).waitFor();
    expect(await timeline.getByRole('button', { name: 'Questions for round two' }).count()).toBe(0);
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  });
});
