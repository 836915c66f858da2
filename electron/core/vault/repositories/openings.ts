import { randomUUID } from 'node:crypto';
import { STAGE_LABELS, type NewOpening, type Opening, type OpeningPatch, type OpeningSummary, type Posting, type Stage } from '#shared/domain/opening';
import { isOutcomeStage } from '#shared/domain/outcome';
import type { PipelineRow } from '#shared/domain/pipeline';
import type { Deleted } from '#shared/domain/trash';
import { AppError } from '#core/errors';
import type { Db } from '../connection';
import { interviewsTable } from '../tables/interviews';
import { live, notTrashed } from '../tables/live';
import { openingsTable } from '../tables/openings';
import { insertSql, rowDefaults, selectList, updateSql } from '../tables/sql';
import { missing } from '../missing';
import { peopleOfOpenings } from '../people-of-openings';
import { createPipelineSummaries } from './pipeline-summaries';
import type { CompaniesRepository } from './companies';

const OPENING_COLUMNS = `${selectList(openingsTable)}, c.name AS companyName`;

/** Interview facts per opening; ISO instants of one format compare correctly as text. */
const SUMMARY_COLUMNS = `${OPENING_COLUMNS},
  (SELECT COUNT(*) FROM interviews i WHERE i.opening_id = o.id AND ${notTrashed(interviewsTable, 'i')}) AS interviewCount,
  (SELECT MIN(i.starts_at) FROM interviews i
    WHERE i.opening_id = o.id AND ${notTrashed(interviewsTable, 'i')} AND i.starts_at >= @now) AS nextInterviewAt,
  (SELECT MAX(i.starts_at) FROM interviews i
    WHERE i.opening_id = o.id AND ${notTrashed(interviewsTable, 'i')} AND i.starts_at < @now) AS lastInterviewAt`;

const FROM_LIVE_OPENINGS = `FROM openings o JOIN companies c ON c.id = o.company_id WHERE ${live(openingsTable)}`;
const NEWEST_CHANGE_FIRST = 'ORDER BY o.updated_at DESC, o.id';

/** The hiring-process facts a debrief may carry over to its opening. */
export interface HiringFacts {
  nextStep: string | null;
  notifyBy: string | null;
  fillBy: string | null;
}

/** The columns a patch may change (the company comes by its name, and is looked up). */
const PATCHED_KEYS = openingsTable.editableKeys().filter((key) => key !== 'companyId');

/** What a new opening holds where the form said nothing (a field added later, say). */
const NEW_OPENING = rowDefaults(openingsTable);

const STAGES_BEFORE_INTERVIEWS = ['interested', 'applied'];

/** The openings @contactId is one of the people of (see people-of-openings.ts). */
const OPENINGS_OF_PERSON = peopleOfOpenings((_opening, contact) => `${contact} = @contactId`);

