import { randomUUID } from 'node:crypto';
import type { Company } from '../../../../shared/domain/company';
import type { Db } from '../connection';

/** Folds case and inner spacing so one company is not recorded twice. */
export function companyKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

export function createCompaniesRepository(db: Db) {
  const byKey = db.prepare<[string], { id: string }>('SELECT id FROM companies WHERE name_key = ?');
  const insert = db.prepare(
    'INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES (@id, @name, @nameKey, @now, @now)',
  );
  const list = db.prepare<[], Company>(`
    SELECT c.id, c.name, COUNT(o.id) AS openingCount
    FROM companies c LEFT JOIN openings o ON o.company_id = c.id
    GROUP BY c.id ORDER BY c.name_key`);

  return {
    /** The id of the company with this name, created if new. Call inside a transaction. */
    ensure(name: string, now: string): string {
      const nameKey = companyKey(name);
      const existing = byKey.get(nameKey);
      if (existing) return existing.id;
      const id = randomUUID();
      insert.run({ id, name: name.trim().replace(/\s+/g, ' '), nameKey, now });
      return id;
    },
    list(): Company[] {
      return list.all();
    },
  };
}
export type CompaniesRepository = ReturnType<typeof createCompaniesRepository>;
