import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreHarness, type CoreHarness } from '#support/core-harness';

// Everything at midday UTC, so the day counts hold in any zone the suite runs in.
const slot = { startsAt: '2026-03-10T11:00:00.000Z', endsAt: '2026-03-10T12:00:00.000Z', timeZone: 'UTC', format: 'video' as const };

let core: CoreHarness;
beforeEach(() => {
  core = coreHarness('2026-03-02T12:00:00.000Z');
});
afterEach(() => core.cleanup());

describe('insights over a vault', () => {
  it('answers for an empty vault', async () => {
    const overview = await core.call('insights.overview', undefined);
    expect(overview.funnel.total).toBe(0);
    expect(overview.responseTimes).toMatchObject({ answered: [], median: null, waiting: 0 });
  });

  it('builds the funnel, the waits and a timeline from what was logged, leaving the trash out', async () => {
    const acme = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer', stage: 'applied', appliedOn: '2026-03-02' });
    await core.call('openings.create', { companyName: 'Globex', role: 'Designer', stage: 'applied', appliedOn: '2026-03-01' });
    await core.call('openings.create', { companyName: 'Hooli', role: 'Writer' });
    const trashed = await core.call('openings.create', { companyName: 'Initech', role: 'Gone', stage: 'offer' });
    await core.call('openings.delete', { id: trashed.id });

    core.clock.set('2026-03-05T12:00:00.000Z');
    await core.call('touchpoints.log', { openingId: acme.id, channel: 'email', direction: 'inbound', kind: 'other', occurredAt: '2026-03-05T11:59:00.000Z' });
    await core.call('interviews.create', { openingId: acme.id, ...slot, team: [{ name: 'Ivan' }] });
    core.clock.set('2026-03-12T12:00:00.000Z');
    await core.call('openings.recordOutcome', { openingId: acme.id, outcome: 'offer' });

    const { funnel, responseTimes } = await core.call('insights.overview', undefined);
    expect(funnel.total).toBe(3);
    expect(funnel.steps.map((step) => step.reached)).toEqual([3, 2, 1, 1, 0]);
    expect(funnel.steps[1]!.fromPrevious).toBeCloseTo(2 / 3);
    expect(responseTimes.answered.map((wait) => [wait.name, wait.from, wait.days])).toEqual([
      ['Engineer at Acme', 'interview', 2],
      ['Engineer at Acme', 'application', 3],
    ]);
    expect(responseTimes.median).toBe(2.5);
    // Globex applied on 1 March and has heard nothing by the 12th.
    expect(responseTimes).toMatchObject({ waiting: 1, longestWaitDays: 11 });

    const { events } = await core.call('insights.timeline', { id: acme.id });
    expect(events.map((event) => event.kind)).toEqual(['applied', 'answer', 'interview', 'outcome']);
    expect(events.at(-1)).toMatchObject({ label: 'Offer', stage: 'offer', at: '2026-03-12T12:00:00.000Z' });
  });

  it('refuses the timeline of an opening in the trash', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    await core.call('openings.delete', { id: opening.id });
    expect((await core.fail('insights.timeline', { id: opening.id })).code).toBe('NOT_FOUND');
  });
});

describe('tips', () => {
  it('remembers a dismissal in the vault, once, until the user asks to see tips again', async () => {
    expect(await core.call('tips.get', undefined)).toEqual({ dismissed: [] });
    await core.call('tips.dismiss', { id: 'when_to_move_on' });
    expect(await core.call('tips.dismiss', { id: 'when_to_move_on' })).toEqual({ dismissed: ['when_to_move_on'] });
    await core.call('tips.dismiss', { id: 'thank_within_a_day' });
    // Saving the settings whole leaves the tips alone.
    await core.call('settings.save', await core.call('settings.get', undefined));
    expect(await core.call('tips.get', undefined)).toEqual({ dismissed: ['when_to_move_on', 'thank_within_a_day'] });
    expect(await core.call('tips.reset', undefined)).toEqual({ dismissed: [] });
    expect(await core.call('tips.get', undefined)).toEqual({ dismissed: [] });
  });

  it('reads a damaged or outdated stored value as nothing dismissed rather than failing', async () => {
    core.vault.db.prepare("INSERT INTO settings (key, value) VALUES ('tips', ?)").run('{"dismissed":["ask_references_first","an_old_tip",3]}');
    expect(await core.call('tips.get', undefined)).toEqual({ dismissed: ['ask_references_first'] });
    core.vault.db.prepare("UPDATE settings SET value = 'not json' WHERE key = 'tips'").run();
    expect(await core.call('tips.get', undefined)).toEqual({ dismissed: [] });
  });
});
