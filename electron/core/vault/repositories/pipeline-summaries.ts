import type { OpeningSummary } from '../../../../shared/domain/opening';
import type { Db } from '../connection';

/**
 * Every live opening as a pipeline row, newest change first: the same rows as
 * the per-company and per-contact lists in openings.ts, built for a vault of
 * thousands. Two costs dominated the plain query there: three correlated
 * subqueries per opening, and better-sqlite3 making an object per row from its
 * column names. Here the interview facts come from one grouped pass over the
 * interviews index, and rows arrive as arrays that one function turns into
 * objects of a single shape (about half the time at 2,000 openings).
 */
export function createPipelineSummaries(db: Db): (now: string) => OpeningSummary[] {
  const openings = db
    .prepare(
      `SELECT o.id, o.company_id, c.name, o.role, o.stage, o.job_url, o.location, o.salary_min, o.salary_max,
        o.salary_currency, o.source, o.applied_on, o.next_step, o.notify_by, o.fill_by, o.follow_up_channel,
        o.created_at, o.updated_at
      FROM openings o JOIN companies c ON c.id = o.company_id
      WHERE o.deleted_at IS NULL
      ORDER BY o.updated_at DESC, o.id`,
    )
    .raw();
  // ISO instants of one format compare correctly as text.
  const interviewFacts = db
    .prepare<{ now: string }>(
      `SELECT opening_id, COUNT(*), MIN(CASE WHEN starts_at >= @now THEN starts_at END), MAX(CASE WHEN starts_at < @now THEN starts_at END)
      FROM interviews WHERE deleted_at IS NULL GROUP BY opening_id`,
    )
    .raw();

  return (now) => {
    const factsByOpening = new Map<string, InterviewFactsRow>();
    for (const facts of interviewFacts.all({ now }) as InterviewFactsRow[]) factsByOpening.set(facts[0], facts);
    return (openings.all() as OpeningRow[]).map((row) => summaryOf(row, factsByOpening.get(row[0])));
  };
}

type InterviewFactsRow = [openingId: string, count: number, nextAt: string | null, lastAt: string | null];
type OpeningRow = [
  id: string, companyId: string, companyName: string, role: string, stage: OpeningSummary['stage'], jobUrl: string | null,
  location: string | null, salaryMin: number | null, salaryMax: number | null, salaryCurrency: string | null,
  source: string | null, appliedOn: string | null, nextStep: string | null, notifyBy: string | null, fillBy: string | null,
  followUpChannel: OpeningSummary['followUpChannel'], createdAt: string, updatedAt: string,
];

function summaryOf(row: OpeningRow, facts: InterviewFactsRow | undefined): OpeningSummary {
  const [id, companyId, companyName, role, stage, jobUrl, location, salaryMin, salaryMax, salaryCurrency, source, appliedOn, nextStep, notifyBy, fillBy, followUpChannel, createdAt, updatedAt] = row;
  return {
    id, companyId, companyName, role, stage, jobUrl, location, salaryMin, salaryMax, salaryCurrency, source, appliedOn,
    nextStep, notifyBy, fillBy, followUpChannel, createdAt, updatedAt,
    interviewCount: facts ? facts[1] : 0,
    nextInterviewAt: facts ? facts[2] : null,
    lastInterviewAt: facts ? facts[3] : null,
  };
}
