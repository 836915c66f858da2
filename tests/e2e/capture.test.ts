import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

const FIXTURES = join(import.meta.dirname, '../fixtures/capture');
const file = (name: string, mimeType: string) => ({ name, mimeType, buffer: readFileSync(join(FIXTURES, name)) });

async function northwind() {
  const opening = await app.api<{ id: string }>('openings.create', { companyName: 'Northwind', role: 'Senior Data Analyst', stage: 'applied' });
  await app.api('contacts.create', { name: 'Priya Raman', companyName: 'Northwind', email: 'priya.raman@northwind.example' });
  await app.api('capture.saveOwnAddresses', { ownAddresses: ['sam.candidate@example.org'] });
  await app.page.goto(`${app.server.url}#/openings/${opening.id}`);
  await app.page.getByRole('heading', { name: 'Senior Data Analyst' }).waitFor();
  return opening;
}

describe('interviews from calendar invites, touchpoints from e-mails, in Chromium', () => {
  it('an .ics chosen on an opening becomes its interview, with the organiser from the contacts; its cancellation marks it cancelled', async () => {
    const page = app.page;
    const opening = await northwind();
    await page.getByRole('button', { name: 'Import invite…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a calendar invitation' });
    await dialog.getByLabel('Choose .ics file…').setInputFiles(file('google-invite.ics', 'text/calendar'));
    const review = page.getByRole('dialog', { name: 'Review the interview' });
    await review.getByText('A new interview.').waitFor();
    // The invitation's times are in UTC with no zone of the organiser's: shown in the user's own zone.
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date('2026-03-10T19:00:00Z'));
    expect(await review.getByLabel('Starts').inputValue()).toBe(local);
    await review.getByText(zone.replace(/_/g, ' '), { exact: true }).waitFor();
    expect(await review.getByLabel('Meeting link').inputValue()).toBe('https://meet.google.com/abc-defg-hij');
    await review.getByText(/Priya Raman <priya\.raman@northwind\.example>.*organiser, in your contacts/).waitFor();
    await review.getByText(/Marcus Lee.*new contact/).waitFor();
    await app.screenshot('capture-invite-review');
    await review.getByRole('button', { name: 'Add interview' }).click();
    await page.getByText('Round 1 is added from the invitation.').waitFor();
    await page.locator('.timeline-item.interview').waitFor();
    const detail = await app.api<{ interviews: { id: string; meetingUrl: string; startsAt: string }[] }>('openings.get', { id: opening.id });
    expect(detail.interviews).toMatchObject([{ startsAt: '2026-03-10T19:00:00.000Z', meetingUrl: 'https://meet.google.com/abc-defg-hij' }]);

    // The cancellation, pasted as text this time.
    await page.getByRole('button', { name: 'Import invite…' }).click();
    await page.getByLabel('Or paste the invitation’s text').fill(readFileSync(join(FIXTURES, 'google-cancel.ics'), 'utf8'));
    await page.getByRole('button', { name: 'Read invitation' }).click();
    const cancel = page.getByRole('dialog', { name: 'A cancelled invitation' });
    await cancel.getByText(/The organiser cancelled this meeting/).waitFor();
    await app.screenshot('capture-invite-cancel');
    await cancel.getByRole('button', { name: 'Mark cancelled' }).click();
    await page.getByText('The interview is marked cancelled.').waitFor();
    await page.locator('.timeline-item.interview').getByText('Cancelled').waitFor();
  });

  it('what is not a calendar gets a clear message and changes nothing', async () => {
    const page = app.page;
    const opening = await northwind();
    await page.getByRole('button', { name: 'Import invite…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a calendar invitation' });
    await dialog.getByLabel('Choose .ics file…').setInputFiles({ name: 'notes.ics', mimeType: 'text/calendar', buffer: Buffer.from('Interview on Tuesday at 2pm') });
    await dialog.getByText('This is not a calendar invitation: an .ics file starts with BEGIN:VCALENDAR.').waitFor();
    await app.screenshot('capture-invite-not-calendar');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await app.api<{ interviews: unknown[] }>('openings.get', { id: opening.id })).interviews).toEqual([]);
  });

  it('an .eml dropped on an opening becomes a touchpoint: a reply from the contact, which wakes the opening', async () => {
    const page = app.page;
    const opening = await northwind();
    await app.api('openings.recordOutcome', { openingId: opening.id, outcome: 'dormant' });
    await page.reload();
    await page.getByRole('heading', { name: 'Senior Data Analyst' }).waitFor();
    // A real drop of a file on the page, as from the desktop's file manager.
    const bytes = readFileSync(join(FIXTURES, 'gmail-reply.eml')).toString('base64');
    const transfer = await page.evaluateHandle((base64) => {
      const data = new DataTransfer();
      const binary = atob(base64);
      data.items.add(new File([Uint8Array.from(binary, (character) => character.charCodeAt(0))], 'Re Thank you.eml', { type: 'message/rfc822' }));
      return data;
    }, bytes);
    await page.locator('.opening-page').dispatchEvent('dragover', { dataTransfer: transfer });
    await page.locator('.opening-page').dispatchEvent('drop', { dataTransfer: transfer });
    const dialog = page.getByRole('dialog', { name: 'Log the e-mail' });
    await dialog.getByText('Re: Thank you - Senior Data Analyst interview').first().waitFor();
    expect(await dialog.getByLabel('Direction').inputValue()).toBe('inbound');
    expect(await dialog.getByLabel('With').locator('option:checked').textContent()).toBe('Priya Raman <priya.raman@northwind.example>');
    await app.screenshot('capture-email-review');
    await dialog.getByRole('button', { name: 'Log touchpoint' }).click();
    await page.getByText('Their e-mail is logged as a touchpoint.').waitFor();
    const detail = await app.api<{ opening: { stage: string } }>('openings.get', { id: opening.id });
    expect(detail.opening.stage).toBe('applied');
    const touchpoints = await app.api<{ direction: string; contactName: string }[]>('touchpoints.list', { openingId: opening.id });
    expect(touchpoints).toMatchObject([{ direction: 'inbound', contactName: 'Priya Raman' }]);
  });

  it('Settings: own addresses saved, and a mailbox that cannot be reached says so and keeps nothing', async () => {
    const page = app.page;
    await page.goto(`${app.server.url}#/settings`);
    await page.getByLabel('Addresses you write from').fill('sam.candidate@example.org\nnot an address');
    await page.getByRole('button', { name: 'Save addresses' }).click();
    await page.getByText('Each address must look like name@example.com.').waitFor();
    await page.getByLabel('Addresses you write from').fill('Sam.Candidate@example.org');
    await page.getByRole('button', { name: 'Save addresses' }).click();
    await page.getByText('Your addresses are saved.').waitFor();
    expect(await app.api('capture.settings')).toMatchObject({ ownAddresses: ['sam.candidate@example.org'] });

    await page.getByLabel('Mail server (IMAP)').fill('imap.example.com');
    await page.getByLabel('Security').selectOption('none');
    await page.getByLabel('User name').fill('sam');
    await page.getByLabel('Password').fill('secret');
    await page.getByRole('button', { name: 'Connect and sync' }).click();
    await page.getByText(/only over an encrypted connection/).waitFor();

    // A server on this computer that is not there.
    await page.getByLabel('Mail server (IMAP)').fill('127.0.0.1');
    await page.getByLabel('Port').fill('1');
    await page.getByLabel('Allow an unencrypted connection to a server on this computer').check();
    await page.getByRole('button', { name: 'Connect and sync' }).click();
    await page.getByText(/No mail server answered at 127\.0\.0\.1:1/).waitFor();
    await app.screenshot('capture-mailbox-unreachable');
    expect(await app.api('mailbox.status')).toMatchObject({ account: null, passwordSaved: false });
  });

  it('the palette’s Import calendar invite works away from an opening, asking which opening', async () => {
    const page = app.page;
    const opening = await northwind();
    await page.goto(`${app.server.url}#/today`);
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox').fill('import calendar');
    await page.getByRole('option', { name: /Import calendar invite/ }).click();
    await page.getByRole('dialog', { name: 'Import a calendar invitation' }).getByLabel('Choose .ics file…').setInputFiles(file('google-invite.ics', 'text/calendar'));
    const review = page.getByRole('dialog', { name: 'Review the interview' });
    // The organiser's company has one opening: it is proposed.
    expect(await review.getByLabel('Opening').inputValue()).toBe(opening.id);
    await review.getByRole('button', { name: 'Add interview' }).click();
    await page.getByText('Round 1 is added from the invitation.').waitFor();
  });
});
