import { describe, expect, it } from 'vitest';
import { freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

interface Agenda {
  overdue: { key: string; title: string; snoozedUntil: string | null }[];
  today: { key: string; title: string; snoozedUntil: string | null }[];
  week: { key: string; title: string; snoozedUntil: string | null }[];
}
const allOf = (agenda: Agenda) => [...agenda.overdue, ...agenda.today, ...agenda.week];

describe('Today in Chromium', () => {
  it('shows a due thank-you note; snooze moves it out of today, done removes it', async () => {
    const opening = await app.api<{ id: string }>('openings.create', { companyName: 'Northwind Traders', role: 'Senior Data Analyst', stage: 'applied' });
    const end = new Date(Date.now() - 30 * 60_000);
    await app.api('interviews.create', {
      openingId: opening.id,
      startsAt: new Date(end.getTime() - 3_600_000).toISOString(),
      endsAt: end.toISOString(),
      timeZone: 'UTC',
      format: 'phone',
      team: [{ name: 'Ana Ruiz' }],
    });
    const page = app.page;
    await page.goto(app.server.url);
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    const thankYou = 'Thank Ana Ruiz for the Senior Data Analyst interview';
    await page.getByRole('link', { name: `Write the note: ${thankYou}` }).waitFor();
    const debrief = page.getByRole('listitem').filter({ hasText: /Debrief your Senior Data Analyst/ });
    await debrief.waitFor();
    await app.screenshot('today');

    // Snooze the note for an hour: it leaves the list and comes back at the snooze's end.
    await page.getByRole('button', { name: `Snooze: ${thankYou}` }).click();
    await page.getByRole('menuitem', { name: '1 hour' }).click();
    await page.getByRole('link', { name: `Write the note: ${thankYou}` }).waitFor({ state: 'detached' });
    const snoozed = (await app.api<Agenda>('reminders.agenda')) as Agenda;
    expect(allOf(snoozed).some((item) => item.title === thankYou)).toBe(false);

    // Done with the debrief reminder: it is gone, and stays gone after a reload.
    const debriefTitle = (await debrief.getByRole('heading').first().textContent())!.trim();
    await page.getByRole('button', { name: `Done: ${debriefTitle}` }).click();
    await debrief.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    expect(await page.getByRole('button', { name: `Done: ${debriefTitle}` }).count()).toBe(0);
    expect(allOf(await app.api<Agenda>('reminders.agenda')).some((item) => item.title === debriefTitle)).toBe(false);
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  });
});
