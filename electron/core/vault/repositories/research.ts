import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { newResearchEntrySchema, researchEntryPatchSchema, ResearchEntry } from '#shared/domain/company';
import type { Deleted } from '#shared/domain/trash';
import type { Db } from '../connection';
import { live } from '../tables/live';
import { researchTable } from '../tables/research';
import { insertSql, rowDefaults, selectList, updateSql } from '../tables/sql';
import { missing } from '../missing';
import type { CompaniesRepository } from './companies';

export type NewResearchEntry = z.output<typeof newResearchEntrySchema>;
export type ResearchEntryPatch = z.output<typeof researchEntryPatchSchema>;

const SELECT_ENTRY = `SELECT ${selectList(researchTable)} FROM research_entries r WHERE ${live(researchTable)}`;

const PATCHABLE_KEYS = researchTable.editableKeys();
const NEW_ENTRY = rowDefaults(researchTable);

/** The company research log: dated entries of what the user read or heard, and where. */
export function createResearchRepository(db: Db, companies: CompaniesRepository) {
  const insert = db.prepare(insertSql(researchTable));
  const update = db.prepare(updateSql(researchTable));
  const byId = db.prepare<[string], ResearchEntry>(`${SELECT_ENTRY} AND r.id = ?`);
  const ofCompany = db.prepare<[string], ResearchEntry>(`${SELECT_ENTRY} AND r.company_id = ? ORDER BY r.occurred_on DESC, r.created_at DESC, r.id`);
  const markDeleted = db.prepare(`UPDATE research_entries AS r SET deleted_at = @now WHERE r.id = @id AND ${live(researchTable)}`);

  const add = db.transaction((input: NewResearchEntry, now: string): ResearchEntry => {
    if (!companies.get(input.companyId)) throw missing('company');
    const id = randomUUID();
    insert.run({ ...NEW_ENTRY, ...input, id, now });
    return byId.get(id)!;
  });

  const updateEntry = db.transaction((patch: ResearchEntryPatch, now: string): ResearchEntry => {
    const current = byId.get(patch.id);
    if (!current) throw missing('research');
    const next = { ...current };
    for (const key of PATCHABLE_KEYS) {
      if (patch[key] !== undefined) Object.assign(next, { [key]: patch[key] });
    }
    update.run({ ...next, now });
    return byId.get(patch.id)!;
  });

  const softDelete = db.transaction((id: string, now: string): Deleted => {
    if (markDeleted.run({ id, now }).changes === 0) throw missing('research');
    return { kind: 'research', id, deletedAt: now };
  });

  return {
    add,
    update: updateEntry,
    softDelete,
    /** Newest first. */
    listOfCompany: (companyId: string): ResearchEntry[] => ofCompany.all(companyId),
  };
}
export type ResearchRepository = ReturnType<typeof createResearchRepository>;
