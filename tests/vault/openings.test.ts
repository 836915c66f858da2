import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openVault } from '#core/vault/connection';
import { createCompaniesRepository } from '#core/vault/repositories/companies';
import { createOpeningsRepository } from '#core/vault/repositories/openings';
import { newOpeningSchema } from '#shared/domain/opening';
import { coreHarness, type CoreHarness } from '#support/core-harness';

let core: CoreHarness;
beforeEach(() => (core = coreHarness('2026-03-02T09:00:00.000Z')));
afterEach(() => core.cleanup());

const NOW = '2026-03-02T09:00:00.000Z';

function repositories() {
  const companies = createCompaniesRepository(core.vault.db);
  return { companies, openings: createOpeningsRepository(core.vault.db, companies) };
}

const interviewAt = (openingId: string, startsAt: string) => ({
  openingId,
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
  timeZone: 'Europe/Berlin',
  format: 'video' as const,
});

describe('openings repository', () => {
  it('creates an opening with its company and lists it', () => {
    const { openings } = repositories();
    const created = openings.create(newOpeningSchema.parse({ companyName: 'Acme Robotics', role: 'Staff Engineer' }), NOW);
    expect(created).toMatchObject({ companyName: 'Acme Robotics', role: 'Staff Engineer', stage: 'interested', jobUrl: null, location: null, salaryMin: null });
    expect(openings.list(NOW).map((o) => o.id)).toEqual([created.id]);
  });

  it('treats company names that differ only in case and spacing as one company', () => {
    const { openings, companies } = repositories();
    openings.create(newOpeningSchema.parse({ companyName: 'Acme  Robotics', role: 'A' }), NOW);
    openings.create(newOpeningSchema.parse({ companyName: ' acme robotics ', role: 'B' }), '2026-03-01T11:00:00.000Z');
    expect(companies.list()).toEqual([expect.objectContaining({ name: 'Acme Robotics', openingCount: 2, contactCount: 0, website: null })]);
  });

  it('lists the most recently changed opening first', () => {
    const { openings } = repositories();
    openings.create(newOpeningSchema.parse({ companyName: 'Old Co', role: 'A' }), '2026-01-01T00:00:00.000Z');
    openings.create(newOpeningSchema.parse({ companyName: 'New Co', role: 'B' }), '2026-02-01T00:00:00.000Z');
    expect(openings.list(NOW).map((o) => o.companyName)).toEqual(['New Co', 'Old Co']);
  });

  it('keeps what was saved after the vault is closed and reopened', () => {
    const { openings } = repositories();
    openings.create(newOpeningSchema.parse({ companyName: 'Durable Inc', role: 'Analyst', jobUrl: 'https://jobs.example.com/1', salaryMin: 50_000 }), NOW);
    core.vault.close();
    const reopened = openVault(core.vault.path);
    const again = createOpeningsRepository(reopened.db, createCompaniesRepository(reopened.db));
    expect(again.list(NOW)).toEqual([expect.objectContaining({ companyName: 'Durable Inc', jobUrl: 'https://jobs.example.com/1', salaryMin: 50_000 })]);
    reopened.close();
  });
});

