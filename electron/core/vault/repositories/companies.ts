import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Company, companyPatchSchema } from '#shared/domain/company';
import { AppError } from '#core/errors';
import type { Db } from '../connection';
import { companiesTable } from '../tables/companies';
import { contactsTable } from '../tables/contacts';
import { live } from '../tables/live';
import { openingsTable } from '../tables/openings';
import { insertSql, rowDefaults, selectList, updateSql } from '../tables/sql';
import { missing } from '../missing';

/** Folds case and inner spacing so one company is not recorded twice. */
export function companyKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

function tidyName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

export type CompanyPatch = z.output<typeof companyPatchSchema>;

/** The columns a patch sets as given (the name is tidied and keyed apart). */
const PATCHED_KEYS = companiesTable.editableKeys().filter((key): key is Exclude<typeof key, 'name' | 'nameKey'> => key !== 'name' && key !== 'nameKey');

/** A company as the app sees it: its columns but the stamps, and how many live openings and people it has. */
const SELECT_COMPANY = `
  SELECT ${selectList(companiesTable, 'c', companiesTable.rowKeysWithout('createdAt', 'updatedAt'))},
    (SELECT COUNT(*) FROM openings o WHERE o.company_id = c.id AND ${live(openingsTable)}) AS openingCount,
    (SELECT COUNT(*) FROM contacts p WHERE p.company_id = c.id AND ${live(contactsTable)}) AS contactCount
  FROM companies c`;

/** A company named in passing (on an opening, a contact) has nothing else known yet. */
const NEW_COMPANY = rowDefaults(companiesTable);

export function createCompaniesRepository(db: Db) {
  const idByKey = db.prepare<[string], { id: string }>('SELECT id FROM companies WHERE name_key = ?');
  const insert = db.prepare(insertSql(companiesTable, { values: { nameKey: '@nameKey' } }));
  const update = db.prepare(updateSql(companiesTable));
  const byId = db.prepare<[string], Company>(`${SELECT_COMPANY} WHERE c.id = ?`);
  const all = db.prepare<[], Company>(`${SELECT_COMPANY} ORDER BY c.name_key`);

  /** The id of the company with this name, created if new. Call inside a transaction. */
  function ensure(name: string, now: string): string {
    const nameKey = companyKey(name);
    const existing = idByKey.get(nameKey);
    if (existing) return existing.id;
    const id = randomUUID();
    insert.run({ ...NEW_COMPANY, id, name: tidyName(name), nameKey, now });
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
    const next = { ...current };
    for (const key of PATCHED_KEYS) if (patch[key] !== undefined) Object.assign(next, { [key]: patch[key] });
    update.run({ ...next, name, nameKey, now });
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
