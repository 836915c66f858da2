import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Printer } from '#core/export/printer';
import { createSettingsRepository } from '#core/settings/repository';
import { DEFAULT_SETTINGS } from '#shared/domain/settings';
import { coreHarness, docOf, type CoreHarness } from '#support/core-harness';

const HOUR = 3_600_000;
const slot = { startsAt: '2026-03-03T10:00:00+01:00', endsAt: '2026-03-03T11:00:00+01:00', timeZone: 'Europe/Berlin', format: 'video' as const };

let core: CoreHarness;
const printed: string[] = [];
const fakePrinter: Printer = {
  pdf: async (html) => {
    printed.push(html);
    return Buffer.from('%PDF-1.7 fake');
  },
  close: async () => undefined,
};

/** Written before the core first reads them (it keeps them cached after that). */
function useSettings(playbook: Partial<typeof DEFAULT_SETTINGS.playbook> = {}) {
  createSettingsRepository(core.vault.db).save({
    ...DEFAULT_SETTINGS,
    profile: { name: 'Sam Taylor', address: '12 Harbour Road\nBristol BS1 4RW' },
    playbook: { ...DEFAULT_SETTINGS.playbook, ...playbook },
  });
}

beforeEach(() => {
  core = coreHarness('2026-03-02T09:00:00.000Z', { printer: fakePrinter });
  printed.length = 0;
});
afterEach(() => core.cleanup());

async function opening(companyName = 'Northwind', role = 'Data Analyst') {
  return core.call('openings.create', { companyName, role, stage: 'applied' });
}

const row = (sql: string, ...params: unknown[]) => core.vault.db.prepare(sql).get(...params) as Record<string, unknown>;
const rows = (sql: string, ...params: unknown[]) => core.vault.db.prepare(sql).all(...params) as Record<string, unknown>[];
const textOf = (doc: unknown) => JSON.stringify(doc);

describe('thank-you notes when an interview is logged', () => {
  beforeEach(() => useSettings());

  it('drafts one note per interviewer, never a group note, from the default template', async () => {
    const { id: openingId } = await opening();
    const interview = await core.call('interviews.create', {
      openingId,
      ...slot,
      team: [{ name: 'Ana Ruiz', title: 'Head of Analytics', email: 'ana@northwind.example' }, { name: 'Ben Okafor' }],
    });
    const letters = await core.call('letters.list', { interviewId: interview.id });
    expect(letters.map((letter) => letter.recipientName).sort()).toEqual(['Ana Ruiz', 'Ben Okafor']);
    for (const letter of letters) {
      expect(letter).toMatchObject({
        kind: 'thank_you',
        status: 'draft',
        openingId,
        interviewId: interview.id,
        role: 'Data Analyst',
        companyName: 'Northwind',
        subject: 'Thank you — Data Analyst interview',
        startedAt: '2026-03-03T10:00:00.000Z',
        dueAt: '2026-03-04T10:00:00.000Z',
        sentAt: null,
        mailBy: null,
      });
    }
    const ana = letters.find((letter) => letter.recipientName === 'Ana Ruiz')!;
    expect(ana).toMatchObject({ recipientTitle: 'Head of Analytics', recipientEmail: 'ana@northwind.example' });

    const detail = await core.call('letters.get', { id: ana.id });
    expect(detail.letter.revision).toBe(0);
    const body = textOf(detail.letter.doc);
    expect(body).toContain('Dear Ana,');
    expect(body).toContain('on 3 March 2026');
    expect(body).toContain('the Data Analyst role');
    expect(body).toContain('to Northwind');
    expect(body).toContain('Sam Taylor');
    expect(body).not.toContain('{{');
    expect(detail.opening.id).toBe(openingId);
    expect(detail.debrief).toMatchObject({ completedAt: null });
    expect(detail.recipient).toMatchObject({ name: 'Ana Ruiz', title: 'Head of Analytics', cardCollected: false });
    expect(row('SELECT plain_text AS text, template_id AS templateId FROM letters WHERE id = ?', ana.id)).toMatchObject({
      text: expect.stringContaining('Dear Ana,'),
      templateId: expect.any(String),
    });
  });

  it('drafts nothing for an interview without a team', async () => {
    const { id: openingId } = await opening();
    await core.call('interviews.create', { openingId, ...slot });
    expect(await core.call('letters.list', undefined)).toEqual([]);
  });

  it('is due exactly 24 hours after an interview that ends just before Berlin springs forward', async () => {
    const { id: openingId } = await opening();
    // Clocks go from 02:00 to 03:00 on 29 March 2026: the wall clock shows 25 hours later.
    const interview = await core.call('interviews.create', {
      openingId,
      startsAt: '2026-03-28T22:45:00+01:00',
      endsAt: '2026-03-28T23:30:00+01:00',
      timeZone: 'Europe/Berlin',
      format: 'video',
      team: [{ name: 'Ana Ruiz' }],
    });
    const [letter] = await core.call('letters.list', { interviewId: interview.id });
    expect(letter!.startedAt).toBe('2026-03-28T22:30:00.000Z');
    expect(letter!.dueAt).toBe('2026-03-29T22:30:00.000Z');
    expect(Date.parse(letter!.dueAt) - Date.parse(letter!.startedAt)).toBe(24 * HOUR);
  });

  it('is due exactly 24 hours after an interview that ends just before New York falls back, dated in New York', async () => {
    const { id: openingId } = await opening();
    // Clocks go from 02:00 back to 01:00 on 1 November 2026; 21:00 on 31 October is already 1 November in UTC.
    const interview = await core.call('interviews.create', {
      openingId,
      startsAt: '2026-10-31T20:00:00-04:00',
      endsAt: '2026-10-31T21:00:00-04:00',
      timeZone: 'America/New_York',
      format: 'phone',
      team: [{ name: 'Ana Ruiz' }],
    });
    const [letter] = await core.call('letters.list', { interviewId: interview.id });
    expect(letter!.startedAt).toBe('2026-11-01T01:00:00.000Z');
    expect(letter!.dueAt).toBe('2026-11-02T01:00:00.000Z');
    expect(textOf((await core.call('letters.get', { id: letter!.id })).letter.doc)).toContain('on 31 October 2026');
  });
});

