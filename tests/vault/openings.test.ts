import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCompaniesRepository } from '../../electron/core/vault/repositories/companies';
import { createOpeningsRepository } from '../../electron/core/vault/repositories/openings';
import { newOpeningSchema } from '../../shared/domain/opening';
import { tempVault } from '../support/temp-vault';

let vault: ReturnType<typeof tempVault>;
beforeEach(() => (vault = tempVault()));
afterEach(() => vault.cleanup());

function repositories() {
  const companies = createCompaniesRepository(vault.db);
  return { companies, openings: createOpeningsRepository(vault.db, companies) };
}

describe('openings repository', () => {
  it('creates an opening with its company and lists it', () => {
    const { openings } = repositories();
    const created = openings.create(newOpeningSchema.parse({ companyName: 'Acme Robotics', role: 'Staff Engineer' }), '2026-03-01T10:00:00.000Z');
    expect(created).toMatchObject({ companyName: 'Acme Robotics', role: 'Staff Engineer', stage: 'interested', jobUrl: null });
    expect(openings.list().map((o) => o.id)).toEqual([created.id]);
  });

  it('treats company names that differ only in case and spacing as one company', () => {
    const { openings, companies } = repositories();
    openings.create(newOpeningSchema.parse({ companyName: 'Acme  Robotics', role: 'A' }), '2026-03-01T10:00:00.000Z');
    openings.create(newOpeningSchema.parse({ companyName: ' acme robotics ', role: 'B' }), '2026-03-01T11:00:00.000Z');
    expect(companies.list()).toEqual([expect.objectContaining({ name: 'Acme Robotics', openingCount: 2 })]);
  });

  it('lists the most recently changed opening first', () => {
    const { openings } = repositories();
    openings.create(newOpeningSchema.parse({ companyName: 'Old Co', role: 'A' }), '2026-01-01T00:00:00.000Z');
    openings.create(newOpeningSchema.parse({ companyName: 'New Co', role: 'B' }), '2026-02-01T00:00:00.000Z');
    expect(openings.list().map((o) => o.companyName)).toEqual(['New Co', 'Old Co']);
  });

  it('keeps what was saved after the vault is closed and reopened', async () => {
    const { openings } = repositories();
    openings.create(newOpeningSchema.parse({ companyName: 'Durable Inc', role: 'Analyst', jobUrl: 'https://jobs.example.com/1' }), '2026-01-01T00:00:00.000Z');
    vault.close();
    const { openVault } = await import('../../electron/core/vault/connection');
    const reopened = openVault(vault.path);
    const again = createOpeningsRepository(reopened.db, createCompaniesRepository(reopened.db));
    expect(again.list()).toEqual([expect.objectContaining({ companyName: 'Durable Inc', role: 'Analyst', jobUrl: 'https://jobs.example.com/1' })]);
    reopened.close();
  });
});
