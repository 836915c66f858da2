import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Stage } from '#shared/domain/opening';
import { coreHarness, type CoreHarness } from '#support/core-harness';

let core: CoreHarness;
beforeEach(() => (core = coreHarness('2026-03-02T09:00:00.000Z')));
afterEach(() => core.cleanup());

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const slot = { startsAt: '2026-03-03T10:00:00+01:00', endsAt: '2026-03-03T11:00:00+01:00', timeZone: 'Europe/Berlin', format: 'onsite' as const };

async function opening(stage: Stage = 'applied') {
  return core.call('openings.create', { companyName: 'Acme', role: 'Engineer', stage });
}

describe('interviews.create', () => {
  it('stores UTC instants, numbers rounds and moves an applied opening to interviewing', async () => {
    const { id } = await opening('applied');
    const first = await core.call('interviews.create', { openingId: id, ...slot, location: 'HQ, room 4' });
    expect(first).toMatchObject({ round: 1, startsAt: '2026-03-03T09:00:00.000Z', endsAt: '2026-03-03T10:00:00.000Z', timeZone: 'Europe/Berlin', location: 'HQ, room 4', title: null });
    const second = await core.call('interviews.create', { openingId: id, ...slot, format: 'video', meetingUrl: 'https://meet.example.com/abc' });
    expect(second.round).toBe(2);
    const chosen = await core.call('interviews.create', { openingId: id, ...slot, round: 7 });
    expect(chosen.round).toBe(7);
    expect((await core.call('openings.get', { id })).opening.stage).toBe('interviewing');
  });

  it('leaves later stages alone', async () => {
    const { id } = await opening('offer');
    await core.call('interviews.create', { openingId: id, ...slot });
    expect((await core.call('openings.get', { id })).opening.stage).toBe('offer');
  });

  it('builds the team from existing contacts and new people, collapsing duplicates, in order', async () => {
    const { id, companyId } = await opening();
    const known = await core.call('contacts.create', { name: 'Kim Known', companyName: 'Elsewhere' });
    const interview = await core.call('interviews.create', {
      openingId: id,
      ...slot,
      team: [{ name: 'Nina New', title: 'CTO', email: 'nina@acme.example' }, { contactId: known.id }, { contactId: known.id }, { name: 'nina  new' }],
    });
    const detail = await core.call('interviews.get', { id: interview.id });
    expect(detail.team.map((m) => m.name)).toEqual(['Nina New', 'Kim Known']);
    const nina = await core.call('contacts.get', { id: detail.team[0]!.contactId });
    expect(nina.contact).toMatchObject({ companyId, companyName: 'Acme', title: 'CTO', email: 'nina@acme.example' });
  });

  it('reuses a same-named contact of the company in a later round instead of creating a copy', async () => {
    const { id } = await opening();
    await core.call('interviews.create', { openingId: id, ...slot, team: [{ name: 'Nina New' }] });
    await core.call('interviews.create', { openingId: id, ...slot, team: [{ name: 'Nina New', email: 'nina@acme.example' }] });
    const contacts = await core.call('contacts.list', undefined);
    expect(contacts).toEqual([expect.objectContaining({ name: 'Nina New', email: 'nina@acme.example' })]);
  });

  it('refuses a team member who is not a contact (or is in the trash) and writes nothing', async () => {
    const { id } = await opening();
    const gone = await core.call('contacts.create', { name: 'Gone Person' });
    await core.call('contacts.delete', { id: gone.id });
    for (const contactId of [UNKNOWN, gone.id]) {
      const before = core.rowCounts();
      const error = await core.fail('interviews.create', { openingId: id, ...slot, team: [{ name: 'New Person' }, { contactId }] });
      expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'team' });
      expect(core.rowCounts()).toEqual(before);
    }
    expect((await core.call('openings.get', { id })).opening.stage).toBe('applied');
  });

  it('refuses an opening that does not exist or is in the trash', async () => {
    const { id } = await opening();
    await core.call('openings.delete', { id });
    for (const openingId of [UNKNOWN, id]) {
      expect(await core.fail('interviews.create', { openingId, ...slot })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/opening no longer exists/) });
    }
  });
});