describe('thank-you notes follow the deadline setting', () => {
  it('uses the hours from the settings', async () => {
    useSettings({ thankYouDeadlineHours: 48 });
    const { id: openingId } = await opening();
    await core.call('interviews.create', { openingId, ...slot, team: [{ name: 'Ana Ruiz' }] });
    const [letter] = await core.call('letters.list', undefined);
    expect(letter!.dueAt).toBe('2026-03-05T10:00:00.000Z');
  });
});

describe('thank-you notes when the interview changes', () => {
  beforeEach(() => useSettings());

  async function interviewWith(...names: string[]) {
    const { id: openingId } = await opening();
    const interview = await core.call('interviews.create', { openingId, ...slot, team: names.map((name) => ({ name })) });
    const team = (await core.call('interviews.get', { id: interview.id })).team;
    const letters = await core.call('letters.list', { interviewId: interview.id });
    const letterOf = (name: string) => letters.find((letter) => letter.recipientName === name)!;
    return { interview, team, letterOf };
  }
  const names = async (interviewId: string) => (await core.call('letters.list', { interviewId })).map((letter) => letter.recipientName).sort();

  it('drafts a note for someone added to the team', async () => {
    const { interview, team } = await interviewWith('Ana Ruiz');
    await core.call('interviews.update', { id: interview.id, team: [{ contactId: team[0]!.contactId }, { name: 'Ben Okafor' }] });
    expect(await names(interview.id)).toEqual(['Ana Ruiz', 'Ben Okafor']);
  });

  it('removes the untouched note of someone taken off the team, keeps an edited one, and never touches the others', async () => {
    const { interview, team, letterOf } = await interviewWith('Ana Ruiz', 'Ben Okafor', 'Cleo Park');
    await core.call('letters.save', { id: letterOf('Ben Okafor').id, subject: 'Thanks', doc: docOf('Dear Ben, my own words.') });
    const ana = team.find((member) => member.name === 'Ana Ruiz')!;
    await core.call('interviews.update', { id: interview.id, team: [{ contactId: ana.contactId }] });

    expect(await names(interview.id)).toEqual(['Ana Ruiz', 'Ben Okafor']);
    const trash = await core.call('trash.list', undefined);
    expect(trash).toEqual([expect.objectContaining({ kind: 'letter', id: letterOf('Cleo Park').id, title: 'Thank-you note to Cleo Park', context: 'Northwind · Data Analyst' })]);
  });

  it('gives someone removed and added back their earlier note rather than a second one', async () => {
    const { interview, team, letterOf } = await interviewWith('Ana Ruiz', 'Ben Okafor');
    const [ana, ben] = team;
    await core.call('interviews.update', { id: interview.id, team: [{ contactId: ana!.contactId }] });
    await core.call('interviews.update', { id: interview.id, team: [{ contactId: ana!.contactId }, { contactId: ben!.contactId }] });
    const letters = await core.call('letters.list', { interviewId: interview.id });
    expect(letters.map((letter) => letter.id).sort()).toEqual([letterOf('Ana Ruiz').id, letterOf('Ben Okafor').id].sort());
    expect(rows('SELECT id FROM letters')).toHaveLength(2);
  });

  it('moves the clock of unsent notes when the end time changes, and leaves a sent one alone', async () => {
    const { interview, letterOf } = await interviewWith('Ana Ruiz', 'Ben Okafor');
    core.clock.set('2026-03-03T12:00:00.000Z');
    await core.call('letters.markSent', { id: letterOf('Ben Okafor').id, channel: 'email' });
    await core.call('interviews.update', { id: interview.id, endsAt: '2026-03-03T12:30:00+01:00' });

    const ana = await core.call('letters.get', { id: letterOf('Ana Ruiz').id });
    expect(ana.letter).toMatchObject({ startedAt: '2026-03-03T11:30:00.000Z', dueAt: '2026-03-04T11:30:00.000Z' });
    const ben = await core.call('letters.get', { id: letterOf('Ben Okafor').id });
    expect(ben.letter).toMatchObject({ startedAt: '2026-03-03T10:00:00.000Z', dueAt: '2026-03-04T10:00:00.000Z' });
  });

  it('rewrites an untouched draft when the interview date is corrected, but not an edited one', async () => {
    const { interview, letterOf } = await interviewWith('Ana Ruiz', 'Ben Okafor');
    await core.call('letters.save', { id: letterOf('Ben Okafor').id, subject: 'Thanks', doc: docOf('Dear Ben, on 3 March we met.') });
    await core.call('interviews.update', { id: interview.id, startsAt: '2026-03-04T10:00:00+01:00', endsAt: '2026-03-04T11:00:00+01:00' });

    const ana = (await core.call('letters.get', { id: letterOf('Ana Ruiz').id })).letter;
    expect(textOf(ana.doc)).toContain('on 4 March 2026');
    expect(ana).toMatchObject({ revision: 0, dueAt: '2026-03-05T10:00:00.000Z' });
    expect(textOf((await core.call('letters.get', { id: letterOf('Ben Okafor').id })).letter.doc)).toContain('on 3 March we met.');
  });

  it('leaves the notes alone when nothing about the team or the time changes', async () => {
    const { interview } = await interviewWith('Ana Ruiz');
    const before = core.fingerprint();
    await core.call('interviews.update', { id: interview.id, location: 'Room 4' });
    expect(rows("SELECT id FROM letters WHERE deleted_at IS NULL")).toHaveLength(1);
    expect(core.fingerprint()).not.toBe(before);
    expect(await names(interview.id)).toEqual(['Ana Ruiz']);
  });
});

