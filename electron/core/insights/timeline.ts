import type { TimelineEvent } from '#shared/domain/insights';
import { STAGE_LABELS, type Stage } from '#shared/domain/opening';
import { touchpointLabel } from '#shared/domain/touchpoint';
import { zonedInstant } from '#shared/domain/zoned-time';
import type { InsightRows } from '../vault/read-models/insight-rows';

/** Stages that close a chapter and deserve a marker: where the opening ended up. */
const OUTCOME_STAGES: readonly Stage[] = ['offer', 'accepted', 'rejected', 'withdrawn', 'dormant'];

/**
 * One opening's story as dated markers, oldest first: the application,
 * interviews, thank-you notes and other messages sent, answers received, and
 * the outcome. (Notes are not events; the list beside the chart shows them.)
 */
export function buildTimeline({ openings, interviews, touchpoints }: InsightRows, timeZone: string): TimelineEvent[] {
  const opening = openings[0];
  if (!opening) return [];
  const events: TimelineEvent[] = [];
  if (opening.appliedOn) {
    // A date without a time: put it at midday so it sits inside its day whatever the zone.
    events.push({ kind: 'applied', at: zonedInstant(opening.appliedOn, '12:00', timeZone).toISOString(), date: opening.appliedOn, label: 'Applied', stage: null });
  }
  for (const interview of interviews) {
    if (interview.openingId === opening.id) events.push({ kind: 'interview', at: interview.startsAt, date: null, label: `Round ${interview.round}`, stage: null });
  }
  for (const touch of touchpoints) {
    if (touch.openingId !== opening.id) continue;
    const who = touch.contactName ? ` · ${touch.contactName}` : '';
    if (touch.direction === 'inbound') events.push({ kind: 'answer', at: touch.occurredAt, date: null, label: `Heard back${who}`, stage: null });
    else if (touch.kind === 'thank_you') events.push({ kind: 'thank_you', at: touch.occurredAt, date: null, label: `Thank-you${who}`, stage: null });
    else events.push({ kind: 'touchpoint', at: touch.occurredAt, date: null, label: `${touchpointLabel(touch)}${who}`, stage: null });
  }
  if (OUTCOME_STAGES.includes(opening.stage) && opening.stageChangedAt) {
    events.push({ kind: 'outcome', at: opening.stageChangedAt, date: null, label: STAGE_LABELS[opening.stage], stage: opening.stage });
  }
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
