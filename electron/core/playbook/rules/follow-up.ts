import type { DueItem } from '#shared/domain/playbook';
import { ACTIVE_STAGES, morningOf, openingName, plusDays, type RuleContext } from '../context';
import { silenceOf } from '../silence';
import { addDays, localDate } from '#shared/domain/zoned-time';

/**
 * The next polite follow-up: the day after the date they promised an answer,
 * else a week after the last interview; then no sooner than the cooldown after
 * the previous one, and never beyond the unanswered limit.
 */
export function followUpRule(context: RuleContext): DueItem[] {
  const { settings } = context;
  return context.facts.openings.flatMap((opening): DueItem[] => {
    if (!ACTIVE_STAGES.has(opening.stage)) return [];
    const silence = silenceOf(opening, context);
    if (!silence) return [];
    const unanswered = silence.unansweredFollowUps.length;
    if (unanswered >= settings.maxUnansweredFollowUps) return [];

    let dueAt: string;
    let detail: string;
    const promised = opening.notifyBy && opening.notifyBy >= localDate(new Date(silence.since), context.timeZone) ? opening.notifyBy : null;
    if (unanswered > 0) {
      dueAt = plusDays(silence.unansweredFollowUps[unanswered - 1]!.at, settings.followUpCooldownDays);
      const left = settings.maxUnansweredFollowUps - unanswered;
      detail = `No answer to ${unanswered === 1 ? 'your follow-up' : `${unanswered} follow-ups`} yet. Keep it brief; ${left === 1 ? 'one more' : `${left} more`} at most before moving on.`;
    } else if (promised) {
      dueAt = morningOf(addDays(promised, settings.followUpDaysAfterNotifyDate), context);
      detail = `They said they would be in touch by ${promised}.`;
    } else {
      dueAt = plusDays(silence.since, settings.followUpDaysAfterInterview);
      detail = `No word for ${settings.followUpDaysAfterInterview} days since your last interview.`;
    }
    const channel = opening.followUpChannel ?? context.index.contactsOf(opening.id).find((contact) => contact.preferredChannel)?.preferredChannel ?? 'email';
    return [
      {
        key: `follow_up:${opening.id}:${silence.since}:${unanswered + 1}`,
        kind: 'follow_up',
        title: `Follow up on ${openingName(opening)}`,
        detail,
        dueAt,
        deadlineAt: null,
        alerts: [dueAt],
        openingId: opening.id,
        target: { kind: 'opening', id: opening.id },
        channel,
      },
    ];
  });
}

/** After the last allowed follow-up goes unanswered, suggest letting the opening rest. */
export function moveOnRule(context: RuleContext): DueItem[] {
  const { settings } = context;
  return context.facts.openings.flatMap((opening): DueItem[] => {
    if (!ACTIVE_STAGES.has(opening.stage)) return [];
    const silence = silenceOf(opening, context);
    if (!silence || silence.unansweredFollowUps.length < settings.maxUnansweredFollowUps) return [];
    const last = silence.unansweredFollowUps[silence.unansweredFollowUps.length - 1]!;
    const dueAt = plusDays(last.at, settings.moveOnAfterSilenceDays);
    return [
      {
        key: `move_on:${opening.id}:${last.at}`,
        kind: 'move_on',
        title: `No answer from ${opening.companyName}: time to move on?`,
        detail: `Mark it dormant and put your energy into other openings; Afterview will remind you to look back in ${settings.revisitAfterMonths} months.`,
        dueAt,
        deadlineAt: null,
        alerts: [dueAt],
        openingId: opening.id,
        target: { kind: 'opening', id: opening.id },
        channel: null,
      },
    ];
  });
}