describe('letters.list', () => {
  beforeEach(() => useSettings());

  it('puts unsent letters first by deadline, then sent ones newest first, and filters by opening and interview', async () => {
    const northwind = await opening();
    const globex = await opening('Globex', 'Analyst');
    const later = await core.call('interviews.create', { openingId: northwind.id, startsAt: '2026-03-05T09:00:00Z', endsAt: '2026-03-05T10:00:00Z', timeZone: 'UTC', format: 'video', team: [{ name: 'Late Lee' }] });
    const early = await core.call('interviews.create', { openingId: globex.id, startsAt: '2026-03-01T09:00:00Z', endsAt: '2026-03-01T10:00:00Z', timeZone: 'UTC', format: 'video', team: [{ name: 'Early Eve' }, { name: 'Sent Sue' }, { name: 'Sent Sid' }] });
    const all = await core.call('letters.list', undefined);
    const idOf = (name: string) => all.find((letter) => letter.recipientName === name)!.id;
    await core.call('letters.markSent', { id: idOf('Sent Sue'), channel: 'email', sentAt: '2026-03-01T15:00:00Z' });
    await core.call('letters.markSent', { id: idOf('Sent Sid'), channel: 'email', sentAt: '2026-03-01T18:00:00Z' });

    expect((await core.call('letters.list', undefined)).map((letter) => letter.recipientName)).toEqual(['Early Eve', 'Late Lee', 'Sent Sid', 'Sent Sue']);
    expect((await core.call('letters.list', { openingId: northwind.id })).map((letter) => letter.recipientName)).toEqual(['Late Lee']);
    expect((await core.call('letters.list', { interviewId: early.id })).map((letter) => letter.recipientName)).toEqual(['Early Eve', 'Sent Sid', 'Sent Sue']);
    expect(await core.call('letters.list', { openingId: northwind.id, interviewId: early.id })).toEqual([]);
    expect(later.id).toBeTruthy();
  });

  it('hides letters whose interview or opening is in the trash, and shows them again on restore', async () => {
    const { id: openingId } = await opening();
    const interview = await core.call('interviews.create', { openingId, ...slot, team: [{ name: 'Ana Ruiz' }] });
    const [letter] = await core.call('letters.list', undefined);

    await core.call('interviews.delete', { id: interview.id });
    expect(await core.call('letters.list', undefined)).toEqual([]);
    expect((await core.fail('letters.get', { id: letter!.id })).code).toBe('NOT_FOUND');
    await core.call('trash.restore', { kind: 'interview', id: interview.id });
    expect(await core.call('letters.list', undefined)).toHaveLength(1);

    await core.call('openings.delete', { id: openingId });
    expect(await core.call('letters.list', undefined)).toEqual([]);
    expect((await core.fail('letters.save', { id: letter!.id, subject: 'x', doc: docOf('x') })).code).toBe('NOT_FOUND');
  });
});

