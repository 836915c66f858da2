import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreHarness, type CoreHarness } from '#support/core-harness';

let core: CoreHarness;
beforeEach(() => (core = coreHarness('2026-03-02T09:00:00.000Z')));
afterEach(() => core.cleanup());

describe('companies', () => {
  it('lists companies by name with their live openings and contacts counted', async () => {
    const kept = await core.call('openings.create', { companyName: 'Globex', role: 'A' });
    const trashed = await core.call('openings.create', { companyName: 'Globex', role: 'B' });
    await core.call('openings.create', { companyName: 'acme', role: 'C' });
    await core.call('contacts.create', { name: 'Gina', companyName: 'Globex' });
    const gone = await core.call('contacts.create', { name: 'Gus', companyName: 'Globex' });
    await core.call('openings.delete', { id: trashed.id });
    await core.call('contacts.delete', { id: gone.id });
    expect(await core.call('companies.list', undefined)).toEqual([
      { id: expect.any(String), name: 'acme', website: null, openingCount: 1, contactCount: 0 },
      { id: kept.companyId, name: 'Globex', website: null, openingCount: 1, contactCount: 1 },
    ]);
  });

  it('renames and sets the website; a change of case alone is allowed', async () => {
    const { companyId } = await core.call('openings.create', { companyName: 'acme', role: 'A' });
    const renamed = await core.call('companies.update', { id: companyId, name: 'ACME', website: 'https://acme.example' });
    expect(renamed).toMatchObject({ name: 'ACME', website: 'https://acme.example', openingCount: 1 });
    expect((await core.call('companies.update', { id: companyId, website: '' })).website).toBeNull();
    // The folded name follows the rename, so a new opening for "Acme" still finds it.
    const again = await core.call('openings.create', { companyName: 'Acme', role: 'B' });
    expect(again.companyId).toBe(companyId);
  });

  it('refuses to rename onto another company’s name', async () => {
    const { companyId } = await core.call('openings.create', { companyName: 'Acme', role: 'A' });
    await core.call('openings.create', { companyName: 'Globex', role: 'B' });
    const before = core.fingerprint();
    const error = await core.fail('companies.update', { id: companyId, name: ' globex ' });
    expect(error).toEqual({ code: 'CONFLICT', field: 'name', message: 'Another company is already called “globex”. Choose a different name.' });
    expect(core.fingerprint()).toBe(before);
  });

  it('answers an unknown company with NOT_FOUND', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await core.fail('companies.get', { id: unknown })).toMatchObject({ code: 'NOT_FOUND', message: 'This company no longer exists.' });
    expect(await core.fail('companies.update', { id: unknown, name: 'X' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('shows the company page: openings, contacts, research newest first and notes', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    const contact = await core.call('contacts.create', { name: 'Ann', companyName: 'Acme' });
    const older = await core.call('research.add', { companyId: opening.companyId, occurredOn: '2026-02-01', title: 'Annual report' });
    const newer = await core.call('research.add', { companyId: opening.companyId, occurredOn: '2026-02-20', title: 'Podcast with the CTO', sourceUrl: 'https://pod.example/ep1' });
    const note = await core.call('notes.create', { parentType: 'company', parentId: opening.companyId, title: 'Culture' });
    const page = await core.call('companies.get', { id: opening.companyId });
    expect(page.company).toMatchObject({ name: 'Acme', openingCount: 1, contactCount: 1 });
    expect(page.openings.map((o) => o.id)).toEqual([opening.id]);
    expect(page.contacts.map((c) => c.id)).toEqual([contact.id]);
    expect(page.research.map((r) => r.id)).toEqual([newer.id, older.id]);
    expect(page.notes.map((n) => n.id)).toEqual([note.id]);
  });
});
