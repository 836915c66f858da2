import type { OpeningSummary } from '../../../../shared/domain/opening';
import type { NextAction, PipelineRow } from '../../../../shared/domain/pipeline';
import { watchRemindersWritten } from '../../reminders/written-openings';
import type { Db } from '../connection';

/**
 * Every live opening as a pipeline row, newest change first: the same rows as
 * the per-company and per-contact lists in openings.ts, built for a vault of
 * thousands. Three costs dominated the plain query there: three correlated
 * subqueries per opening, a company lookup and an index-ordered walk per row,
 * and better-sqlite3 making an object per row from its column names. Here the
 * interview facts come from one grouped pass over the interviews index, the
 * company names from one read of a small table, the openings from a scan in
 * table order sorted here, and rows arrive as arrays that one function turns
 * into objects of a single shape (about 0.45x the time at 2,000 openings).
 */
export function createPipelineSummaries(db: Db): (now: string) => PipelineRow[] {
  const openings = db
    .prepare(
      `SELECT id, company_id, role, stage, job_url, location, salary_min, salary_max, salary_currency, source,
        applied_on, next_step, notify_by, fill_by, follow_up_channel, created_at, updated_at
      FROM openings WHERE deleted_at IS NULL`,
    )
    .raw();
  const companyNames = db.prepare('SELECT id, name FROM companies').raw();
  // ISO instants of one format compare correctly as text.
  const interviewFacts = db
    .prepare<{ now: string }>(
      `SELECT opening_id, COUNT(*), MIN(CASE WHEN starts_at >= @now THEN starts_at END), MAX(CASE WHEN starts_at < @now THEN starts_at END)
      FROM interviews WHERE deleted_at IS NULL GROUP BY opening_id`,
    )
    .raw();
  const nextActions = createNextActions(db);

  return (now) => {
    const factsByOpening = new Map<string, InterviewFactsRow>();
    for (const facts of interviewFacts.all({ now }) as InterviewFactsRow[]) factsByOpening.set(facts[0], facts);
    const names = new Map(companyNames.all() as [string, string][]);
    const next = nextActions(now);
    const rows = (openings.all() as OpeningRow[]).sort(newestChangeFirst);
    return rows.map((row) => summaryOf(row, names.get(row[1])!, factsByOpening.get(row[0]), next.get(row[0]) ?? null));
  };
}

/** What the card shows of a reminder, as json_array() lists it. */
type ActionFields = [key: string, kind: NextAction['kind'], title: string, dueAt: string, deadlineAt: string | null, snoozedUntil: string | null, targetKind: NextAction['target']['kind'], targetId: string];

const actionFields = (snoozedUntil: string) => `json_array(x.key, x.kind, x.title, x.due_at, x.deadline_at, ${snoozedUntil}, x.target_kind, x.target_id)`;
/**
 * An opening's next action, over the alias `o`: its most urgent open reminder
 * not snoozed past now, ordered as Today orders them (the deadline, else the
 * due time); when all are snoozed, the one back first.
 */
const NEXT_ACTION = `coalesce(
  (SELECT ${actionFields('NULL')} FROM reminders x WHERE x.opening_id = o.id AND x.status = 'open' AND (x.snoozed_until IS NULL OR x.snoozed_until <= @now)
    ORDER BY coalesce(x.deadline_at, x.due_at), x.key LIMIT 1),
  (SELECT ${actionFields('x.snoozed_until')} FROM reminders x WHERE x.opening_id = o.id AND x.status = 'open' AND x.snoozed_until > @now
    ORDER BY x.snoozed_until, x.key LIMIT 1))`;

/**
 * Each opening's next action, kept between calls: the pipeline is read far
 * more often than the reminders change, and reading them for two thousand
 * openings costs more than the openings themselves. Only the openings whose
 * reminders were written since (the store says which) are read again, and
 * all of them when a snooze ends or the clock goes back, which changes what
 * is snoozed.
 */
function createNextActions(db: Db): (now: string) => ReadonlyMap<string, NextAction> {
  const ofAll = db.prepare<{ now: string }>(`SELECT o.id, ${NEXT_ACTION} FROM openings o`).raw();
  const ofSome = db.prepare<{ now: string; ids: string }>(`SELECT o.id, ${NEXT_ACTION} FROM openings o WHERE o.id IN (SELECT value FROM json_each(@ids))`).raw();
  const firstSnoozeEnd = db.prepare<{ now: string }, string | null>("SELECT MIN(snoozed_until) FROM reminders WHERE status = 'open' AND snoozed_until > @now").pluck();
  const written = watchRemindersWritten(db);
  const actions = new Map<string, NextAction>();
  let readAt: string | null = null;
  let snoozeEnd: string | null = null;

  function read(rows: [string, string | null][]): void {
    for (const [openingId, fields] of rows) {
      if (fields === null) actions.delete(openingId);
      else actions.set(openingId, actionOf(openingId, JSON.parse(fields) as ActionFields));
    }
  }

  return (now) => {
    const changed = written.take();
    if (readAt === null || now < readAt || (snoozeEnd !== null && now >= snoozeEnd)) {
      actions.clear();
      read(ofAll.all({ now }) as [string, string | null][]);
    } else if (changed.length > 0) {
      read(ofSome.all({ now, ids: JSON.stringify(changed) }) as [string, string | null][]);
    } else {
      return actions;
    }
    readAt = now;
    snoozeEnd = firstSnoozeEnd.get({ now }) ?? null;
    return actions;
  };
}

function actionOf(openingId: string, [key, kind, title, dueAt, deadlineAt, snoozedUntil, targetKind, targetId]: ActionFields): NextAction {
  return { key, kind, title, dueAt, deadlineAt, snoozedUntil, openingId, target: { kind: targetKind, id: targetId } };
}

type InterviewFactsRow = [openingId: string, count: number, nextAt: string | null, lastAt: string | null];
type OpeningRow = [
  id: string, companyId: string, role: string, stage: OpeningSummary['stage'], jobUrl: string | null,
  location: string | null, salaryMin: number | null, salaryMax: number | null, salaryCurrency: string | null,
  source: string | null, appliedOn: string | null, nextStep: string | null, notifyBy: string | null, fillBy: string | null,
  followUpChannel: OpeningSummary['followUpChannel'], createdAt: string, updatedAt: string,
];

/** ORDER BY updated_at DESC, id: the same order as SQLite's binary collation for these ASCII values. */
function newestChangeFirst(a: OpeningRow, b: OpeningRow): number {
  if (a[16] !== b[16]) return a[16] < b[16] ? 1 : -1;
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

function summaryOf(row: OpeningRow, companyName: string, facts: InterviewFactsRow | undefined, nextAction: NextAction | null): PipelineRow {
  const [id, companyId, role, stage, jobUrl, location, salaryMin, salaryMax, salaryCurrency, source, appliedOn, nextStep, notifyBy, fillBy, followUpChannel, createdAt, updatedAt] = row;
  return {
    id, companyId, companyName, role, stage, jobUrl, location, salaryMin, salaryMax, salaryCurrency, source, appliedOn,
    nextStep, notifyBy, fillBy, followUpChannel, createdAt, updatedAt,
    interviewCount: facts ? facts[1] : 0,
    nextInterviewAt: facts ? facts[2] : null,
    lastInterviewAt: facts ? facts[3] : null,
    nextAction,
  };
}
