import { randomUUID } from 'node:crypto';
import type { Company } from '#shared/domain/company';
import { AppError } from '#core/errors';
import type { Db } from '../connection';
import { contactsTable } from '../tables/contacts';
import { live } from '../tables/live';
import { openingsTable } from '../tables/openings';
import { missing } from '../missing';

/** Folds case and inner spacing so one company is not recorded twice. */
export function companyKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

function tidyName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

export interface CompanyPatch {
  id: string;
  name?: string;
  website?: string | null;
}

const SELECT_COMPANY = `
  SELECT c.id, c.name, c.website,
    (SELECT COUNT(*) FROM openings o WHERE o.company_id = c.id AND ${live(openingsTable)}) AS openingCount,
    (SELECT COUNT(*) FROM contacts p WHERE p.company_id = c.id AND ${live(contactsTable)}) AS contactCount
  FROM companies c`;

export function createCompaniesRepository(db: Db) {
  const idByKey = db.prepare<[string], { id: string }>('SELECT id FROM companies WHERE name_key = ?');
  const insert = db.prepare(
    'INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES (@id, @name, @nameKey, @now, @now)',
  );
  const update = db.prepare(
    'UPDATE companies SET name = @name, name_key = @nameKey, website = @website, updated_at = @now WHERE id = @id',
  );
  const byId = db.prepare<[string], Company>(`${SELECT_COMPANY} WHERE c.id = ?`);
  const all = db.prepare<[], Company>(`${SELECT_COMPANY} ORDER BY c.name_key`);

  /** The id of the company with this name, created if new. Call inside a transaction. */
  function ensure(name: string, now: string): string {
    const nameKey = companyKey(name);
    const existing = idByKey.get(nameKey);
    if (existing) return existing.id;
    const id = randomUUID();
    insert.run({ id, name: tidyName(name), nameKey, now });
    return id;
  }

  const updateCompany = db.transaction((patch: CompanyPatch, now: string): Company => {
    const current = byId.get(patch.id);
    if (!current) throw missing('company');
    const name = patch.name === undefined ? current.name : tidyName(patch.name);
    const nameKey = companyKey(name);
    const holder = idByKey.get(nameKey);
    if (holder && holder.id !== patch.id) {
      throw new AppError('CONFLICT', `Another company is already called “${name}”. Choose a different name.`, 'name');
    }
    const website = patch.website === undefined ? current.website : patch.website;
    update.run({ id: patch.id, name, nameKey, website, now });
    return byId.get(patch.id)!;
  });

  return {
    ensure,
    get: (id: string): Company | undefined => byId.get(id),
    list: (): Company[] => all.all(),
    update: updateCompany,
  };
}
export type CompaniesRepository = ReturnType<typeof createCompaniesRepository>;
