/**
 * Invites and e-mails into the vault through the channels, as the screens
 * call them: read into a proposal (nothing changes), then confirmed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreHarness, type CoreHarness } from '#support/core-harness';
import { fixture } from '../unit/capture/fixtures';

const PRIYA = 'priya.raman@northwind.example';
let core: CoreHarness;
beforeEach(() => {
  core = coreHarness('2026-03-05T12:00:00.000Z');
});
afterEach(() => core.cleanup());

const text = (name: string) => fixture(name).toString('utf8');
const base64 = (name: string) => fixture(name).toString('base64');

async function northwind() {
  const opening = await core.call('openings.create', { companyName: 'Northwind', role: 'Senior Data Analyst', stage: 'applied' });
  const priya = await core.call('contacts.create', { name: 'Priya Raman', companyName: 'Northwind', email: 'Priya.Raman@northwind.example' });
  return { opening, priya };
}

function interviewRows() {
  return core.vault.db.prepare('SELECT id, invite_uid AS uid, invite_sequence AS sequence, cancelled_at AS cancelledAt, starts_at AS startsAt FROM interviews WHERE deleted_at IS NULL').all() as {
    id: string; uid: string | null; sequence: number | null; cancelledAt: string | null; startsAt: string;
  }[];
}

describe('calendar invites', () => {
  it('proposes an interview with the organiser matched to a contact, and changes nothing until confirmed', async () => {
    await core.call('capture.saveOwnAddresses', { ownAddresses: ['sam.candidate@example.org'] });
    const { opening, priya } = await northwind();
    const before = core.fingerprint();
    const { invites } = await core.call('capture.readInvite', { text: text('google-invite.ics') });
    expect(core.fingerprint()).toBe(before);
    expect(invites).toHaveLength(1);
    const [reading] = invites;
    expect(reading!.action).toBe('create');
    expect(reading!.suggestedOpeningId).toBe(opening.id);
    expect(reading!.proposal).toMatchObject({ startsAt: '2026-03-10T19:00:00.000Z', meetingProvider: 'meet' });
    expect(reading!.people[0]).toMatchObject({ address: PRIYA, organizer: true, contactId: priya.id });
    // The user is not proposed as a member of their own interview team.
    expect(reading!.people.map((person) => person.address)).not.toContain('sam.candidate@example.org');
  });

  it('a newer SEQUENCE of the same UID updates the interview imported, and METHOD:CANCEL marks it cancelled', async () => {
    const { opening, priya } = await northwind();
    const [first] = (await core.call('capture.readInvite', { text: text('google-invite.ics') })).invites;
    const p = first!.proposal;
    const interview = await core.call('capture.confirmInvite', {
      invite: { uid: p.uid, recurrenceId: p.recurrenceId, sequence: p.sequence },
      interview: { openingId: opening.id, title: p.title, startsAt: p.startsAt, endsAt: p.endsAt, timeZone: p.timeZone, format: 'video', meetingUrl: p.meetingUrl, team: [{ contactId: priya.id }] },
    });
    expect(interviewRows()).toEqual([{ id: interview.id, uid: p.uid, sequence: 0, cancelledAt: null, startsAt: p.startsAt }]);
    expect((await core.call('openings.get', { id: opening.id })).opening.stage).toBe('interviewing');

    const again = (await core.call('capture.readInvite', { text: text('google-invite.ics') })).invites[0]!;
    expect(again).toMatchObject({ action: 'unchanged', existing: { interviewId: interview.id, sequence: 0 } });

    // The organiser moved it an hour later: SEQUENCE 1.
    const moved = text('google-invite.ics').replace('SEQUENCE:0', 'SEQUENCE:1').replace('DTSTART:20260310T190000Z', 'DTSTART:20260310T200000Z').replace(/DTEND:\d{8}T\d{6}Z/, 'DTEND:20260310T204500Z');
    const update = (await core.call('capture.readInvite', { text: moved })).invites[0]!;
    expect(update).toMatchObject({ action: 'update', suggestedOpeningId: opening.id });
    const u = update.proposal;
    await core.call('capture.confirmInvite', {
      invite: { uid: u.uid, recurrenceId: u.recurrenceId, sequence: u.sequence },
      interview: { openingId: opening.id, title: u.title, startsAt: u.startsAt, endsAt: u.endsAt, timeZone: u.timeZone, format: 'video', meetingUrl: u.meetingUrl, team: [{ contactId: priya.id }] },
    });
    expect(interviewRows()).toEqual([{ id: interview.id, uid: p.uid, sequence: 1, cancelledAt: null, startsAt: '2026-03-10T20:00:00.000Z' }]);

    // The first version, imported again, is older: it changes nothing.
    const stale = await core.fail('capture.confirmInvite', {
      invite: { uid: p.uid, recurrenceId: p.recurrenceId, sequence: 0 },
      interview: { openingId: opening.id, title: p.title, startsAt: p.startsAt, endsAt: p.endsAt, timeZone: p.timeZone, format: 'video' },
    });
    expect(stale).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/newer version/) });
    expect(interviewRows()[0]!.startsAt).toBe('2026-03-10T20:00:00.000Z');

    const cancel = (await core.call('capture.readInvite', { text: text('google-cancel.ics') })).invites[0]!;
    expect(cancel).toMatchObject({ action: 'cancel', existing: { interviewId: interview.id } });
    const cancelled = await core.call('capture.cancelInvite', { uid: cancel.proposal.uid, recurrenceId: cancel.proposal.recurrenceId, sequence: cancel.proposal.sequence });
    expect(cancelled.cancelledAt).toBe('2026-03-05T12:00:00.000Z');
    expect(interviewRows()).toEqual([{ id: interview.id, uid: p.uid, sequence: 2, cancelledAt: '2026-03-05T12:00:00.000Z', startsAt: '2026-03-10T20:00:00.000Z' }]);
    expect((await core.call('capture.readInvite', { text: text('google-cancel.ics') })).invites[0]!.action).toBe('already-cancelled');
    // A cancelled interview asks for no debrief or thank-you, even once its time is past.
    core.clock.set('2026-03-11T12:00:00.000Z');
    const agenda = await core.call('reminders.agenda', undefined);
    const kinds = [...agenda.overdue, ...agenda.today, ...agenda.week].filter((item) => item.openingId === opening.id).map((item) => item.kind);
    expect(kinds).not.toContain('debrief');
    expect(kinds).not.toContain('thank_you');
  });

  it('a cancellation of an interview never imported changes nothing', async () => {
    await northwind();
    const cancel = (await core.call('capture.readInvite', { text: text('google-cancel.ics') })).invites[0]!;
    expect(cancel.action).toBe('nothing-to-cancel');
    const before = core.fingerprint();
    const error = await core.fail('capture.cancelInvite', { uid: cancel.proposal.uid, recurrenceId: null, sequence: cancel.proposal.sequence });
    expect(error.message).toMatch(/never imported/);
    expect(core.fingerprint()).toBe(before);
  });
});

describe('e-mail files', () => {
  it('an inbound reply becomes a touchpoint with its contact, wakes a dormant opening, and is logged once', async () => {
    await core.call('capture.saveOwnAddresses', { ownAddresses: ['sam.candidate@example.org'] });
    const { opening, priya } = await northwind();
    await core.call('openings.recordOutcome', { openingId: opening.id, outcome: 'dormant' });
    const reading = await core.call('capture.readEmail', { base64: base64('gmail-reply.eml') });
    expect(reading).toMatchObject({ direction: 'inbound', directionFrom: 'own-address', alreadyLogged: false, suggestedOpeningId: opening.id, subject: 'Re: Thank you - Senior Data Analyst interview' });
    expect(reading.people).toEqual([{ name: 'Priya Raman', address: PRIYA, organizer: false, contactId: priya.id, contactName: 'Priya Raman' }]);

    const logged = await core.call('capture.confirmEmail', { openingId: opening.id, contact: { contactId: priya.id }, direction: reading.direction, occurredAt: reading.occurredAt, summary: reading.summary, messageId: reading.messageId });
    expect(logged).toMatchObject({ contactId: priya.id, direction: 'inbound', channel: 'email', occurredAt: '2026-03-04T16:12:31.000Z' });
    expect((await core.call('openings.get', { id: opening.id })).opening.stage).toBe('applied');

    expect((await core.call('capture.readEmail', { base64: base64('gmail-reply.eml') })).alreadyLogged).toBe(true);
    const before = core.fingerprint();
    const twice = await core.fail('capture.confirmEmail', { openingId: opening.id, contact: { contactId: priya.id }, direction: 'inbound', occurredAt: reading.occurredAt, summary: 'again', messageId: reading.messageId });
    expect(twice).toMatchObject({ code: 'CONFLICT', message: 'This e-mail is already logged as a touchpoint.' });
    expect(core.fingerprint()).toBe(before);
  });

  it('someone not yet a contact is added to the opening’s company when confirmed', async () => {
    const opening = await core.call('openings.create', { companyName: 'Northwind', role: 'Analyst' });
    const reading = await core.call('capture.readEmail', { base64: base64('gmail-reply.eml') });
    expect(reading.people[0]).toMatchObject({ address: PRIYA, contactId: null });
    expect(reading.notes.join(' ')).toMatch(/Add your own e-mail addresses in Settings/);
    const logged = await core.call('capture.confirmEmail', { openingId: opening.id, contact: { name: 'Priya Raman', email: PRIYA }, direction: 'inbound', occurredAt: reading.occurredAt, summary: reading.summary, messageId: reading.messageId });
    const contact = await core.call('contacts.get', { id: logged.contactId! });
    expect(contact.contact).toMatchObject({ name: 'Priya Raman', email: PRIYA, companyName: 'Northwind' });
  });

  it('an invitation attached to a mail is read as an invite', async () => {
    await northwind();
    const reading = await core.call('capture.readEmail', { base64: base64('gmail-invite.eml') });
    expect(reading.invites).toHaveLength(1);
    expect(reading.invites[0]).toMatchObject({ action: 'create', proposal: { uid: '5k2j9d0c3v8q1m6t4r7b2n0x1h@google.com' } });
  });
});
