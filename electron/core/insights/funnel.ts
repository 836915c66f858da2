import { FUNNEL_STAGES, type Funnel, type FunnelStage } from '#shared/domain/insights';
import type { Stage } from '#shared/domain/opening';
import type { InsightRows, OpeningRow } from '../vault/read-models/insight-rows';

const RANK: Record<FunnelStage, number> = { interested: 0, applied: 1, interviewing: 2, offer: 3, accepted: 4 };

/**
 * How far an opening got. The vault keeps no stage history, so this reads the
 * current stage and the evidence left behind: an application date or a
 * rejection means it was applied for, any interview means it reached
 * interviewing. A rejected, withdrawn or dormant opening therefore counts for
 * the steps it provably passed, not for none.
 */
export function furthestStage(opening: OpeningRow, hasInterview: boolean): FunnelStage {
  const byStage: Partial<Record<Stage, FunnelStage>> = { applied: 'applied', interviewing: 'interviewing', offer: 'offer', accepted: 'accepted', rejected: 'applied', dormant: 'applied' };
  let furthest: FunnelStage = byStage[opening.stage] ?? 'interested';
  const raise = (stage: FunnelStage) => {
    if (RANK[stage] > RANK[furthest]) furthest = stage;
  };
  if (opening.appliedOn) raise('applied');
  if (hasInterview) raise('interviewing');
  return furthest;
}

/** How many openings reached each step, and what share of the step before went on. */
export function computeFunnel({ openings, interviews }: Pick<InsightRows, 'openings' | 'interviews'>): Funnel {
  const interviewed = new Set(interviews.map((interview) => interview.openingId));
  const reached = new Map<FunnelStage, number>(FUNNEL_STAGES.map((stage) => [stage, 0]));
  for (const opening of openings) {
    const rank = RANK[furthestStage(opening, interviewed.has(opening.id))];
    for (const stage of FUNNEL_STAGES) if (RANK[stage] <= rank) reached.set(stage, reached.get(stage)! + 1);
  }
  const steps = FUNNEL_STAGES.map((stage, index) => {
    const count = reached.get(stage)!;
    const previous = index === 0 ? 0 : reached.get(FUNNEL_STAGES[index - 1]!)!;
    return { stage, reached: count, fromPrevious: index === 0 || previous === 0 ? null : count / previous };
  });
  const exits = { rejected: 0, withdrawn: 0, dormant: 0 };
  for (const opening of openings) if (opening.stage in exits) exits[opening.stage as keyof typeof exits] += 1;
  return { total: openings.length, steps, exits };
}