describe('letters.save', () => {
  beforeEach(() => useSettings());

  async function aLetter() {
    const { id: openingId } = await opening();
    await core.call('interviews.create', { openingId, ...slot, team: [{ name: 'Ana Ruiz' }] });
    return (await core.call('letters.list', undefined))[0]!;
  }

  it('stores the document and its plain text, drops unsafe links, and counts revisions', async () => {
    const letter = await aLetter();
    core.clock.advance(HOUR);
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Dear Ana,' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'my portfolio', marks: [{ type: 'link', attrs: { href: 'https://sam.example/work' } }] },
            { type: 'text', text: ' and a trap', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
          ],
        },
      ],
    };
    const saved = await core.call('letters.save', { id: letter.id, subject: 'Thank you, Ana', doc });
    expect(saved).toEqual({ id: letter.id, revision: 1, updatedAt: '2026-03-02T10:00:00.000Z' });
    expect((await core.call('letters.save', { id: letter.id, subject: 'Thank you, Ana', doc, status: 'ready' })).revision).toBe(2);

    const stored = (await core.call('letters.get', { id: letter.id })).letter;
    expect(stored).toMatchObject({ subject: 'Thank you, Ana', status: 'ready', revision: 2 });
    expect(textOf(stored.doc)).toContain('https://sam.example/work');
    expect(textOf(stored.doc)).not.toContain('javascript:');
    expect(textOf(stored.doc)).toContain(' and a trap');
    expect(row('SELECT plain_text AS text FROM letters WHERE id = ?', letter.id).text).toBe('Dear Ana,\n\nmy portfolio and a trap');
  });

  it('lets a sent letter be corrected, and it stays sent', async () => {
    const letter = await aLetter();
    await core.call('letters.markSent', { id: letter.id, channel: 'email' });
    await core.call('letters.save', { id: letter.id, subject: 'Fixed typo', doc: docOf('Dear Ana, fixed.'), status: 'draft' });
    expect((await core.call('letters.get', { id: letter.id })).letter).toMatchObject({ status: 'sent', subject: 'Fixed typo' });
  });

  it('refuses "sent" as a status: only markSent sends', async () => {
    const letter = await aLetter();
    expect((await core.fail('letters.save', { id: letter.id, subject: 'x', doc: docOf('x'), status: 'sent' })).code).toBe('INVALID_INPUT');
  });
});

