import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

interface Opening {
  id: string;
  stage: string;
}
interface LetterSummary {
  id: string;
  kind: string;
  recipientName: string;
}

/** An opening in interviews: one interviewer, one reference who agreed. */
async function openingInInterviews(companyName: string, role: string): Promise<Opening> {
  const opening = await app.api<Opening>('openings.create', { companyName, role, stage: 'applied' });
  const end = new Date(Date.now() - 2 * 86_400_000);
  await app.api('interviews.create', {
    openingId: opening.id,
    startsAt: new Date(end.getTime() - 3_600_000).toISOString(),
    endsAt: end.toISOString(),
    timeZone: 'UTC',
    format: 'video',
    team: [{ name: 'Ana Ruiz', email: 'ana@northwind.example' }],
  });
  const reference = await app.api<{ id: string }>('references.create', { name: 'Dana Lee', relationship: 'Former manager', permission: 'granted' });
  await app.api('references.attach', { openingId: opening.id, referenceId: reference.id });
  return opening;
}

/** A drag as a hand makes it: press on the card, move to the column, let go (both in view first). */
async function drag(card: Locator, target: Locator) {
  const page = app.page;
  await target.scrollIntoViewIfNeeded();
  await card.scrollIntoViewIfNeeded();
  const from = (await card.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + 12);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
}

const stageOf = async (id: string) => (await app.api<{ opening: Opening }>('openings.get', { id })).opening.stage;
const repliesOf = async (openingId: string) => (await app.api<LetterSummary[]>('letters.list', { openingId })).filter((letter) => letter.kind === 'rejection');

async function openBoard() {
  const page = app.page;
  // Wide enough for Offer and Rejected side by side, as on a desktop.
  await page.setViewportSize({ width: 1600, height: 900 });
  // The harness opened the pipeline before the test wrote its openings: load them.
  await page.reload();
  await page.getByRole('button', { name: 'Board' }).click();
  await page.getByLabel('Show closed').check();
  return page;
}

describe('every way into an outcome, in Chromium', () => {
  it('a card dragged to Rejected asks for the outcome; Cancel keeps it, Record drafts the reply and opens it', async () => {
    const opening = await openingInInterviews('Northwind Traders', 'Senior Data Analyst');
    // An offer withdrawn by the employer: Offer and Rejected fit on screen together, as a drag needs.
    await app.api('openings.update', { id: opening.id, stage: 'offer' });
    const page = await openBoard();
    const column = (name: string) => page.getByRole('region', { name: new RegExp(`^${name}`) });
    const card = column('Offer').getByRole('listitem').filter({ hasText: 'Senior Data Analyst' });

    await drag(card, column('Rejected'));
    const dialog = page.getByRole('dialog', { name: 'Record the outcome' });
    await dialog.waitFor();
    expect(await dialog.getByRole('radio', { name: /Rejected/ }).isChecked()).toBe(true);
    await expect.poll(() => dialog.getByRole('list', { name: 'What this sets in motion' }).textContent()).toMatch(/gracious reply.*every 90 days, 3 times.*thank each reference.*LinkedIn hold lifts/);
    await app.screenshot('outcome-dialog-from-board');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await column('Offer').getByRole('link', { name: 'Senior Data Analyst', exact: true }).count()).toBe(1);
    expect(await stageOf(opening.id)).toBe('offer');
    expect(await repliesOf(opening.id)).toEqual([]);

    await drag(card, column('Rejected'));
    await dialog.getByLabel('Who told you? (optional)').selectOption({ label: 'Ana Ruiz' });
    await dialog.getByRole('button', { name: 'Record outcome' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reply to Ana Ruiz' }).waitFor();
    expect(await stageOf(opening.id)).toBe('rejected');
    expect(await repliesOf(opening.id)).toMatchObject([{ recipientName: 'Ana Ruiz' }]);
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  });

  it('the Move menu and Alt+→ go through the same dialog; the stage list too', async () => {
    const withdrawn = await openingInInterviews('Contoso', 'Product Analyst');
    const accepted = await openingInInterviews('Fabrikam', 'Data Lead');
    await app.api('openings.update', { id: accepted.id, stage: 'offer' });
    const page = await openBoard();
    const dialog = page.getByRole('dialog', { name: 'Record the outcome' });

    await page.getByRole('button', { name: 'Move Product Analyst at Contoso' }).click();
    await page.getByRole('menuitem', { name: 'Withdrawn' }).click();
    expect(await dialog.getByRole('radio', { name: /Withdrawn/ }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Record outcome' }).click();
    await page.getByRole('region', { name: /^Withdrawn/ }).getByRole('link', { name: 'Product Analyst', exact: true }).waitFor();
    expect(await stageOf(withdrawn.id)).toBe('withdrawn');

    await page.getByRole('region', { name: /^Offer/ }).getByRole('link', { name: 'Data Lead', exact: true }).focus();
    await page.keyboard.press('Alt+ArrowRight');
    expect(await dialog.getByRole('radio', { name: /Accepted/ }).isChecked()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await stageOf(accepted.id)).toBe('offer');

    // The opening page's stage list.
    await page.goto(`${app.server.url}#/openings/${accepted.id}`);
    await page.getByLabel('Stage', { exact: true }).selectOption('accepted');
    expect(await dialog.getByRole('radio', { name: /Accepted/ }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Record outcome' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => stageOf(accepted.id)).toBe('accepted');
    expect(await page.getByLabel('Stage', { exact: true }).inputValue()).toBe('accepted');
    // The references of a closed process are to be thanked.
    await page.getByText('Not thanked yet').waitFor();
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  });
});
