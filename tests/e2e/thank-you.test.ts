import { describe, expect, it } from 'vitest';
import { freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

/** An interview that ended an hour ago, with two interviewers. */
async function interviewJustOver() {
  const opening = await app.api<{ id: string }>('openings.create', { companyName: 'Northwind Traders', role: 'Senior Data Analyst', stage: 'applied' });
  const end = new Date(Date.now() - 3_600_000);
  const start = new Date(end.getTime() - 3_600_000);
  return app.api<{ id: string }>('interviews.create', {
    openingId: opening.id,
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    timeZone: 'Europe/Berlin',
    format: 'video',
    team: [
      { name: 'Ana Ruiz', title: 'Head of Analytics', email: 'ana@northwind.example' },
      { name: 'Ben Okafor', title: 'Data Engineer' },
    ],
  });
}

describe('thank-you notes in Chromium', () => {
  it('gives each interviewer a note with its own countdown; sending one leaves the other due', async () => {
    const interview = await interviewJustOver();
    const page = app.page;
    await page.goto(`${app.server.url}#/interviews/${interview.id}`);
    const notes = page.getByRole('list', { name: 'Thank-you notes' });
    await notes.getByRole('listitem').nth(1).waitFor();
    expect(await notes.getByRole('listitem').count()).toBe(2);
    const ana = notes.getByRole('listitem').filter({ hasText: 'Ana Ruiz' });
    const ben = notes.getByRole('listitem').filter({ hasText: 'Ben Okafor' });
    // The 24 hours run from the interview's end: about 23 hours are left.
    expect(await ana.textContent()).toMatch(/2[23] h \d+ min left/);
    expect(await ben.textContent()).toMatch(/2[23] h \d+ min left/);

    // Draft Ana's note from the guided template, then mark it sent.
    await ana.getByRole('link', { name: 'Write the thank-you note to Ana Ruiz' }).click();
    await page.getByRole('heading', { level: 1, name: /Ana Ruiz/ }).waitFor();
    const body = page.getByRole('textbox', { name: /text/i }).first();
    await expect(body.textContent()).resolves.toMatch(/Dear Ana,/);
    await body.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Thank you again for the conversation about your dashboards.');
    await page.getByText('Saved', { exact: true }).first().waitFor();
    await app.screenshot('thank-you-letter');
    await page.getByRole('button', { name: 'Mark as sent…' }).click();
    const dialog = page.getByRole('dialog', { name: /Mark as sent to Ana Ruiz/ });
    await dialog.getByRole('button', { name: 'Mark as sent' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.goto(`${app.server.url}#/interviews/${interview.id}`);
    await notes.getByRole('listitem').nth(1).waitFor();
    await ana.getByText(/Sent/).first().waitFor();
    expect(await ana.textContent()).not.toMatch(/left/);
    expect(await ben.textContent()).toMatch(/left/);
    const letters = await app.api<{ recipientName: string; status: string }[]>('letters.list', { interviewId: interview.id });
    expect(letters.map((letter) => [letter.recipientName, letter.status]).sort()).toEqual([
      ['Ana Ruiz', 'sent'],
      ['Ben Okafor', 'draft'],
    ]);
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  });
});
