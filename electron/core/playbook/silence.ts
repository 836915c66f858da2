import type { OpeningFact, TouchpointFact } from './facts';
import type { RuleContext } from './context';

/**
 * Where an opening stands in the wait for an answer: since when we have been
 * waiting (the last interview or the employer's last word) and the follow-ups
 * sent since then that are still unanswered.
 */
export interface Silence {
  since: string;
  lastInterviewEnd: string;
  unansweredFollowUps: TouchpointFact[];
}

export function silenceOf(opening: OpeningFact, context: RuleContext): Silence | null {
  let lastInterviewEnd: string | null = null;
  for (const interview of context.index.interviewsOf(opening.id)) {
    if (!context.hasPassed(interview.endsAt)) continue;
    if (!lastInterviewEnd || interview.endsAt > lastInterviewEnd) lastInterviewEnd = interview.endsAt;
  }
  if (!lastInterviewEnd) return null;
  const touchpoints = context.index.touchpointsOf(opening.id).filter((touchpoint) => touchpoint.at >= lastInterviewEnd!);
  const lastInbound = touchpoints.filter((touchpoint) => touchpoint.direction === 'inbound').reduce<string | null>((latest, touchpoint) => (!latest || touchpoint.at > latest ? touchpoint.at : latest), null);
  const since = lastInbound ?? lastInterviewEnd;
  const unansweredFollowUps = touchpoints
    .filter((touchpoint) => touchpoint.direction === 'outbound' && touchpoint.isFollowUp && touchpoint.at > since)
    .sort((a, b) => a.at.localeCompare(b.at));
  return { since, lastInterviewEnd, unansweredFollowUps };
}
