import type { Direction, TouchpointKind } from '../../../shared/domain/touchpoint';
import type { Stage } from '../../../shared/domain/opening';
import type { Db } from '../vault/connection';
import { liveInterview } from '../vault/liveness';

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
  occurredAt: string;
  contactName: string | null;
}

export interface InsightRows {
  openings: OpeningRow[];
  interviews: InterviewRow[];
  touchpoints: TouchpointRow[];
}

/** Reads what the insights need, skipping everything in the trash. */
export function createInsightRows(db: Db) {
  const openingColumns = `o.id, o.role, c.name AS companyName, o.stage, o.applied_on AS appliedOn, o.stage_changed_at AS stageChangedAt
    FROM openings o JOIN companies c ON c.id = o.company_id WHERE o.deleted_at IS NULL`;
  const interviewColumns = `i.opening_id AS openingId, i.round, i.starts_at AS startsAt, i.ends_at AS endsAt FROM interviews i WHERE ${liveInterview('i')}`;
  const touchpointColumns = `t.opening_id AS openingId, t.direction, t.kind, t.occurred_at AS occurredAt, ct.name AS contactName
    FROM touchpoints t JOIN openings o ON o.id = t.opening_id AND o.deleted_at IS NULL
    LEFT JOIN contacts ct ON ct.id = t.contact_id AND ct.deleted_at IS NULL
    WHERE t.deleted_at IS NULL`;

  const allOpenings = db.prepare<[], OpeningRow>(`SELECT ${openingColumns}`);
  const allInterviews = db.prepare<[], InterviewRow>(`SELECT ${interviewColumns}`);
  const allTouchpoints = db.prepare<[], TouchpointRow>(`SELECT ${touchpointColumns}`);
  const oneOpening = db.prepare<[string], OpeningRow>(`SELECT ${openingColumns} AND o.id = ?`);
  const interviewsOf = db.prepare<[string], InterviewRow>(`SELECT ${interviewColumns} AND i.opening_id = ?`);
  const touchpointsOf = db.prepare<[string], TouchpointRow>(`SELECT ${touchpointColumns} AND t.opening_id = ?`);

  return {
    all(): InsightRows {
      // One read transaction: the three lists describe the same moment.
      return db.transaction(() => ({ openings: allOpenings.all(), interviews: allInterviews.all(), touchpoints: allTouchpoints.all() }))();
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
