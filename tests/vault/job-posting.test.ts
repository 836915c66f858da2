import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MARK_END, MARK_START } from '#shared/domain/search';
import { coreHarness, type CoreHarness } from '#support/core-harness';

const POSTING = 'Senior Data Analyst\r\n\r\nYou will own the churn dashboards and mentor two analysts.\r\nWe use dbt, Looker and a great deal of patience.';

describe('the job posting kept on an opening', () => {
  let core: CoreHarness;
  let openingId: string;
  beforeEach(async () => {
    core = coreHarness('2026-03-02T09:00:00.000Z');
    openingId = (await core.call('openings.create', { companyName: 'Northwind', role: 'Data Analyst', jobUrl: 'https://northwind.example/jobs/42' })).id;
  });
  afterEach(() => core.cleanup());

  it('is kept as pasted (line breaks made plain) and comes back with the opening, never with the pipeline', async () => {
    expect((await core.call('openings.get', { id: openingId })).posting).toBeNull();
    const saved = await core.call('openings.posting.save', { id: openingId, text: POSTING });
    expect(saved).toEqual({ text: POSTING.replace(/\r\n/g, '\n'), savedAt: '2026-03-02T09:00:00.000Z' });
    expect((await core.call('openings.get', { id: openingId })).posting).toEqual(saved);
    const [row] = await core.call('openings.list', undefined);
    expect(JSON.stringify(row)).not.toContain('churn');
  });

  it('is found by search, marked, and the result opens the opening', async () => {
    await core.call('openings.posting.save', { id: openingId, text: POSTING });
    const results = await core.call('search.query', { text: 'churn dashboards', limit: 20 });
    expect(results.map((result) => [result.kind, result.id, result.route])).toEqual([['opening', openingId, `/openings/${openingId}`]]);
    expect(results[0]!.snippet).toContain(`${MARK_START}churn${MARK_END}`);
  });

  it('is in the prep sheet in its own paragraphs, and the sheet says when none was kept', async () => {
    const sheet = async () => Buffer.from((await core.call('openings.prepSheet.export', { id: openingId, format: 'markdown' })).dataBase64, 'base64').toString('utf8');
    expect(await sheet()).toContain('No posting kept.');
    await core.call('openings.posting.save', { id: openingId, text: POSTING });
    const markdown = await sheet();
    expect(markdown).toMatch(/### The job posting\s+Senior Data Analyst\s+You will own the churn dashboards and mentor two analysts\.\\?\s+We use dbt/);
    expect(markdown).toContain('Kept on 2 March 2026.');
  });

  it('is removed by saving it empty, and search forgets it', async () => {
    await core.call('openings.posting.save', { id: openingId, text: POSTING });
    expect(await core.call('openings.posting.save', { id: openingId, text: '   \n ' })).toBeNull();
    expect((await core.call('openings.get', { id: openingId })).posting).toBeNull();
    expect(await core.call('search.query', { text: 'churn', limit: 20 })).toEqual([]);
  });

  it('refuses a posting too long to be one, and keeps the one there', async () => {
    await core.call('openings.posting.save', { id: openingId, text: POSTING });
    const before = core.fingerprint();
    expect(await core.fail('openings.posting.save', { id: openingId, text: 'x'.repeat(60_001) })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('at most 60000 characters') });
    expect(core.fingerprint()).toBe(before);
  });
});