describe('letters.markSent', () => {
  beforeEach(() => useSettings());

  it('marks the letter sent and logs an outbound thank-you touchpoint with the person and opening, once', async () => {
    const { id: openingId } = await opening();
    await core.call('interviews.create', { openingId, ...slot, team: [{ name: 'Ana Ruiz' }] });
    const [letter] = await core.call('letters.list', undefined);
    core.clock.set('2026-03-03T15:00:00.000Z');

    const sent = await core.call('letters.markSent', { id: letter!.id, channel: 'email', sentAt: '2026-03-03T14:30:00+01:00' });
    expect(sent).toMatchObject({ status: 'sent', sentAt: '2026-03-03T13:30:00.000Z', sentChannel: 'email' });
    expect(rows('SELECT opening_id, contact_id, channel, direction, kind, occurred_at, letter_id FROM touchpoints')).toEqual([
      { opening_id: openingId, contact_id: letter!.contactId, channel: 'email', direction: 'outbound', kind: 'thank_you', occurred_at: '2026-03-03T13:30:00.000Z', letter_id: letter!.id },
    ]);

    const again = await core.fail('letters.markSent', { id: letter!.id, channel: 'letter' });
    expect(again).toMatchObject({ code: 'CONFLICT', message: 'This letter was already marked as sent (2026-03-03).' });
    expect(rows('SELECT id FROM touchpoints')).toHaveLength(1);
  });

  it('defaults to now and refuses a time in the future, writing nothing', async () => {
    const { id: openingId } = await opening();
    await core.call('interviews.create', { openingId, ...slot, team: [{ name: 'Ana Ruiz' }] });
    const [letter] = await core.call('letters.list', undefined);
    core.clock.set('2026-03-03T15:00:00.000Z');
    const before = core.fingerprint();
    const future = await core.fail('letters.markSent', { id: letter!.id, channel: 'email', sentAt: '2026-03-03T15:00:01Z' });
    expect(future).toMatchObject({ code: 'INVALID_INPUT', field: 'sentAt' });
    expect(core.fingerprint()).toBe(before);
    expect((await core.call('letters.markSent', { id: letter!.id, channel: 'email' })).sentAt).toBe('2026-03-03T15:00:00.000Z');
  });
});

