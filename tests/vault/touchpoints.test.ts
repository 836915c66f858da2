import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreHarness, type CoreHarness } from '#support/core-harness';

const DAY = 86_400_000;
const slot = { startsAt: '2026-03-03T10:00:00+01:00', endsAt: '2026-03-03T11:00:00+01:00', timeZone: 'Europe/Berlin', format: 'video' as const };

let core: CoreHarness;
beforeEach(() => {
  core = coreHarness('2026-03-02T09:00:00.000Z');
});
afterEach(() => core.cleanup());

async function openingWithInterview() {
  const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer', stage: 'applied' });
  await core.call('interviews.create', { openingId: opening.id, ...slot, team: [{ name: 'Ana Lima' }] });
  const [ana] = (await core.call('openings.get', { id: opening.id })).contacts;
  return { opening, ana: ana! };
}

describe('touchpoints', () => {
  it('logs, lists by opening and by contact with names, deletes and restores', async () => {
    const { opening, ana } = await openingWithInterview();
    core.clock.set('2026-03-11T09:00:00.000Z');
    const logged = await core.call('touchpoints.log', {
      openingId: opening.id, contactId: ana.id, channel: 'email', direction: 'outbound', kind: 'follow_up', occurredAt: '2026-03-11T08:30:00.000Z', summary: '  Asked about timing ',
    });
    expect(logged).toMatchObject({ contactName: 'Ana Lima', openingName: 'Engineer at Acme', summary: '  Asked about timing ', kind: 'follow_up' });
    expect((await core.call('touchpoints.list', { openingId: opening.id })).map((t) => t.id)).toContain(logged.id);
    expect(await core.call('touchpoints.list', { contactId: ana.id })).toEqual([logged]);
    expect(await core.call('touchpoints.list', { openingId: opening.id, contactId: ana.id })).toEqual([logged]);

    await core.call('touchpoints.delete', { id: logged.id });
    expect(await core.call('touchpoints.list', { contactId: ana.id })).toEqual([]);
    expect((await core.fail('touchpoints.delete', { id: logged.id })).code).toBe('NOT_FOUND');
    expect(await core.call('touchpoints.restore', { id: logged.id })).toEqual(logged);
    expect(await core.call('touchpoints.list', { contactId: ana.id })).toEqual([logged]);
  });

  it('refuses a touchpoint in the future and writes nothing', async () => {
    const { opening } = await openingWithInterview();
    const before = core.fingerprint();
    const error = await core.fail('touchpoints.log', {
      openingId: opening.id, channel: 'email', direction: 'outbound', kind: 'other', occurredAt: '2026-03-03T09:00:00.000Z', summary: '',
    });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'occurredAt' });
    expect(core.fingerprint()).toBe(before);
  });

  it('hides the touchpoints of an opening in the trash', async () => {
    const { opening, ana } = await openingWithInterview();
    core.clock.set('2026-03-11T09:00:00.000Z');
    await core.call('touchpoints.log', { openingId: opening.id, contactId: ana.id, channel: 'phone', direction: 'inbound', kind: 'other', occurredAt: '2026-03-11T08:00:00.000Z', summary: '' });
    await core.call('openings.delete', { id: opening.id });
    expect(await core.call('touchpoints.list', { contactId: ana.id })).toEqual([]);
  });

  it('wakes a dormant opening when they get in touch, in the same write', async () => {
    const { opening, ana } = await openingWithInterview();
    await core.call('openings.recordOutcome', { openingId: opening.id, outcome: 'dormant' });
    core.clock.set('2026-03-20T09:00:00.000Z');
    // Our own message does not wake it.
    await core.call('touchpoints.log', { openingId: opening.id, channel: 'email', direction: 'outbound', kind: 'stay_in_touch', occurredAt: '2026-03-20T08:00:00.000Z', summary: '' });
    expect((await core.call('openings.get', { id: opening.id })).opening.stage).toBe('dormant');
    await core.call('touchpoints.log', { openingId: opening.id, contactId: ana.id, channel: 'phone', direction: 'inbound', kind: 'other', occurredAt: '2026-03-20T08:30:00.000Z', summary: 'Ana called back' });
    expect((await core.call('openings.get', { id: opening.id })).opening.stage).toBe('interviewing');

    const quiet = await core.call('openings.create', { companyName: 'Globex', role: 'Designer', stage: 'dormant' });
    await core.call('touchpoints.log', { openingId: quiet.id, channel: 'email', direction: 'inbound', kind: 'other', occurredAt: '2026-03-20T08:30:00.000Z', summary: '' });
    expect((await core.call('openings.get', { id: quiet.id })).opening.stage).toBe('applied');
  });

  it('checks a follow-up against the guard and the LinkedIn hold, and the contact shows the hold until the opening closes', async () => {
    const { opening, ana } = await openingWithInterview();
    core.clock.set('2026-03-10T09:00:00.000Z');
    const intent = { openingId: opening.id, contactId: ana.id, channel: 'email', direction: 'outbound', kind: 'follow_up' } as const;
    expect(await core.call('touchpoints.check', intent)).toEqual({ warnings: [] });
    await core.call('touchpoints.log', { ...intent, occurredAt: '2026-03-10T09:00:00.000Z', summary: '' });
    core.clock.advance(2 * DAY);
    expect((await core.call('touchpoints.check', intent)).warnings).toMatchObject([{ code: 'cooldown', reasonableFrom: '2026-03-15T09:00:00.000Z' }]);

    expect((await core.call('contacts.get', { id: ana.id })).linkedinHold).toBe(true);
    const invite = { ...intent, channel: 'linkedin', kind: 'linkedin_invite' } as const;
    expect((await core.call('touchpoints.check', invite)).warnings.map((w) => w.code)).toEqual(['cooldown', 'linkedin_hold']);
    await core.call('openings.recordOutcome', { openingId: opening.id, outcome: 'rejected' });
    expect((await core.call('contacts.get', { id: ana.id })).linkedinHold).toBe(false);
    expect((await core.call('touchpoints.check', invite)).warnings.map((w) => w.code)).toEqual(['cooldown']);
  });
});
