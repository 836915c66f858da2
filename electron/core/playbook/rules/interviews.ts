import type { DueItem } from '#shared/domain/playbook';
import { CLOSED_STAGES, openingName, plusHours, type RuleContext } from '../context';

/** Debrief while memory is fresh: at the interview's end, and once more a few hours later. */
export function debriefRule(context: RuleContext): DueItem[] {
  const { debriefFirstReminderHours, debriefRepeatHours } = context.settings;
  return context.facts.interviews.flatMap((interview) => {
    const opening = context.index.opening(interview.openingId);
    if (!opening || CLOSED_STAGES.has(opening.stage) || interview.debriefCompletedAt) return [];
    const dueAt = plusHours(interview.endsAt, debriefFirstReminderHours);
    return [
      {
        key: `debrief:${interview.id}`,
        kind: 'debrief',
        title: `Debrief your ${openingName(opening)} interview`,
        detail: 'Note the next step, their timeline, how each interviewer likes to be contacted and your impressions while they are fresh.',
        dueAt,
        deadlineAt: null,
        alerts: [dueAt, plusHours(dueAt, debriefRepeatHours)],
        openingId: opening.id,
        target: { kind: 'interview', id: interview.id },
        channel: null,
      },
    ];
  });
}
