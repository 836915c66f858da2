import type { NextAction, PipelineRow } from '#shared/domain/pipeline';
import { watchRemindersWritten } from '#core/reminders/written-openings';
import type { Db } from '../connection';
import { interviewsTable } from '../tables/interviews';
import { live, notTrashed } from '../tables/live';
import { openingsTable } from '../tables/openings';
import { arrayLayout } from '../tables/sql';

/** What a pipeline row adds to the opening's own columns. */
type Joined = Pick<PipelineRow, 'companyName' | 'interviewCount' | 'nextInterviewAt' | 'lastInterviewAt' | 'nextAction'>;

const layout = arrayLayout(openingsTable, openingsTable.rowKeys());
const ID = layout.at.id;
const COMPANY_ID = layout.at.companyId;
const UPDATED_AT = layout.at.updatedAt;
const summaryOf: (
  row: OpeningRow,
  companyName: string,
  count: number,
  nextAt: string | null,
  lastAt: string | null,
  nextAction: NextAction | null,
) => PipelineRow = layout.reader<Joined>(['companyName', 'interviewCount', 'nextInterviewAt', 'lastInterviewAt', 'nextAction']);

type OpeningRow = readonly unknown[];
type InterviewFactsRow = [openingId: string, count: number, nextAt: string | null, lastAt: string | null];

/**
 * Every live opening as a pipeline row, newest change first: the same rows as
 * the per-company and per-contact lists in openings.ts, built for a vault of
 * thousands. Three costs dominated the plain query there: three correlated
 * subqueries per opening, a company lookup and an index-ordered walk per row,
 * and better-sqlite3 making an object per row from its column names. Here the
 * interview facts come from one grouped pass over the interviews index, the
 * company names from one read of a small table, the openings from a scan in
 * table order sorted here, and rows arrive as arrays that one compiled
 * function turns into objects of a single shape (about 0.45x the time at
 * 2,000 openings). The columns and their positions come from the openings'
 * declaration, so a new column cannot shift the sort onto another one.
 */
export function createPipelineSummaries(db: Db): (now: string) => PipelineRow[] {
  const openings = db.prepare(`SELECT ${layout.columns()} FROM ${openingsTable.quoted} ${openingsTable.alias} WHERE ${live(openingsTable)}`).raw();
  const companyNames = db.prepare('SELECT id, name FROM companies').raw();
  // ISO instants of one format compare correctly as text.
  const interviewFacts = db
    .prepare<{ now: string }>(
      `SELECT i.opening_id, COUNT(*), MIN(CASE WHEN i.starts_at >= @now THEN i.starts_at END), MAX(CASE WHEN i.starts_at < @now THEN i.starts_at END)
      FROM interviews i WHERE ${notTrashed(interviewsTable)} GROUP BY i.opening_id`,
    )
    .raw();
  const nextActions = createNextActions(db);

  return (now) => {
    const factsByOpening = new Map<string, InterviewFactsRow>();
    for (const facts of interviewFacts.all({ now }) as InterviewFactsRow[]) factsByOpening.set(facts[0], facts);
    const names = new Map(companyNames.all() as [string, string][]);
    const next = nextActions(now);
    const rows = (openings.all() as OpeningRow[]).sort(newestChangeFirst);
    return rows.map((row) => {
      const id = row[ID] as string;
      const companyName = names.get(row[COMPANY_ID] as string)!;
      const facts = factsByOpening.get(id);
      const action = next.get(id) ?? null;
      return facts ? summaryOf(row, companyName, facts[1], facts[2], facts[3], action) : summaryOf(row, companyName, 0, null, null, action);
    });
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

/** ORDER BY updated_at DESC, id: the same order as SQLite's binary collation for these ASCII values. */
function newestChangeFirst(a: OpeningRow, b: OpeningRow): number {
  const aUpdated = a[UPDATED_AT] as string;
  const bUpdated = b[UPDATED_AT] as string;
  if (aUpdated !== bUpdated) return aUpdated < bUpdated ? 1 : -1;
  const aId = a[ID] as string;
  const bId = b[ID] as string;
  return aId < bId ? -1 : aId > bId ? 1 : 0;
}