describe('interviews.update', () => {
  it('changes only the keys present and keeps the team unless one is given', async () => {
    const { id } = await opening();
    const interview = await core.call('interviews.create', { openingId: id, ...slot, team: [{ name: 'Ann' }] });
    core.clock.advance(60_000);
    const updated = await core.call('interviews.update', { id: interview.id, title: 'System design', location: '' });
    expect(updated).toMatchObject({ title: 'System design', location: null, startsAt: interview.startsAt, updatedAt: '2026-03-02T09:01:00.000Z' });
    expect((await core.call('interviews.get', { id: interview.id })).team.map((m) => m.name)).toEqual(['Ann']);
  });

  it('replaces the team, keeping what the debrief recorded for people who stay', async () => {
    const { id } = await opening();
    const interview = await core.call('interviews.create', { openingId: id, ...slot, team: [{ name: 'Ann' }, { name: 'Bob' }] });
    const [ann, bob] = (await core.call('interviews.get', { id: interview.id })).team;
    await core.call('interviews.saveDebrief', { ...emptyDebrief(interview.id), team: [{ contactId: bob!.contactId, preferredChannel: 'phone', cardCollected: true }] });
    await core.call('interviews.update', { id: interview.id, team: [{ contactId: bob!.contactId }, { name: 'Cem' }] });
    const team = (await core.call('interviews.get', { id: interview.id })).team;
    expect(team.map((m) => [m.name, m.preferredChannel, m.cardCollected])).toEqual([
      ['Bob', 'phone', true],
      ['Cem', null, false],
    ]);
    // Ann left the team but stays a contact.
    expect((await core.call('contacts.get', { id: ann!.contactId })).contact.name).toBe('Ann');
  });

  it('checks a new end time against the stored start time', async () => {
    const { id } = await opening();
    const interview = await core.call('interviews.create', { openingId: id, ...slot });
    const error = await core.fail('interviews.update', { id: interview.id, endsAt: '2026-03-03T08:00:00.000Z' });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'endsAt', message: expect.stringMatching(/end after it starts/) });
    expect((await core.fail('interviews.update', { id: interview.id, startsAt: '2026-03-02T08:00:00.000Z' })).field).toBe('endsAt');
  });
});

function emptyDebrief(interviewId: string) {
  return {
    interviewId,
    nextStepClear: false,
    nextStep: '',
    notifyBy: null,
    fillBy: null,
    cardsCollected: false,
    impressions: '',
    concerns: '',
    questions: '',
    learned: '',
    team: [],
  };
}

