import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreHarness, type CoreHarness } from '#support/core-harness';

let core: CoreHarness;
beforeEach(() => (core = coreHarness('2026-03-02T09:00:00.000Z')));
afterEach(() => core.cleanup());

async function company() {
  return (await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' })).companyId;
}

describe('research log', () => {
  it('adds a dated entry with an optional source link and summary', async () => {
    const companyId = await company();
    const entry = await core.call('research.add', { companyId, occurredOn: '2026-02-28', title: ' Funding round ', sourceUrl: '', summary: '' });
    expect(entry).toEqual({
      id: expect.any(String),
      companyId,
      occurredOn: '2026-02-28',
      title: 'Funding round',
      sourceUrl: null,
      summary: '',
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
    });
  });

  it('refuses an unknown company', async () => {
    const error = await core.fail('research.add', { companyId: '00000000-0000-4000-8000-000000000000', occurredOn: '2026-02-28', title: 'X' });
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'This company no longer exists.' });
  });

  it('refuses a source link that is not a web address', async () => {
    const companyId = await company();
    const error = await core.fail('research.add', { companyId, occurredOn: '2026-02-28', title: 'X', sourceUrl: 'javascript:alert(1)' });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'sourceUrl' });
  });

  it('updates only the keys present', async () => {
    const companyId = await company();
    const entry = await core.call('research.add', { companyId, occurredOn: '2026-02-28', title: 'Funding', sourceUrl: 'https://news.example/a', summary: 'Series B' });
    core.clock.advance(1000);
    const updated = await core.call('research.update', { id: entry.id, summary: 'Series C' });
    expect(updated).toMatchObject({ title: 'Funding', sourceUrl: 'https://news.example/a', summary: 'Series C', updatedAt: '2026-03-02T09:00:01.000Z' });
    expect((await core.call('research.update', { id: entry.id, sourceUrl: null })).sourceUrl).toBeNull();
  });

  it('moves an entry to the trash and back', async () => {
    const companyId = await company();
    const entry = await core.call('research.add', { companyId, occurredOn: '2026-02-28', title: 'Funding' });
    expect(await core.call('research.delete', { id: entry.id })).toEqual({ kind: 'research', id: entry.id, deletedAt: '2026-03-02T09:00:00.000Z' });
    expect((await core.call('companies.get', { id: companyId })).research).toEqual([]);
    expect(await core.fail('research.update', { id: entry.id, title: 'x' })).toMatchObject({ code: 'NOT_FOUND', message: 'This research entry no longer exists. It may be in the trash.' });
    expect(await core.call('trash.list', undefined)).toEqual([{ kind: 'research', id: entry.id, title: 'Funding', context: 'Acme', deletedAt: '2026-03-02T09:00:00.000Z' }]);
    await core.call('trash.restore', { kind: 'research', id: entry.id });
    expect((await core.call('companies.get', { id: companyId })).research.map((r) => r.id)).toEqual([entry.id]);
  });
});