describe('openings through the contract', () => {
  it('stores every hiring-process field, normalized', async () => {
    const created = await core.call('openings.create', {
      companyName: 'Acme',
      role: 'Engineer',
      stage: 'applied',
      location: ' Berlin ',
      salaryMin: 70_000,
      salaryMax: 90_000,
      salaryCurrency: 'eur',
      source: 'Referral',
      appliedOn: '2026-02-20',
      nextStep: 'Wait for the recruiter',
      notifyBy: '2026-03-10',
      fillBy: '',
      followUpChannel: 'email',
    });
    expect(created).toMatchObject({ location: 'Berlin', salaryCurrency: 'EUR', fillBy: null, followUpChannel: 'email', createdAt: NOW, updatedAt: NOW });
  });

  it('summarizes interviews: count, the next one from now, and the last one before now', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    await core.call('interviews.create', interviewAt(opening.id, '2026-02-20T10:00:00.000Z'));
    await core.call('interviews.create', interviewAt(opening.id, '2026-02-27T10:00:00.000Z'));
    await core.call('interviews.create', interviewAt(opening.id, '2026-03-09T10:00:00.000Z'));
    await core.call('interviews.create', interviewAt(opening.id, '2026-03-05T10:00:00.000Z'));
    const [summary] = await core.call('openings.list', undefined);
    expect(summary).toMatchObject({ interviewCount: 4, nextInterviewAt: '2026-03-05T10:00:00.000Z', lastInterviewAt: '2026-02-27T10:00:00.000Z' });

    core.clock.set('2026-03-06T00:00:00.000Z');
    const [later] = await core.call('openings.list', undefined);
    expect(later).toMatchObject({ nextInterviewAt: '2026-03-09T10:00:00.000Z', lastInterviewAt: '2026-03-05T10:00:00.000Z' });
  });

  it('counts an interview starting exactly now as the next one', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    await core.call('interviews.create', interviewAt(opening.id, NOW));
    const [summary] = await core.call('openings.list', undefined);
    expect(summary).toMatchObject({ nextInterviewAt: NOW, lastInterviewAt: null });
  });

  it('updates only the keys present and bumps updated_at', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer', location: 'Berlin', salaryMin: 1000 });
    core.clock.advance(60_000);
    const updated = await core.call('openings.update', { id: opening.id, role: 'Senior Engineer', source: '' });
    expect(updated).toMatchObject({ role: 'Senior Engineer', location: 'Berlin', salaryMin: 1000, source: null, createdAt: NOW, updatedAt: '2026-03-02T09:01:00.000Z' });
    const cleared = await core.call('openings.update', { id: opening.id, location: null });
    expect(cleared.location).toBeNull();
  });

  it('re-links to an existing company, or creates one, when the company name changes', async () => {
    const acme = await core.call('openings.create', { companyName: 'Acme', role: 'A' });
    const globex = await core.call('openings.create', { companyName: 'Globex', role: 'B' });
    const moved = await core.call('openings.update', { id: acme.id, companyName: 'GLOBEX' });
    expect(moved.companyId).toBe(globex.companyId);
    const renamed = await core.call('openings.update', { id: acme.id, companyName: 'Initech' });
    expect(renamed.companyName).toBe('Initech');
    expect((await core.call('companies.list', undefined)).map((c) => [c.name, c.openingCount])).toEqual([
      ['Acme', 0],
      ['Globex', 1],
      ['Initech', 1],
    ]);
  });

  it('checks the salary range against what is stored, not only what arrives', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'A', salaryMin: 80_000 });
    const before = core.fingerprint();
    const error = await core.fail('openings.update', { id: opening.id, salaryMax: 50_000 });
    expect(error).toEqual({ code: 'INVALID_INPUT', message: 'The lowest salary must not exceed the highest.', field: 'salaryMax' });
    expect(core.fingerprint()).toBe(before);
    await core.call('openings.update', { id: opening.id, salaryMin: null, salaryMax: 50_000 });
  });

  it('answers an unknown opening with NOT_FOUND', async () => {
    const error = await core.fail('openings.update', { id: '00000000-0000-4000-8000-000000000000', role: 'X' });
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'This opening no longer exists. It may be in the trash.' });
  });

  it('shows the opening page: interviews oldest first, the company contacts and the team, notes newest first', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    const recruiter = await core.call('contacts.create', { name: 'Rita Recruiter', companyName: 'Acme' });
    const outsider = await core.call('contacts.create', { name: 'Olga Outside', companyName: 'Agency Ltd' });
    await core.call('contacts.create', { name: 'Unrelated Person', companyName: 'Globex' });
    const second = await core.call('interviews.create', { ...interviewAt(opening.id, '2026-03-04T10:00:00.000Z'), team: [{ name: 'Ivan Interviewer' }] });
    const first = await core.call('interviews.create', { ...interviewAt(opening.id, '2026-03-03T10:00:00.000Z'), team: [{ contactId: outsider.id }] });
    const olderNote = await core.call('notes.create', { parentType: 'opening', parentId: opening.id, title: 'First' });
    core.clock.advance(1000);
    const newerNote = await core.call('notes.create', { parentType: 'opening', parentId: opening.id, title: 'Second' });

    const detail = await core.call('openings.get', { id: opening.id });
    expect(detail.opening).toMatchObject({ id: opening.id, stage: 'interviewing' });
    expect(detail.interviews.map((i) => i.id)).toEqual([first.id, second.id]);
    expect(detail.interviews[1]).toMatchObject({ role: 'Engineer', companyName: 'Acme', teamNames: ['Ivan Interviewer'], debriefCompleted: false });
    expect(detail.contacts.map((c) => c.name)).toEqual(['Ivan Interviewer', 'Olga Outside', 'Rita Recruiter']);
    expect(detail.notes.map((n) => n.id)).toEqual([newerNote.id, olderNote.id]);
    expect(recruiter.companyId).toBe(opening.companyId);
  });

  it('moves to the trash: gone from the list and the page, its interviews and notes hidden, its contacts kept', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    const interview = await core.call('interviews.create', { ...interviewAt(opening.id, '2026-03-04T10:00:00.000Z'), team: [{ name: 'Ivan' }] });
    const note = await core.call('notes.create', { parentType: 'interview', parentId: interview.id });
    core.clock.advance(5000);
    const deleted = await core.call('openings.delete', { id: opening.id });
    expect(deleted).toEqual({ kind: 'opening', id: opening.id, deletedAt: '2026-03-02T09:00:05.000Z' });

    expect(await core.call('openings.list', undefined)).toEqual([]);
    expect(await core.fail('openings.get', { id: opening.id })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/no longer exists. It may be in the trash/) });
    expect(await core.fail('interviews.get', { id: interview.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await core.fail('notes.get', { id: note.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await core.call('contacts.list', undefined)).map((c) => c.name)).toEqual(['Ivan']);
    expect(await core.fail('openings.delete', { id: opening.id })).toMatchObject({ code: 'NOT_FOUND' });

    // Only the opening was marked; its interview and note come back with it.
    expect((await core.call('trash.list', undefined)).map((item) => item.kind)).toEqual(['opening']);
    await core.call('trash.restore', { kind: 'opening', id: opening.id });
    expect((await core.call('notes.get', { id: note.id })).id).toBe(note.id);
    expect((await core.call('openings.list', undefined))[0]).toMatchObject({ interviewCount: 1 });
  });
});