describe('the handwritten letter track', () => {
  beforeEach(() => useSettings());

  async function aLetter() {
    const { id: openingId } = await opening();
    await core.call('interviews.create', { openingId, ...slot, team: [{ name: 'Ana Ruiz' }] });
    return (await core.call('letters.list', undefined))[0]!;
  }

  it('sets mail-by two days after sending, or after now if not sent yet, and clears it with posted when turned off', async () => {
    const letter = await aLetter();
    core.clock.set('2026-03-03T12:00:00.000Z');
    expect((await core.call('letters.setLetterTrack', { id: letter.id, enabled: true })).mailBy).toBe('2026-03-05T12:00:00.000Z');
    expect((await core.call('letters.setLetterTrack', { id: letter.id, enabled: false })).mailBy).toBeNull();

    await core.call('letters.markSent', { id: letter.id, channel: 'email', sentAt: '2026-03-03T09:15:00Z' });
    core.clock.set('2026-03-04T08:00:00.000Z');
    expect((await core.call('letters.setLetterTrack', { id: letter.id, enabled: true })).mailBy).toBe('2026-03-05T09:15:00.000Z');
    // Turning it on again does not move the date.
    core.clock.advance(HOUR);
    expect((await core.call('letters.setLetterTrack', { id: letter.id, enabled: true })).mailBy).toBe('2026-03-05T09:15:00.000Z');

    expect((await core.call('letters.markPosted', { id: letter.id, posted: true })).postedAt).toBe('2026-03-04T09:00:00.000Z');
    expect((await core.call('letters.markPosted', { id: letter.id, posted: false })).postedAt).toBeNull();
    await core.call('letters.markPosted', { id: letter.id, posted: true });
    expect(await core.call('letters.setLetterTrack', { id: letter.id, enabled: false })).toMatchObject({ mailBy: null, postedAt: null });
  });

  it('refuses to mark posted a letter without the handwritten copy', async () => {
    const letter = await aLetter();
    expect(await core.fail('letters.markPosted', { id: letter.id, posted: true })).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('openings.recordOutcome', () => {
  beforeEach(() => useSettings());

  const stageChangedAt = (id: string) => row('SELECT stage_changed_at AS at FROM openings WHERE id = ?', id).at;

  it('records a rejection, moves stage_changed_at, and drafts one reply to the most recent interviewer', async () => {
    const { id: openingId } = await opening();
    expect(stageChangedAt(openingId)).toBe('2026-03-02T09:00:00.000Z');
    await core.call('interviews.create', { openingId, ...slot, team: [{ name: 'Ana Ruiz' }] });
    await core.call('interviews.create', { openingId, startsAt: '2026-03-10T10:00:00Z', endsAt: '2026-03-10T11:00:00Z', timeZone: 'UTC', format: 'onsite', team: [{ name: 'Ben Okafor', title: 'CTO' }, { name: 'Cleo Park' }] });
    core.clock.set('2026-03-20T08:00:00.000Z');

    const result = await core.call('openings.recordOutcome', { openingId, outcome: 'rejected' });
    expect(result.opening.stage).toBe('rejected');
    expect(stageChangedAt(openingId)).toBe('2026-03-20T08:00:00.000Z');
    const detail = await core.call('letters.get', { id: result.letterId! });
    expect(detail.letter).toMatchObject({
      kind: 'rejection',
      status: 'draft',
      interviewId: null,
      recipientName: 'Ben Okafor',
      recipientTitle: 'CTO',
      subject: 'Thank you — Data Analyst',
      startedAt: '2026-03-20T08:00:00.000Z',
      dueAt: '2026-03-21T08:00:00.000Z',
    });
    expect(textOf(detail.letter.doc)).toContain('Dear Ben,');
    expect(detail.debrief).toBeNull();
    expect(detail.recipient).toMatchObject({ name: 'Ben Okafor' });

    core.clock.advance(HOUR);
    const again = await core.call('openings.recordOutcome', { openingId, outcome: 'rejected' });
    expect(again.letterId).toBe(result.letterId);
    expect(stageChangedAt(openingId)).toBe('2026-03-20T08:00:00.000Z');
    expect(rows("SELECT id FROM letters WHERE kind = 'rejection'")).toHaveLength(1);
  });

  it('writes to the person who told you, and logs the reply as a rejection reply when sent', async () => {
    const { id: openingId } = await opening();
    await core.call('interviews.create', { openingId, ...slot, team: [{ name: 'Ana Ruiz' }] });
    const recruiter = await core.call('contacts.create', { name: 'Rita Recruiter', companyName: 'Northwind', email: 'rita@northwind.example' });
    const { letterId } = await core.call('openings.recordOutcome', { openingId, outcome: 'rejected', contactId: recruiter.id });
    const letter = await core.call('letters.markSent', { id: letterId!, channel: 'email' });
    expect(letter).toMatchObject({ recipientName: 'Rita Recruiter', recipientEmail: 'rita@northwind.example', contactId: recruiter.id });
    expect(row('SELECT kind, contact_id AS contactId FROM touchpoints')).toEqual({ kind: 'rejection_reply', contactId: recruiter.id });
  });

  it('writes to the hiring team when nobody is known, on the settings’ clock', async () => {
    core.cleanup();
    core = coreHarness('2026-03-02T09:00:00.000Z');
    useSettings({ rejectionDraftHours: 48 });
    const { id: openingId } = await opening();
    const { letterId } = await core.call('openings.recordOutcome', { openingId, outcome: 'rejected' });
    const { letter } = await core.call('letters.get', { id: letterId! });
    expect(letter).toMatchObject({ recipientName: 'Hiring team', contactId: null, dueAt: '2026-03-04T09:00:00.000Z' });
    expect(textOf(letter.doc)).toContain('Dear hiring team,');
  });

  it('records an offer without a letter, and refuses an unknown contact without changing the stage', async () => {
    const { id: openingId } = await opening();
    core.clock.advance(HOUR);
    expect(await core.call('openings.recordOutcome', { openingId, outcome: 'offer' })).toMatchObject({ opening: { stage: 'offer' }, letterId: null });
    expect(stageChangedAt(openingId)).toBe('2026-03-02T10:00:00.000Z');
    const before = core.fingerprint();
    const error = await core.fail('openings.recordOutcome', { openingId, outcome: 'rejected', contactId: '00000000-0000-4000-8000-000000000000' });
    expect(error.code).toBe('NOT_FOUND');
    expect(core.fingerprint()).toBe(before);
  });
});

describe('stage_changed_at', () => {
  it('moves with every stage change, and only then', async () => {
    const { id } = await opening();
    const at = () => row('SELECT stage_changed_at AS at FROM openings WHERE id = ?', id).at;
    core.clock.advance(HOUR);
    await core.call('openings.update', { id, role: 'Senior Data Analyst', stage: 'applied' });
    expect(at()).toBe('2026-03-02T09:00:00.000Z');
    await core.call('interviews.create', { openingId: id, ...slot });
    expect(at()).toBe('2026-03-02T10:00:00.000Z');
    core.clock.advance(HOUR);
    await core.call('openings.update', { id, stage: 'offer' });
    expect(at()).toBe('2026-03-02T11:00:00.000Z');
  });
});

describe('letters in the trash', () => {
  beforeEach(() => useSettings());

  it('deletes softly, restores, refuses to restore under a trashed opening, and empties', async () => {
    const { id: openingId } = await opening();
    await core.call('interviews.create', { openingId, ...slot, team: [{ name: 'Ana Ruiz' }] });
    const [letter] = await core.call('letters.list', undefined);
    expect(await core.call('letters.delete', { id: letter!.id })).toEqual({ kind: 'letter', id: letter!.id, deletedAt: '2026-03-02T09:00:00.000Z' });
    expect(await core.call('letters.list', undefined)).toEqual([]);
    expect((await core.fail('letters.delete', { id: letter!.id })).code).toBe('NOT_FOUND');

    await core.call('trash.restore', { kind: 'letter', id: letter!.id });
    expect(await core.call('letters.list', undefined)).toHaveLength(1);

    await core.call('letters.delete', { id: letter!.id });
    await core.call('openings.delete', { id: openingId });
    const conflict = await core.fail('trash.restore', { kind: 'letter', id: letter!.id });
    expect(conflict).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Northwind · Data Analyst') });

    expect(await core.call('trash.empty', undefined)).toEqual({ removed: 2 });
    expect(rows('SELECT id FROM letters')).toEqual([]);
  });
});

describe('letters.export', () => {
  beforeEach(() => useSettings());

  it('prints the letter with the sender, the date and the recipient, under a safe file name', async () => {
    const { id: openingId } = await opening('North/wind: "Labs"');
    await core.call('interviews.create', { openingId, ...slot, team: [{ name: 'Ana Ruiz', title: 'Head of Analytics' }] });
    const [letter] = await core.call('letters.list', undefined);
    core.clock.set('2026-03-11T10:00:00.000Z');
    const pdf = await core.call('letters.export', { id: letter!.id, format: 'pdf' });
    expect(pdf.fileName).toBe('Thank-you - Ana Ruiz - North wind Labs.pdf');
    expect(Buffer.from(pdf.dataBase64, 'base64').toString('latin1')).toBe('%PDF-1.7 fake');
    const html = printed[0]!;
    expect(html).toContain('Sam Taylor');
    expect(html).toContain('12 Harbour Road<br>Bristol BS1 4RW');
    expect(html).toContain('11 March 2026');
    expect(html).toContain('Head of Analytics');
    expect(html).toContain('Dear Ana,');
  });

  it('says so clearly when nothing can print', async () => {
    core.cleanup();
    core = coreHarness('2026-03-02T09:00:00.000Z');
    const { id: openingId } = await opening();
    await core.call('interviews.create', { openingId, ...slot, team: [{ name: 'Ana Ruiz' }] });
    const [letter] = await core.call('letters.list', undefined);
    expect(await core.fail('letters.export', { id: letter!.id, format: 'pdf' })).toMatchObject({ code: 'VAULT_UNAVAILABLE', message: expect.stringMatching(/^Printing to PDF is not available/) });
  });
});