describe('interviews.saveDebrief', () => {
  it('starts empty for a fresh interview', async () => {
    const { id } = await opening();
    const interview = await core.call('interviews.create', { openingId: id, ...slot });
    expect((await core.call('interviews.get', { id: interview.id })).debrief).toEqual({
      nextStepClear: false,
      nextStep: '',
      notifyBy: null,
      fillBy: null,
      cardsCollected: false,
      impressions: '',
      concerns: '',
      questions: '',
      learned: '',
      completedAt: null,
    });
  });

  it('stores the checklist, the per-interviewer facts, and carries the hiring facts to the opening', async () => {
    const { id } = await opening();
    const known = await core.call('contacts.create', { name: 'Kim', preferredChannel: 'linkedin' });
    const interview = await core.call('interviews.create', { openingId: id, ...slot, team: [{ name: 'Ann' }, { contactId: known.id }] });
    const [ann] = (await core.call('interviews.get', { id: interview.id })).team;
    core.clock.advance(3_600_000);
    const debrief = await core.call('interviews.saveDebrief', {
      ...emptyDebrief(interview.id),
      nextStepClear: true,
      nextStep: '  Take-home task  ',
      notifyBy: '2026-03-10',
      fillBy: '2026-04-01',
      cardsCollected: true,
      impressions: 'Friendly team.\nFast answers.',
      team: [
        { contactId: ann!.contactId, preferredChannel: 'email', cardCollected: true },
        { contactId: known.id, preferredChannel: 'phone', cardCollected: false },
      ],
      complete: true,
    });
    expect(debrief).toMatchObject({ nextStepClear: true, nextStep: '  Take-home task  ', notifyBy: '2026-03-10', impressions: 'Friendly team.\nFast answers.', completedAt: '2026-03-02T10:00:00.000Z' });

    const page = await core.call('openings.get', { id });
    expect(page.opening).toMatchObject({ nextStep: 'Take-home task', notifyBy: '2026-03-10', fillBy: '2026-04-01', updatedAt: '2026-03-02T10:00:00.000Z' });
    expect(page.interviews[0]!.debriefCompleted).toBe(true);
    // A contact without a preferred channel learns it; one who had one keeps it.
    expect((await core.call('contacts.get', { id: ann!.contactId })).contact.preferredChannel).toBe('email');
    expect((await core.call('contacts.get', { id: known.id })).contact.preferredChannel).toBe('linkedin');
    const team = (await core.call('interviews.get', { id: interview.id })).team;
    expect(team.map((m) => [m.name, m.preferredChannel, m.cardCollected])).toEqual([
      ['Ann', 'email', true],
      ['Kim', 'phone', false],
    ]);
  });

  it('keeps the first completion time and never clears it', async () => {
    const { id } = await opening();
    const interview = await core.call('interviews.create', { openingId: id, ...slot });
    await core.call('interviews.saveDebrief', { ...emptyDebrief(interview.id), complete: true });
    core.clock.advance(86_400_000);
    expect((await core.call('interviews.saveDebrief', { ...emptyDebrief(interview.id), complete: true })).completedAt).toBe('2026-03-02T09:00:00.000Z');
    expect((await core.call('interviews.saveDebrief', { ...emptyDebrief(interview.id), complete: false })).completedAt).toBe('2026-03-02T09:00:00.000Z');
  });

  it('does not overwrite the opening with an empty next step or missing dates', async () => {
    const { id } = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer', nextStep: 'Call back', notifyBy: '2026-03-09' });
    const interview = await core.call('interviews.create', { openingId: id, ...slot });
    await core.call('interviews.saveDebrief', { ...emptyDebrief(interview.id), nextStep: '   ', fillBy: '2026-05-01' });
    expect((await core.call('openings.get', { id })).opening).toMatchObject({ nextStep: 'Call back', notifyBy: '2026-03-09', fillBy: '2026-05-01' });
  });

  it('refuses someone who is not on the team and writes nothing', async () => {
    const { id } = await opening();
    const stranger = await core.call('contacts.create', { name: 'Stranger' });
    const interview = await core.call('interviews.create', { openingId: id, ...slot, team: [{ name: 'Ann' }] });
    const before = core.fingerprint();
    const error = await core.fail('interviews.saveDebrief', {
      ...emptyDebrief(interview.id),
      impressions: 'should not be stored',
      team: [{ contactId: stranger.id, preferredChannel: 'email', cardCollected: true }],
    });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'team' });
    expect(core.fingerprint()).toBe(before);
  });
});

describe('interviews.delete', () => {
  it('hides the interview and its notes, and shows it in the trash with its opening as context', async () => {
    const { id } = await opening();
    const interview = await core.call('interviews.create', { openingId: id, ...slot });
    await core.call('interviews.delete', { id: interview.id });
    expect(await core.fail('interviews.get', { id: interview.id })).toMatchObject({ code: 'NOT_FOUND', message: 'This interview no longer exists. It may be in the trash.' });
    expect((await core.call('openings.get', { id })).interviews).toEqual([]);
    expect((await core.call('openings.list', undefined))[0]!.interviewCount).toBe(0);
    expect(await core.call('trash.list', undefined)).toEqual([
      { kind: 'interview', id: interview.id, title: 'Round 1 interview', context: 'Acme · Engineer', deletedAt: '2026-03-02T09:00:00.000Z' },
    ]);
  });
});