export function createOpeningsRepository(db: Db, companies: CompaniesRepository) {
  const insert = db.prepare(insertSql(openingsTable, { values: { stageChangedAt: '@now' } }));
  // The playbook counts from when an opening entered its stage; SET reads the old row, so the CASE compares old with new.
  const update = db.prepare(updateSql(openingsTable, { set: { stageChangedAt: 'CASE WHEN stage = @stage THEN stage_changed_at ELSE @now END' } }));
  const byId = db.prepare<[string], Opening>(`SELECT ${OPENING_COLUMNS} ${FROM_LIVE_OPENINGS} AND o.id = ?`);
  const pipeline = createPipelineSummaries(db);
  const summariesOfCompany = db.prepare<{ now: string; companyId: string }, OpeningSummary>(
    `SELECT ${SUMMARY_COLUMNS} ${FROM_LIVE_OPENINGS} AND o.company_id = @companyId ${NEWEST_CHANGE_FIRST}`,
  );
  const summariesOfContact = db.prepare<{ now: string; contactId: string; companyId: string | null }, OpeningSummary>(`
    SELECT ${SUMMARY_COLUMNS} ${FROM_LIVE_OPENINGS}
      AND (o.company_id = @companyId OR o.id IN (SELECT opening_id FROM (${OPENINGS_OF_PERSON})))
    ${NEWEST_CHANGE_FIRST}`);
  const interviewCount = db.prepare<[string], { n: number }>(`SELECT COUNT(*) AS n FROM interviews i WHERE i.opening_id = ? AND ${notTrashed(interviewsTable)}`);
  const stagesOfPerson = db.prepare<{ contactId: string }, { stage: Stage }>(`
    SELECT o.stage FROM openings o WHERE ${live(openingsTable)} AND o.id IN (SELECT opening_id FROM (${OPENINGS_OF_PERSON}))`);
  const markDeleted = db.prepare(`UPDATE openings SET deleted_at = @now WHERE id = @id AND ${notTrashed(openingsTable, 'openings')}`);
  const advanceToInterviewing = db.prepare(`
    UPDATE openings SET stage = 'interviewing', stage_changed_at = @now, updated_at = @now
    WHERE id = @id AND stage IN (${STAGES_BEFORE_INTERVIEWS.map((stage) => `'${stage}'`).join(',')})`);
  const setStage = db.prepare(`
    UPDATE openings SET stage = @stage, stage_changed_at = @now, updated_at = @now WHERE id = @id AND stage <> @stage`);
  const recordFacts = db.prepare(`
    UPDATE openings SET next_step = coalesce(@nextStep, next_step), notify_by = coalesce(@notifyBy, notify_by),
      fill_by = coalesce(@fillBy, fill_by), updated_at = @now
    WHERE id = @id`);
  const postingOf = db.prepare<[string], { text: string | null; savedAt: string | null }>(
    `SELECT o.posting_text AS text, o.posting_saved_at AS savedAt FROM openings o WHERE ${live(openingsTable)} AND o.id = ?`,
  );
  const writePosting = db.prepare(`UPDATE openings SET posting_text = @text, posting_saved_at = @savedAt, updated_at = @now WHERE id = @id`);

  function require(id: string): Opening {
    const opening = byId.get(id);
    if (!opening) throw missing('opening');
    return opening;
  }

  const create = db.transaction((input: NewOpening, now: string): Opening => {
    const companyId = companies.ensure(input.companyName, now);
    const id = randomUUID();
    const { companyName: _companyName, ...fields } = input;
    insert.run({ ...NEW_OPENING, ...fields, id, companyId, now });
    return byId.get(id)!;
  });

  const updateOpening = db.transaction((patch: OpeningPatch, now: string): Opening => {
    const current = require(patch.id);
    // An outcome sets things in motion (a reply, staying in touch, the references, LinkedIn): only recordOutcome goes there.
    if (patch.stage !== undefined && patch.stage !== current.stage && isOutcomeStage(patch.stage)) {
      throw new AppError(
        'INVALID_INPUT',
        `${STAGE_LABELS[patch.stage]} is an outcome: record it with “Record outcome”, which also sets up what comes after it. Nothing was changed.`,
        'stage',
      );
    }
    const next = { ...current };
    for (const key of PATCHED_KEYS) {
      if (patch[key] !== undefined) Object.assign(next, { [key]: patch[key] });
    }
    // The schema checks the pair only when both arrive; one side may be stored.
    if (next.salaryMin != null && next.salaryMax != null && next.salaryMin > next.salaryMax) {
      throw new AppError('INVALID_INPUT', 'The lowest salary must not exceed the highest.', 'salaryMax');
    }
    const companyId = patch.companyName === undefined ? current.companyId : companies.ensure(patch.companyName, now);
    update.run({ ...next, companyId, now });
    return byId.get(patch.id)!;
  });

  const softDelete = db.transaction((id: string, now: string): Deleted => {
    if (markDeleted.run({ id, now }).changes === 0) throw missing('opening');
    return { kind: 'opening', id, deletedAt: now };
  });

  return {
    create,
    update: updateOpening,
    softDelete,
    get: (id: string): Opening | undefined => byId.get(id),
    require,
    /** Every live opening, as the pipeline shows it. */
    list: (now: string): PipelineRow[] => pipeline(now),
    listOfCompany: (companyId: string, now: string): OpeningSummary[] => summariesOfCompany.all({ now, companyId }),
    /** Openings the person is one of the people of, or at their company. */
    listOfContact: (contactId: string, companyId: string | null, now: string): OpeningSummary[] =>
      summariesOfContact.all({ now, contactId, companyId }),
    /** The stages of the openings the person is one of the people of (their LinkedIn hold follows these). */
    stagesOfPerson: (contactId: string): Stage[] => stagesOfPerson.all({ contactId }).map((row) => row.stage),
    /** How many interviews the opening has outside the trash. */
    interviewCount: (id: string): number => interviewCount.get(id)!.n,
    /** An opening whose interviews begin moves on in the pipeline. Call inside a transaction. */
    markInterviewing(id: string, now: string): void {
      advanceToInterviewing.run({ id, now });
    },
    /** Moves the opening to a stage (a no-op if it is there already). Call inside a transaction. */
    setStage(id: string, stage: Stage, now: string): Opening {
      require(id);
      setStage.run({ id, stage, now });
      return byId.get(id)!;
    },
    /** The job posting kept on the opening, or null when none was pasted. */
    posting(id: string): Posting | null {
      const row = postingOf.get(id);
      return row?.text && row.savedAt ? { text: row.text, savedAt: row.savedAt } : null;
    },
    /** Keeps the posting's text (blank removes it); the opening counts as changed. */
    savePosting: db.transaction((id: string, text: string, now: string): Posting | null => {
      require(id);
      const kept = text.trim() === '' ? null : text.replace(/\r\n?/g, '\n');
      writePosting.run({ id, text: kept, savedAt: kept === null ? null : now, now });
      return kept === null ? null : { text: kept, savedAt: now };
    }),
    /** Copies what a debrief learned; null keeps the stored value. Call inside a transaction. */
    recordHiringFacts(id: string, facts: HiringFacts, now: string): void {
      if (facts.nextStep === null && facts.notifyBy === null && facts.fillBy === null) return;
      recordFacts.run({ id, ...facts, now });
    },
  };
}
export type OpeningsRepository = ReturnType<typeof createOpeningsRepository>;

