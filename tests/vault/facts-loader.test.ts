import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFactsLoader } from '#core/vault/read-models/playbook-facts';
import { coreHarness, type CoreHarness } from '#support/core-harness';
import { insertLetter as rawLetter, insertTouchpoint as rawTouchpoint } from '#support/letter-rows';

const slot = { startsAt: '2026-03-03T09:00:00.000Z', endsAt: '2026-03-03T10:00:00.000Z', timeZone: 'UTC', format: 'video' as const };
const T = '2026-03-03T10:00:00.000Z';

let core: CoreHarness;
beforeEach(() => {
  core = coreHarness('2026-03-02T09:00:00.000Z');
});
afterEach(() => core.cleanup());

const insertLetter = (values: Parameters<typeof rawLetter>[1]) => rawLetter(core.vault.db, values);
const insertTouchpoint = (values: Parameters<typeof rawTouchpoint>[1]) => rawTouchpoint(core.vault.db, values);

describe('facts loader', () => {
  it('reads an empty vault as no facts', () => {
    expect(createFactsLoader(core.vault.db)()).toEqual({ openings: [], interviews: [], letters: [], touchpoints: [], references: [], openingContacts: [], otherOpeningsOfPeople: [] });
  });

  it('reads live openings, interviews, letters, touchpoints and the people of each opening', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer', stage: 'interviewing', followUpChannel: 'email', notifyBy: '2026-03-10' });
    // At the company, but never met about this opening: not one of its people.
    await core.call('contacts.create', { name: 'Bea Colleague', companyName: 'Acme', preferredChannel: 'phone' });
    // Wrote to the user about it: one of its people, though on no interview.
    const recruiter = await core.call('contacts.create', { name: 'Cy Recruiter', companyName: 'Acme', preferredChannel: 'phone' });
    const interview = await core.call('interviews.create', { openingId: opening.id, ...slot, team: [{ name: 'Ana Ruiz' }] });
    const ana = (await core.call('interviews.get', { id: interview.id })).team[0]!;
    await core.call('interviews.saveDebrief', {
      interviewId: interview.id,
      nextStepClear: true,
      nextStep: 'Wait',
      notifyBy: null,
      fillBy: null,
      cardsCollected: false,
      impressions: '',
      concerns: '',
      questions: '',
      learned: '',
      complete: true,
      team: [{ contactId: ana.contactId, preferredChannel: 'linkedin', cardCollected: false }],
    });
    // Logging the interview drafted its own thank-you note; this test writes its letters by hand.
    core.vault.db.exec('DELETE FROM letters');
    const letter = insertLetter({ openingId: opening.id, interviewId: interview.id, mailBy: '2026-03-05T10:00:00.000Z' });
    insertTouchpoint({ openingId: opening.id, contactId: ana.contactId, kind: 'follow_up' });
    insertTouchpoint({ openingId: opening.id, contactId: ana.contactId, kind: 'thank_you', direction: 'outbound' });
    insertTouchpoint({ openingId: opening.id, contactId: ana.contactId, kind: 'linkedin_invite', at: '2026-03-20T10:00:00.000Z' });
    insertTouchpoint({ openingId: opening.id, contactId: recruiter.id, kind: 'other', direction: 'inbound', at: '2026-03-04T10:00:00.000Z' });

    const facts = createFactsLoader(core.vault.db)();
    expect(facts.openings).toEqual([
      { id: opening.id, role: 'Engineer', companyName: 'Acme', stage: 'interviewing', stageChangedAt: expect.any(String), notifyBy: '2026-03-10', followUpChannel: 'email' },
    ]);
    expect(facts.interviews).toEqual([
      { id: interview.id, openingId: opening.id, startsAt: slot.startsAt, endsAt: slot.endsAt, createdAt: '2026-03-02T09:00:00.000Z', debriefCompletedAt: expect.any(String) },
    ]);
    expect(facts.letters).toEqual([
      { id: letter, kind: 'thank_you', openingId: opening.id, interviewId: interview.id, recipientName: 'Ana Ruiz', startedAt: T, sentAt: null, mailBy: '2026-03-05T10:00:00.000Z', postedAt: null },
    ]);
    expect(facts.touchpoints.map((t) => t.isFollowUp)).toEqual([true, false, false, false]);
    expect(facts.touchpoints[0]).toEqual({ openingId: opening.id, contactId: ana.contactId, direction: 'outbound', at: T, isFollowUp: true });
    expect(facts.references).toEqual([]);
    // Ana is on the team and in its touchpoints: listed once, with the channel her debrief noted. Bea is not there.
    expect(facts.openingContacts).toEqual([
      { openingId: opening.id, contactId: ana.contactId, name: 'Ana Ruiz', preferredChannel: 'linkedin', linkedinConnectedAt: '2026-03-20T10:00:00.000Z' },
      { openingId: opening.id, contactId: recruiter.id, name: 'Cy Recruiter', preferredChannel: 'phone', linkedinConnectedAt: null },
    ]);
  });

  it('falls back to updated_at when an opening has no stage_changed_at', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    core.vault.db.prepare("UPDATE openings SET stage_changed_at = NULL, updated_at = '2026-01-01T00:00:00.000Z' WHERE id = ?").run(opening.id);
    expect(createFactsLoader(core.vault.db)().openings[0]!.stageChangedAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('leaves out everything in the trash or hidden with its parent', async () => {
    const kept = await core.call('openings.create', { companyName: 'Acme', role: 'Kept' });
    const trashed = await core.call('openings.create', { companyName: 'Globex', role: 'Gone' });
    const keptInterview = await core.call('interviews.create', { openingId: kept.id, ...slot, team: [{ name: 'Ana' }] });
    const deletedInterview = await core.call('interviews.create', { openingId: kept.id, ...slot, team: [{ name: 'Dan' }] });
    const hiddenInterview = await core.call('interviews.create', { openingId: trashed.id, ...slot, team: [{ name: 'Hal' }] });
    const gone = await core.call('contacts.create', { name: 'Gone Person', companyName: 'Acme' });
    core.vault.db.exec('DELETE FROM letters');
    const liveLetter = insertLetter({ openingId: kept.id, interviewId: keptInterview.id });
    insertLetter({ openingId: kept.id, interviewId: keptInterview.id, deletedAt: T });
    insertLetter({ openingId: kept.id, interviewId: deletedInterview.id });
    insertLetter({ openingId: trashed.id, interviewId: hiddenInterview.id });
    insertTouchpoint({ openingId: kept.id, kind: 'follow_up', deletedAt: T });
    insertTouchpoint({ openingId: trashed.id, kind: 'follow_up' });
    insertTouchpoint({ openingId: null, kind: 'other' });
    await core.call('interviews.delete', { id: deletedInterview.id });
    await core.call('contacts.delete', { id: gone.id });
    await core.call('openings.delete', { id: trashed.id });

    const facts = createFactsLoader(core.vault.db)();
    expect(facts.openings.map((o) => o.role)).toEqual(['Kept']);
    expect(facts.interviews.map((i) => i.id)).toEqual([keptInterview.id]);
    expect(facts.letters.map((l) => l.id)).toEqual([liveLetter]);
    expect(facts.touchpoints).toEqual([]);
    // Dan sat only on the interview in the trash; being at Acme does not make him one of its people.
    expect(facts.openingContacts.map((c) => c.name)).toEqual(['Ana']);
  });
});
