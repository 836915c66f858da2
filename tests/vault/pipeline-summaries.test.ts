import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCompaniesRepository } from '../../electron/core/vault/repositories/companies';
import { createOpeningsRepository } from '../../electron/core/vault/repositories/openings';
import { buildSyntheticVault } from '../support/synthetic-vault';
import { tempVault } from '../support/temp-vault';

const NOW = '2026-03-02T09:00:00.000Z';
let vault: ReturnType<typeof tempVault>;
beforeEach(() => {
  vault = tempVault();
  buildSyntheticVault(vault, { seed: 7, scale: 0.02, now: NOW });
});
afterEach(() => vault.cleanup());

describe('the pipeline list', () => {
  it('shows the same rows as each company page, newest change first, with interviews summarised as of now', () => {
    const { db } = vault;
    // Trashed rows must stay out of both: one opening, and an interview of another that keeps its others.
    const [gone, thinned] = db.prepare('SELECT DISTINCT opening_id AS id FROM interviews LIMIT 2').all() as { id: string }[];
    db.prepare('UPDATE openings SET deleted_at = ? WHERE id = ?').run(NOW, gone!.id);
    db.prepare('UPDATE interviews SET deleted_at = ? WHERE id = (SELECT id FROM interviews WHERE opening_id = ? ORDER BY starts_at DESC LIMIT 1)').run(NOW, thinned!.id);
    const openings = createOpeningsRepository(db, createCompaniesRepository(db));

    for (const now of [NOW, '2025-06-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']) {
      const pipeline = openings.list(now);
      const companyIds = (db.prepare('SELECT id FROM companies').all() as { id: string }[]).map((row) => row.id);
      const byCompany = companyIds.flatMap((companyId) => openings.listOfCompany(companyId, now));
      const newestFirst = byCompany.sort((a, b) => (a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : 1) : a.updatedAt < b.updatedAt ? 1 : -1));
      expect(pipeline).toEqual(newestFirst);
      expect(pipeline.some((row) => row.id === gone!.id)).toBe(false);
      // The vault has interviews on both sides of NOW, so the facts are not all empty.
      if (now === NOW) {
        expect(pipeline.some((row) => row.nextInterviewAt !== null)).toBe(true);
        expect(pipeline.some((row) => row.lastInterviewAt !== null)).toBe(true);
      }
    }
  });
});
