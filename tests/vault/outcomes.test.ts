import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planReminders } from '#core/playbook/plan';
import { createFactsLoader } from '#core/vault/read-models/playbook-facts';
import { OUTCOME_STAGES, type OutcomeStage } from '#shared/domain/outcome';
import { DEFAULT_SETTINGS } from '#shared/domain/settings';
import { coreHarness, type CoreHarness } from '#support/core-harness';

const HOUR = 3_600_000;
const slot = { startsAt: '2026-03-03T10:00:00Z', endsAt: '2026-03-03T11:00:00Z', timeZone: 'UTC', format: 'video' as const };

let core: CoreHarness;
beforeEach(() => {
  core = coreHarness('2026-03-02T09:00:00.000Z');
});
afterEach(() => core.cleanup());

/** An opening in interviews, with one interviewer and one reference who agreed. */
async function openingInProcess(companyName = 'Northwind') {
  const opening = await core.call('openings.create', { companyName, role: 'Data Analyst', stage: 'applied' });
  await core.call('interviews.create', { openingId: opening.id, ...slot, team: [{ name: 'Ana Ruiz', email: 'ana@northwind.example' }] });
  const reference = await core.call('references.create', { name: `Dana Lee of ${companyName}`, relationship: 'Former manager', permission: 'granted' });
  await core.call('references.attach', { openingId: opening.id, referenceId: reference.id });
  core.clock.set('2026-03-10T09:00:00.000Z');
  return opening;
}

/** The kinds of reminder the playbook plans for the opening, now. */
function plannedKinds(openingId: string): string[] {
  const facts = createFactsLoader(core.vault.db)();
  const items = planReminders(facts, DEFAULT_SETTINGS.playbook, core.clock.now(), 'UTC');
  return [...new Set(items.filter((item) => item.openingId === openingId).map((item) => item.kind))].sort();
}

const stageOf = async (id: string) => (await core.call('openings.get', { id })).opening.stage;

describe('one way into an outcome', () => {
  it.each(OUTCOME_STAGES)('refuses a plain stage change into %s, with a clear message, and changes nothing', async (stage: OutcomeStage) => {
    const opening = await openingInProcess();
    const before = core.fingerprint();
    const error = await core.fail('openings.update', { id: opening.id, stage });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'stage' });
    expect(error.message).toMatch(/record it with “Record outcome”/);
    expect(core.fingerprint()).toBe(before);
    expect(await stageOf(opening.id)).toBe('interviewing');
  });

  it('lets other fields of a closed opening change, and lets it leave the outcome again', async () => {
    const opening = await openingInProcess();
    await core.call('openings.recordOutcome', { openingId: opening.id, outcome: 'rejected' });
    // The page may send the stage along unchanged.
    expect(await core.call('openings.update', { id: opening.id, stage: 'rejected', location: 'Remote' })).toMatchObject({ stage: 'rejected', location: 'Remote' });
    expect(await core.call('openings.update', { id: opening.id, stage: 'interviewing' })).toMatchObject({ stage: 'interviewing' });
    // Reopened: the reply to a rejection is no longer asked for; the letter itself stays, as the user's.
    expect(plannedKinds(opening.id)).not.toContain('rejection_thank_you');
    expect(await core.call('letters.list', { openingId: opening.id })).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'rejection' })]));
  });

  it('records each outcome with what it brings, and nothing else', async () => {
    const brought: Record<string, { letter: boolean; kinds: string[] }> = {};
    for (const outcome of ['rejected', 'withdrawn', 'accepted', 'dormant', 'offer'] as const) {
      // A company (and so a team) of its own, so no person links one outcome to another.
      const opening = await openingInProcess(`Company ${outcome}`);
      const { opening: saved, letterId } = await core.call('openings.recordOutcome', { openingId: opening.id, outcome });
      expect(saved.stage).toBe(outcome);
      // The thank-you note for the interview is its own business.
      brought[outcome] = { letter: letterId !== null, kinds: plannedKinds(opening.id).filter((kind) => kind !== 'thank_you') };
    }
    expect(brought).toEqual({
      rejected: { letter: true, kinds: ['linkedin_connect', 'reference_thanks', 'rejection_thank_you', 'stay_in_touch'] },
      withdrawn: { letter: false, kinds: ['linkedin_connect', 'reference_thanks'] },
      accepted: { letter: false, kinds: ['linkedin_connect', 'reference_thanks'] },
      dormant: { letter: false, kinds: ['linkedin_connect', 'revisit'] },
      // Still deciding: references may yet be called, and the follow-up clock keeps running.
      offer: { letter: false, kinds: expect.not.arrayContaining(['linkedin_connect', 'reference_thanks', 'rejection_thank_you', 'stay_in_touch', 'revisit']) as unknown as string[] },
    });
  });
});

describe('a settings change and the letters already drafted', () => {
  it('moves every unsent letter to the new window, keeps sent ones, and the reminder says the same deadline', async () => {
    const opening = await core.call('openings.create', { companyName: 'Northwind', role: 'Data Analyst', stage: 'applied' });
    await core.call('interviews.create', { openingId: opening.id, ...slot, team: [{ name: 'Ana Ruiz' }, { name: 'Ben Okafor' }] });
    const [ana, ben] = (await core.call('letters.list', { openingId: opening.id })).sort((a, b) => a.recipientName.localeCompare(b.recipientName));
    expect(ana!.dueAt).toBe('2026-03-04T11:00:00.000Z');
    core.clock.set('2026-03-03T12:00:00.000Z');
    await core.call('letters.markSent', { id: ben!.id, channel: 'email' });
    core.clock.advance(HOUR);
    const { letterId: replyId } = await core.call('openings.recordOutcome', { openingId: opening.id, outcome: 'rejected' });

    const settings = await core.call('settings.get', undefined);
    await core.call('settings.save', { ...settings, playbook: { ...settings.playbook, thankYouDeadlineHours: 12, thankYouWarningHours: 8, rejectionDraftHours: 72 } });

    const letters = await core.call('letters.list', { openingId: opening.id });
    const byName = Object.fromEntries(letters.map((letter) => [letter.kind === 'rejection' ? 'reply' : letter.recipientName, letter]));
    expect(byName['Ana Ruiz']!.dueAt).toBe('2026-03-03T23:00:00.000Z');
    expect(byName['Ben Okafor']!.dueAt).toBe('2026-03-04T11:00:00.000Z');
    expect(byName.reply!.dueAt).toBe('2026-03-06T13:00:00.000Z');

    const agenda = await core.call('reminders.agenda', undefined);
    const open = [...agenda.overdue, ...agenda.today, ...agenda.week];
    expect(open.find((item) => item.key === `thank_you:${ana!.id}`)).toMatchObject({ deadlineAt: '2026-03-03T23:00:00.000Z' });
    expect(open.find((item) => item.key === `rejection_thank_you:${replyId}`)).toMatchObject({ deadlineAt: '2026-03-06T13:00:00.000Z' });
  });
});
