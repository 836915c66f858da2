import { describe, expect, it } from 'vitest';
import { freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

const HOUR = 3_600_000;

/** An opening with an interview that ended `hoursAgo`, so its debrief and thank-you are due. */
async function openingWithPastInterview(companyName = 'Contoso', role = 'Platform Engineer', hoursAgo = 1) {
  const opening = await app.api<{ id: string }>('openings.create', { companyName, role, stage: 'interviewing' });
  const interview = await app.api<{ id: string }>('interviews.create', {
    openingId: opening.id, startsAt: new Date(Date.now() - (hoursAgo + 1) * HOUR).toISOString(), endsAt: new Date(Date.now() - hoursAgo * HOUR).toISOString(),
    timeZone: 'UTC', format: 'video', team: [{ name: 'Ivan Petrov' }],
  });
  return { opening, interview };
}

describe('search over the debrief, and the next action on the board, in Chromium', () => {
  it('finds words typed into a debrief, marked, and opens the interview', async () => {
    const { interview } = await openingWithPastInterview();
    const page = app.page;
    await page.goto(`${app.server.url}#/interviews/${interview.id}`);
    await page.getByLabel('Concerns').fill('The on-call rota looked heavy for a team of four.');
    await page.getByLabel('Concerns').blur();
    await page.getByText('All changes saved').waitFor();

    await page.goto(`${app.server.url}#/pipeline`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.keyboard.press('Control+k');
    const box = page.getByRole('combobox', { name: 'Search everything' });
    await box.fill('rota heav');
    const option = page.getByRole('group', { name: 'Interviews' }).getByRole('option', { name: /Round 1 interview/ });
    await option.waitFor();
    expect(await option.locator('mark').allTextContents()).toEqual(['rota', 'heavy']);
    expect(await option.textContent()).toContain('Platform Engineer · Contoso');
    expect(await option.textContent()).toContain('Concerns: The on-call rota looked heavy for a team of four.');
    await app.screenshot('search-debrief');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Round 1 interview' }).waitFor();
    expect(page.url()).toContain(`#/interviews/${interview.id}`);
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  });

  it('keeps a pasted job posting on its opening, after a reload, and finds the opening by its words', async () => {
    const opening = await app.api<{ id: string }>('openings.create', { companyName: 'Northwind', role: 'Data Analyst' });
    const page = app.page;
    await page.goto(`${app.server.url}#/openings/${opening.id}`);
    await page.getByRole('button', { name: 'Paste the job posting' }).click();
    const posting = `About the role\nYou will own our analytics stack: Snowflake, dbt and Looker.\n${'We answer the questions that shape our roadmap. '.repeat(15)}\nWhat we offer\n- A four-day week in summer`;
    await page.getByLabel("The posting's text").fill(posting);
    await page.getByRole('button', { name: 'Save' }).click();
    const panel = page.getByRole('region', { name: 'Job posting' });
    await panel.getByText(/^Kept on /).waitFor();
    // A long posting shows its start until asked for the rest; line breaks stay as pasted.
    expect(await panel.textContent()).not.toContain('four-day week');
    await panel.getByRole('button', { name: 'Show all' }).click();
    expect(await panel.locator('.posting-text').innerText()).toBe(posting);

    await page.reload();
    await page.getByRole('region', { name: 'Job posting' }).getByText(/^Kept on /).waitFor();
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Search everything' }).fill('four-day week');
    const option = page.getByRole('group', { name: 'Openings' }).getByRole('option', { name: /Data Analyst/ });
    await option.waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Data Analyst/ }).waitFor();
    expect(page.url()).toContain(`#/openings/${opening.id}`);

    // Emptied, the posting goes, and the opening no longer answers to its words.
    await page.getByRole('button', { name: 'Edit the job posting' }).click();
    await page.getByLabel("The posting's text").fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Paste the job posting' }).waitFor();
    expect(await app.api<unknown[]>('search.query', { text: 'four-day week' })).toEqual([]);
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  });

  it('shows each card’s next action and when it is due, follows the plan as it changes, and goes where it is done', async () => {
    const { opening, interview } = await openingWithPastInterview();
    // A debrief left since the day before yesterday: overdue, and said so.
    const late = await openingWithPastInterview('Fabrikam', 'Data Analyst', 50);
    const page = app.page;
    await page.goto(`${app.server.url}#/pipeline`);
    await page.getByRole('button', { name: 'Board' }).click();
    const lateAction = page.locator(`[data-card-id="${late.opening.id}"] .next-action`);
    await lateAction.getByRole('link', { name: 'Next: Debrief your Data Analyst at Fabrikam interview' }).waitFor();
    expect(await lateAction.getAttribute('data-urgency')).toBe('overdue');
    expect(await lateAction.locator('time').textContent()).toMatch(/^Overdue: Due since /);
    const card = page.locator(`[data-card-id="${opening.id}"]`);
    // Due since the interview ended: the debrief first, its link on the interview's page.
    const debrief = card.getByRole('link', { name: /^Next: Debrief your/ });
    await debrief.waitFor();
    expect(await debrief.getAttribute('href')).toBe(`#/interviews/${interview.id}`);
    await app.screenshot('board-next-action');

    await debrief.click();
    await page.getByRole('heading', { level: 1, name: 'Round 1 interview' }).waitFor();
    await page.getByRole('button', { name: 'Mark debrief done' }).click();
    await page.getByRole('button', { name: 'Save debrief' }).waitFor();

    // With the debrief done, the plan moves on and the card with it: lining up references is due now.
    await page.goBack();
    const references = card.getByRole('link', { name: 'Next: Line up references for Platform Engineer at Contoso' });
    await references.waitFor();
    expect(await card.getByRole('link', { name: /^Next: Debrief/ }).count()).toBe(0);
    expect(await references.getAttribute('href')).toBe(`#/openings/${opening.id}`);
    expect(await card.locator('time.next-action-when').textContent()).toBe('Due now');

    await page.getByRole('button', { name: 'List' }).click();
    const row = page.getByRole('row', { name: /Platform Engineer/ });
    expect(await row.getByRole('link', { name: /^Next: Line up references/ }).count()).toBe(1);
    await app.screenshot('list-next-action');
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  });
});
