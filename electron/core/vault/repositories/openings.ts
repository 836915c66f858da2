import { randomUUID } from 'node:crypto';
import type { NewOpening, Opening } from '../../../../shared/domain/opening';
import type { Db } from '../connection';
import type { CompaniesRepository } from './companies';

const SELECT_OPENING = `
  SELECT o.id, o.company_id AS companyId, c.name AS companyName, o.role, o.stage,
         o.job_url AS jobUrl, o.created_at AS createdAt, o.updated_at AS updatedAt
  FROM openings o JOIN companies c ON c.id = o.company_id`;

export function createOpeningsRepository(db: Db, companies: CompaniesRepository) {
  const insert = db.prepare(`
    INSERT INTO openings (id, company_id, role, stage, job_url, created_at, updated_at)
    VALUES (@id, @companyId, @role, @stage, @jobUrl, @now, @now)`);
  const byId = db.prepare<[string], Opening>(`${SELECT_OPENING} WHERE o.id = ?`);
  const all = db.prepare<[], Opening>(`${SELECT_OPENING} ORDER BY o.updated_at DESC, o.id`);

  const create = db.transaction((input: NewOpening, now: string): Opening => {
    const companyId = companies.ensure(input.companyName, now);
    const id = randomUUID();
    insert.run({ id, companyId, role: input.role, stage: input.stage, jobUrl: input.jobUrl, now });
    return byId.get(id)!;
  });

  return {
    create,
    get: (id: string): Opening | undefined => byId.get(id),
    list: (): Opening[] => all.all(),
  };
}
export type OpeningsRepository = ReturnType<typeof createOpeningsRepository>;
