import type { Direction, TouchpointKind } from '#shared/domain/touchpoint';
import type { Stage } from '#shared/domain/opening';
import type { ContactChannel } from '#shared/domain/fields';
import type { Db } from '../connection';
import { contactsTable } from '../tables/contacts';
import { interviewsTable } from '../tables/interviews';
import { live } from '../tables/live';
import { openingsTable } from '../tables/openings';
import { selectList } from '../tables/sql';
import { touchpointsTable } from '../tables/touchpoints';

/** The facts the insights are computed from: plain rows, so the arithmetic stays pure and testable. */
export interface OpeningRow {
  id: string;
  role: string;
  companyName: string;
  stage: Stage;
  appliedOn: string | null;
  /** When the opening entered its current stage; null in vaults older than the column. */
  stageChangedAt: string | null;
}

export interface InterviewRow {
  openingId: string;
  round: number;
  startsAt: string;
  endsAt: string;
}

export interface TouchpointRow {
  openingId: string;
  direction: Direction;
  kind: TouchpointKind;
  channel: ContactChannel;
  occurredAt: string;
  contactName: string | null;
}

export interface InsightRows {
  openings: OpeningRow[];
  interviews: InterviewRow[];
  touchpoints: TouchpointRow[];
}

const TOUCHPOINT_COLUMNS = selectList(touchpointsTable, 't', ['openingId', 'direction', 'kind', 'channel', 'occurredAt']);

/** Reads what the insights need, skipping everything in the trash. */
export function createInsightRows(db: Db) {
  const openingColumns = `${selectList(openingsTable, 'o', ['id', 'role', 'stage', 'appliedOn', 'stageChangedAt'])}, c.name AS companyName
    FROM openings o JOIN companies c ON c.id = o.company_id WHERE ${live(openingsTable)}`;
  // The opening joined rather than looked up per row: the same rows, read in one pass over a whole vault.
  const interviewColumns = `${selectList(interviewsTable, 'i', ['openingId', 'round', 'startsAt', 'endsAt'])}
    FROM interviews i JOIN openings o ON o.id = i.opening_id WHERE ${live(interviewsTable, 'i', { openingId: 'o' })}`;
  const touchpointsOf = db.prepare<[string], TouchpointRow>(`
    SELECT ${TOUCHPOINT_COLUMNS}, ct.name AS contactName
    FROM touchpoints t LEFT JOIN contacts ct ON ct.id = t.contact_id AND ${live(contactsTable, 'ct')}
    WHERE ${live(touchpointsTable, 't')} AND t.opening_id = ?`);
  // Across the vault only their answers count (the funnel needs no touchpoints), and no names.
  const allAnswers = db.prepare<[], TouchpointRow>(`
    SELECT ${TOUCHPOINT_COLUMNS}, NULL AS contactName
    FROM touchpoints t JOIN openings o ON o.id = t.opening_id
    WHERE ${live(touchpointsTable, 't', { openingId: 'o' })} AND t.direction = 'inbound'`);

  const allOpenings = db.prepare<[], OpeningRow>(`SELECT ${openingColumns}`);
  const allInterviews = db.prepare<[], InterviewRow>(`SELECT ${interviewColumns}`);
  const oneOpening = db.prepare<[string], OpeningRow>(`SELECT ${openingColumns} AND o.id = ?`);
  const interviewsOf = db.prepare<[string], InterviewRow>(`SELECT ${interviewColumns} AND i.opening_id = ?`);

  return {
    /** Every opening and interview, and the messages received (outbound ones are not needed across the vault). */
    all(): InsightRows {
      // One read transaction: the three lists describe the same moment.
      return db.transaction(() => ({ openings: allOpenings.all(), interviews: allInterviews.all(), touchpoints: allAnswers.all() }))();
    },
    /** One opening's rows, or undefined when it is not here (or in the trash). */
    of(openingId: string): InsightRows | undefined {
      return db.transaction(() => {
        const opening = oneOpening.get(openingId);
        if (!opening) return undefined;
        return { openings: [opening], interviews: interviewsOf.all(openingId), touchpoints: touchpointsOf.all(openingId) };
      })();
    },
  };
}
