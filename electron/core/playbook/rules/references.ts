import type { DueItem } from '#shared/domain/playbook';
import { stepsOfStage } from '#shared/domain/outcome';
import { CLOSED_STAGES, openingName, plusHours, type RuleContext } from '../context';

/** Interviewing with too few references who said yes: line them up before anyone asks. */
export function referencesLowRule(context: RuleContext): DueItem[] {
  const minimum = context.settings.minGrantedReferences;
  if (minimum === 0) return [];
  return context.facts.openings.flatMap((opening): DueItem[] => {
    if (opening.stage !== 'interviewing' && opening.stage !== 'offer') return [];
    const granted = context.index.referencesOf(opening.id).filter((reference) => reference.permission === 'granted').length;
    if (granted >= minimum) return [];
    return [
      {
        key: `references_low:${opening.id}`,
        kind: 'references_low',
        title: `Line up references for ${openingName(opening)}`,
        detail: `${granted} of ${minimum} references have agreed. Ask before you give anyone's name.`,
        dueAt: opening.stageChangedAt,
        deadlineAt: null,
        alerts: [opening.stageChangedAt],
        openingId: opening.id,
        target: { kind: 'opening', id: opening.id },
        channel: null,
      },
    ];
  });
}

/** Once an interview is booked, tell each agreed reference what the role is and what to stress. */
export function referenceBriefRule(context: RuleContext): DueItem[] {
  return context.facts.openings.flatMap((opening): DueItem[] => {
    if (CLOSED_STAGES.has(opening.stage)) return [];
    const unbriefed = context.index.referencesOf(opening.id).filter((reference) => reference.permission === 'granted' && !reference.briefedAt);
    // Asked only when someone waits for a brief: an interview starting then changes nothing else.
    if (unbriefed.length === 0) return [];
    const upcoming = context.index.interviewsOf(opening.id).filter((interview) => !context.hasPassed(interview.startsAt)).sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
    if (!upcoming) return [];
    return unbriefed.map((reference) => {
      const dayBefore = plusHours(upcoming.startsAt, -24);
      return {
        key: `reference_brief:${reference.referenceId}:${opening.id}`,
        kind: 'reference_brief' as const,
        title: `Brief ${reference.name} about ${openingName(opening)}`,
        detail: 'Tell them the role, who may call and what to stress, so the call backs up what you said.',
        dueAt: upcoming.createdAt,
        deadlineAt: upcoming.startsAt,
        alerts: [upcoming.createdAt, dayBefore],
        openingId: opening.id,
        target: { kind: 'reference' as const, id: reference.referenceId },
        channel: null,
      };
    });
  });
}

/** When the process ends, thank each reference who stood up for you. */
export function referenceThanksRule(context: RuleContext): DueItem[] {
  return context.facts.openings.flatMap((opening): DueItem[] => {
    if (!stepsOfStage(opening.stage).thankReferences) return [];
    return context.index
      .referencesOf(opening.id)
      .filter((reference) => reference.permission === 'granted' && !reference.thankedAt)
      .map((reference) => ({
        key: `reference_thanks:${reference.referenceId}:${opening.id}`,
        kind: 'reference_thanks' as const,
        title: `Thank ${reference.name} for being a reference`,
        detail: `Let them know how the ${opening.role} process at ${opening.companyName} ended.`,
        dueAt: opening.stageChangedAt,
        deadlineAt: null,
        alerts: [opening.stageChangedAt],
        openingId: opening.id,
        target: { kind: 'reference' as const, id: reference.referenceId },
        channel: null,
      }));
  });
}
