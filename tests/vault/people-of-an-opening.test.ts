import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSliceFactsLoader } from '#core/vault/read-models/playbook-facts';
import { createReminderService } from '#core/reminders/service';
import type { ReminderView } from '#shared/domain/reminder';
import { coreHarness, type CoreHarness } from '#support/core-harness';

const DAY = 86_400_000;
const slot = (day: number) => ({ startsAt: `2026-03-0${day}T09:00:00.000Z`, endsAt: `2026-03-0${day}T10:00:00.000Z`, timeZone: 'UTC', format: 'video' as const });

let core: CoreHarness;
beforeEach(() => {
  core = coreHarness('2026-03-02T09:00:00.000Z');
});
afterEach(() => core.cleanup());

/** What Today lists, as a freshly started reminder service plans it at the harness's clock. */
function today(): ReminderView[] {
  const agenda = createReminderService({ db: core.vault.db, now: core.clock.now, timeZone: () => 'UTC' }).agenda();
  return [...agenda.overdue, ...agenda.today, ...agenda.week];
}
const aboutPeople = (items: ReminderView[], kind: 'stay_in_touch' | 'linkedin_connect') =>
  items.filter((item) => item.kind === kind).map((item) => ({ person: item.target.id, opening: item.openingId }));

async function contactNamed(name: string): Promise<string> {
  return (await core.call('contacts.list', undefined)).find((contact) => contact.name === name)!.id;
}

/**
 * Acme: Ana interviewed for the Engineer opening only; Carl for Engineer and
 * for Designer, which is still going on; Bea works there and never met the
 * user about either; Cy, the recruiter, wrote about Engineer.
 */
async function acme() {
  const engineer = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer', stage: 'applied' });
  const designer = await core.call('openings.create', { companyName: 'Acme', role: 'Designer', stage: 'applied' });
  await core.call('interviews.create', { openingId: engineer.id, ...slot(3), team: [{ name: 'Ana Ruiz' }, { name: 'Carl Berg' }] });
  const carl = await contactNamed('Carl Berg');
  await core.call('interviews.create', { openingId: designer.id, ...slot(4), team: [{ contactId: carl }] });
  const bea = await core.call('contacts.create', { name: 'Bea Colleague', companyName: 'Acme' });
  const cy = await core.call('contacts.create', { name: 'Cy Recruiter', companyName: 'Acme' });
  core.clock.set('2026-03-05T09:00:00.000Z');
  await core.call('touchpoints.log', { openingId: engineer.id, contactId: cy.id, channel: 'email', direction: 'inbound', kind: 'other', occurredAt: '2026-03-05T08:00:00.000Z' });
  return { engineer, designer, ana: await contactNamed('Ana Ruiz'), carl, bea: bea.id, cy: cy.id };
}

describe('the people of an opening', () => {
  it('after a rejection, stays in touch with and suggests LinkedIn to the people met about it, not everyone at the company', async () => {
    const { engineer, ana, bea, cy } = await acme();
    core.clock.set('2026-03-10T09:00:00.000Z');
    await core.call('openings.recordOutcome', { openingId: engineer.id, outcome: 'rejected' });

    // The hold lifts for Ana and Cy; Carl is still in the Designer process, Bea never met the user about Engineer.
    expect(aboutPeople(today(), 'linkedin_connect')).toEqual(expect.arrayContaining([{ person: ana, opening: engineer.id }, { person: cy, opening: engineer.id }]));
    expect(aboutPeople(today(), 'linkedin_connect')).toHaveLength(2);

    // Ninety days on, a hello to each of them; none for Bea or Carl.
    core.clock.advance(91 * DAY);
    const stayInTouch = aboutPeople(today(), 'stay_in_touch');
    expect(stayInTouch).toHaveLength(2);
    expect(stayInTouch).toEqual(expect.arrayContaining([{ person: ana, opening: engineer.id }, { person: cy, opening: engineer.id }]));
    expect(stayInTouch.map((item) => item.person)).not.toContain(bea);
  });

  it('keeps the LinkedIn hold on a person while another of their processes is open: no reminder, the contact page and the guard agree', async () => {
    const { engineer, designer, ana, carl } = await acme();
    core.clock.set('2026-03-10T09:00:00.000Z');
    await core.call('openings.recordOutcome', { openingId: engineer.id, outcome: 'rejected' });

    expect(aboutPeople(today(), 'linkedin_connect').map((item) => item.person)).not.toContain(carl);
    expect((await core.call('contacts.get', { id: carl })).linkedinHold).toBe(true);
    // Logging an invitation to Carl on the closed opening still warns: the Designer process holds it.
    const check = await core.call('touchpoints.check', { openingId: engineer.id, contactId: carl, channel: 'linkedin', direction: 'outbound', kind: 'linkedin_invite' });
    expect(check.warnings.map((warning) => warning.code)).toContain('linkedin_hold');

    // Ana's only process is over: no hold on her page, though Acme still has the Designer opening going.
    expect((await core.call('contacts.get', { id: ana })).linkedinHold).toBe(false);
    const forAna = await core.call('touchpoints.check', { openingId: engineer.id, contactId: ana, channel: 'linkedin', direction: 'outbound', kind: 'linkedin_invite' });
    expect(forAna.warnings.map((warning) => warning.code)).not.toContain('linkedin_hold');

    // Once Designer closes too, Carl gets one suggestion, from that latest close, and the hold lifts everywhere.
    core.clock.set('2026-03-20T09:00:00.000Z');
    await core.call('openings.recordOutcome', { openingId: designer.id, outcome: 'withdrawn' });
    expect(aboutPeople(today(), 'linkedin_connect').filter((item) => item.person === carl)).toEqual([{ person: carl, opening: designer.id }]);
    expect((await core.call('contacts.get', { id: carl })).linkedinHold).toBe(false);
  });

  it('gives a person one stay-in-touch cadence however many of their openings were rejected, from the latest', async () => {
    const { engineer, designer, carl } = await acme();
    core.clock.set('2026-03-10T09:00:00.000Z');
    await core.call('openings.recordOutcome', { openingId: engineer.id, outcome: 'rejected' });
    core.clock.set('2026-03-20T09:00:00.000Z');
    await core.call('openings.recordOutcome', { openingId: designer.id, outcome: 'rejected' });

    // A week before the second cadence's first hello, the first rejection's would be long overdue: there is only the one.
    core.clock.set('2026-06-12T09:00:00.000Z');
    const carls = today().filter((item) => item.kind === 'stay_in_touch' && item.target.id === carl);
    expect(carls.map((item) => ({ opening: item.openingId, dueAt: item.dueAt }))).toEqual([{ opening: designer.id, dueAt: '2026-06-18T09:00:00.000Z' }]);
    expect(aboutPeople(today(), 'linkedin_connect').filter((item) => item.person === carl)).toEqual([{ person: carl, opening: designer.id }]);
  });

  it('reads, a slice of openings at a time, the other openings each person of the slice belongs to', async () => {
    const { engineer, designer, ana, carl, cy } = await acme();
    const loader = createSliceFactsLoader(core.vault.db);
    const facts = loader.load([engineer.id]);
    expect(facts.openingContacts.map((person) => person.contactId).sort()).toEqual([ana, carl, cy].sort());
    expect(facts.otherOpeningsOfPeople).toEqual([{ contactId: carl, openingId: designer.id, stage: 'interviewing', stageChangedAt: expect.any(String) }]);
  });
});
