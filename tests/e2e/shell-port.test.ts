import { describe, expect, it } from 'vitest';
import { interviewThatEnded, SIX_PARAGRAPH_THANK_YOU } from '#support/thank-you-letter';
import { freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

/** An opening in interviews with an interview that ended `minutesAgo` minutes ago, Ana Ruiz on its team. */
async function interviewEnded(minutesAgo: number) {
  const opening = await app.api<{ id: string }>('openings.create', { companyName: 'Northwind Traders', role: 'Senior Data Analyst', stage: 'interviewing' });
  const interview = await app.api<{ id: string }>('interviews.create', interviewThatEnded(opening.id, minutesAgo));
  const [letter] = await app.api<{ id: string }[]>('letters.list', { interviewId: interview.id });
  return { openingId: opening.id, interviewId: interview.id, letterId: letter!.id };
}

describe('what the desktop would hand to the system, seen through the preview’s shell', () => {
  it('"Open in mail app" hands the OS the exact mailto of a six-paragraph thank-you', async () => {
    const { letterId } = await interviewEnded(60);
    const letter = SIX_PARAGRAPH_THANK_YOU;
    await app.api('letters.save', { id: letterId, subject: letter.subject, doc: letter.doc });

    const page = app.page;
    await page.goto(`${app.server.url}#/letters/${letterId}`);
    await page.getByRole('textbox', { name: 'Letter text' }).waitFor();
    await page.getByRole('button', { name: 'Open in mail app' }).click();

    const handed = await app.server.shellLog.waitFor('openExternal');
    expect(handed.url).toBe(letter.mailto);
    await page.getByText(/Your mail app should open with the note filled in/).waitFor();
    expect(app.server.shellLog.calls('openExternal')).toHaveLength(1);
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  });

  it('a hostile link is refused with a notice in the page, and nothing reaches the system', async () => {
    const hostile = 'mailto:ana@northwind.example?attach=/home/u/.ssh/id_rsa';
    const opening = await app.api<{ id: string }>('openings.create', { companyName: 'Northwind Traders', role: 'Senior Data Analyst' });
    const note = await app.api<{ id: string }>('notes.create', { parentType: 'opening', parentId: opening.id, title: 'Contacts' });
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Write to Ana', marks: [{ type: 'link', attrs: { href: 'mailto:ana@northwind.example' } }] }] }] };
    await app.api('notes.save', { id: note.id, title: 'Contacts', doc });
    // A note written before the stricter policy, or imported: its link asks the mail app to attach a private key.
    app.server.vault.db.prepare('UPDATE notes SET doc = replace(doc, ?, ?) WHERE id = ?').run('mailto:ana@northwind.example', hostile, note.id);

    const page = app.page;
    await page.goto(`${app.server.url}#/openings/${opening.id}`);
    await page.getByRole('list', { name: 'Notes' }).getByRole('button', { name: 'Contacts', exact: true }).click();
    const body = page.getByRole('textbox', { name: 'Note text' });
    await body.waitFor();
    await body.getByText('Write to Ana').click({ modifiers: ['ControlOrMeta'] });
    const notice = page.getByRole('alert').filter({ hasText: 'Afterview did not open it' });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/This e-mail link also asks your mail app for “attach”/);

    // Typed into the link form, the same link is refused with the same reason.
    await body.getByText('Write to Ana').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.getByRole('button', { name: 'Add link' }).or(page.getByRole('button', { name: 'Edit link' })).first().click();
    const address = page.getByLabel('Link address');
    await address.fill(hostile);
    await page.getByRole('button', { name: 'Save link' }).click();
    await page.getByText(/also asks your mail app for “attach”/).first().waitFor();

    // And asked for directly, the core says no too.
    await expect(app.api('shell.openExternal', { url: hostile })).rejects.toThrow(/“attach”/);
    expect(app.server.shellLog.calls('openExternal')).toEqual([]);
  });

  it('a due reminder raises its notification, and the tray counts what is due, as Today does', async () => {
    const { openingId, interviewId, letterId } = await interviewEnded(140);
    const log = app.server.shellLog;
    await log.waitFor('notify', (call) => call.reminderKey === `thank_you:${letterId}`);
    // The three alerts of the same tick, each its own notification (a summary starts above three).
    expect(log.calls('notify').map(({ title, body, reminderKey }) => ({ title, body, reminderKey }))).toEqual([
      {
        title: 'Debrief your Senior Data Analyst at Northwind Traders interview',
        body: 'Due now. Note the next step, their timeline, how each interviewer likes to be contacted and your impressions while they are fresh.',
        reminderKey: `debrief:${interviewId}`,
      },
      { title: 'Thank Ana Ruiz for the Senior Data Analyst interview', body: 'Due in 22 h. A short note within 24 hours keeps you in mind while they decide.', reminderKey: `thank_you:${letterId}` },
      { title: 'Line up references for Senior Data Analyst at Northwind Traders', body: "Due now. 0 of 2 references have agreed. Ask before you give anyone's name.", reminderKey: `references_low:${openingId}` },
    ]);
    const tray = await log.waitFor('showDue', (call) => call.count > 0);
    // The menu lists the soonest first; past midnight the follow-up of yesterday's interview is planned too and comes after them, not due.
    expect(tray.count).toBe(3);
    expect(tray.items.slice(0, 3)).toMatchObject([
      { key: `debrief:${interviewId}`, when: 'due now' },
      { key: `references_low:${openingId}`, when: 'due now' },
      { key: `thank_you:${letterId}`, when: 'due in 22 h' },
    ]);
    expect(tray.items.slice(3).filter((item) => item.when.startsWith('due'))).toEqual([]);
    // The page counts the same three.
    await app.page.getByRole('navigation', { name: 'Main' }).getByText('(3 due)').waitFor();
  });

  it('with notifications off, a due alert waits (Today and the tray still count it) and rings once when they are back on', async () => {
    const page = app.page;
    const log = app.server.shellLog;
    await page.goto(`${app.server.url}#/settings`);
    const notifications = page.getByLabel('Show desktop notifications');
    await notifications.uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('All changes saved').waitFor();

    const { letterId } = await interviewEnded(140);
    await log.waitFor('showDue', (call) => call.count === 3);
    await page.getByRole('navigation', { name: 'Main' }).getByText('(3 due)').waitFor();
    expect(log.calls('notify')).toEqual([]);

    await notifications.check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await log.waitFor('notify', (call) => call.reminderKey === `thank_you:${letterId}`);
    expect(log.calls('notify').map((call) => call.title)).toEqual([
      'Debrief your Senior Data Analyst at Northwind Traders interview',
      'Thank Ana Ruiz for the Senior Data Analyst interview',
      'Line up references for Senior Data Analyst at Northwind Traders',
    ]);
    // Once each: saving again, or a later look, rings nothing more.
    await page.getByLabel('Your name').fill('Sam Taylor');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('All changes saved').waitFor();
    app.server.reminders.tick();
    expect(log.calls('notify')).toHaveLength(3);
  });
});
