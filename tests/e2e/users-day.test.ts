import { describe, expect, it } from 'vitest';
import { freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

describe("a user's day in Chromium", () => {
  it('adds an opening, logs an interview with two interviewers, debriefs, writes formatted notes, and finds it all after a reload', async () => {
    const page = app.page;

    // An opening.
    await page.getByRole('button', { name: 'Add your first opening' }).click();
    await page.getByLabel('Company').fill('Northwind Traders');
    await page.getByLabel('Role', { exact: true }).fill('Senior Data Analyst');
    await page.getByRole('button', { name: 'Add opening' }).click();
    await page.getByRole('link', { name: 'Senior Data Analyst', exact: true }).click();
    await page.getByRole('heading', { name: 'Senior Data Analyst', level: 1 }).waitFor();

    // An interview with two new interviewers.
    await page.getByRole('button', { name: 'Log interview' }).click();
    const form = page.getByRole('form', { name: /log an interview/i });
    await form.getByLabel('Date').fill('2026-11-24');
    await form.getByLabel('Starts at').fill('14:00');
    await form.getByLabel('Ends at').fill('15:00');
    await form.getByRole('button', { name: 'Add a person' }).click();
    await form.getByRole('group', { name: 'New person 1' }).getByLabel('Name').fill('Ana Ruiz');
    await form.getByRole('group', { name: 'New person 1' }).getByLabel('Title (optional)').fill('Head of Analytics');
    await form.getByRole('button', { name: /Add (a person|someone new)/ }).click();
    await form.getByRole('group', { name: 'New person 2' }).getByLabel('Name').fill('Ben Okafor');
    await form.getByRole('button', { name: 'Log interview' }).click();
    await page.getByRole('heading', { name: /interview/i, level: 1 }).waitFor();
    const team = page.getByRole('region', { name: 'Interview team' }).or(page.locator('section', { hasText: 'Interview team' }));
    await expect(team.first().getByRole('link', { name: 'Ana Ruiz' }).isVisible()).resolves.toBe(true);
    await expect(team.first().getByRole('link', { name: 'Ben Okafor' }).isVisible()).resolves.toBe(true);

    // The debrief.
    await page.getByLabel('I know what the next step is').check();
    await page.getByLabel('The next step', { exact: true }).fill('Case study with the team lead');
    await page.getByLabel('They will let you know by').fill('2026-12-01');
    await page.getByLabel('How Ana Ruiz prefers follow-ups').selectOption('email');
    await page.getByLabel('Impressions').fill('Friendly team, sharp questions about SQL.');
    await page.getByRole('button', { name: 'Mark debrief done' }).click();
    await page.getByText(/Debrief done on/).waitFor();

    // A formatted note.
    await page.getByRole('button', { name: 'New note' }).click();
    await page.getByLabel('Note title').fill('What they asked');
    const body = page.getByRole('textbox', { name: 'Note text' });
    await body.click();
    await page.keyboard.type('They asked about ');
    await page.keyboard.press('Control+B');
    await page.keyboard.type('window functions');
    await page.keyboard.press('Control+B');
    await page.keyboard.type(' and dashboards.');
    await page.getByText('Saved', { exact: true }).waitFor();
    await app.screenshot('users-day-interview');

    // Everything is still there after a reload.
    await page.reload();
    await page.getByRole('heading', { name: /interview/i, level: 1 }).waitFor();
    expect(await page.getByLabel('The next step', { exact: true }).inputValue()).toBe('Case study with the team lead');
    expect(await page.getByLabel('They will let you know by').inputValue()).toBe('2026-12-01');
    expect(await page.getByLabel('How Ana Ruiz prefers follow-ups').inputValue()).toBe('email');
    expect(await page.getByLabel('Impressions').inputValue()).toBe('Friendly team, sharp questions about SQL.');
    await page.getByText(/Debrief done on/).waitFor();
    await page.getByRole('button', { name: 'What they asked', exact: true }).click();
    const reopened = page.getByRole('textbox', { name: 'Note text' });
    await reopened.getByText('window functions').waitFor();
    expect((await reopened.locator('strong').textContent())?.trim()).toBe('window functions');
    expect((await reopened.textContent())?.replace(/\u00a0/g, ' ')).toBe('They asked about window functions and dashboards.');

    // The opening moved to Interviewing and took the debrief's facts.
    await page.getByRole('link', { name: 'Senior Data Analyst' }).first().click();
    await page.getByText('Case study with the team lead').waitFor();
    expect(await page.getByLabel('Stage').inputValue()).toBe('interviewing');
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  });
});
