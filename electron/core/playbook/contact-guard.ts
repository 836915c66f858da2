import type { PlaybookSettings } from '#shared/domain/playbook';
import type { ContactWarning, Direction, TouchpointKind } from '#shared/domain/touchpoint';
import { ACTIVE_STAGES, plusDays } from './context';

/** A touchpoint as far as the guard cares. */
export interface GuardTouchpoint {
  direction: Direction;
  kind: TouchpointKind;
  occurredAt: string;
}

export interface GuardInput {
  /** The opening's stage now. */
  stage: string;
  /** The stages of the other openings the person belongs to, if the touch is to someone: their hold counts too. */
  personStages?: readonly string[];
  /** The opening's touchpoints, any order. */
  touchpoints: readonly GuardTouchpoint[];
  /** When the wait for an answer began (the end of the last interview so far), if there was one. */
  lastInterviewEnd: string | null;
  /** The touch about to be made. */
  intent: { direction: Direction; kind: TouchpointKind };
  settings: PlaybookSettings;
  now: Date;
}

const DAY_MS = 86_400_000;

/**
 * The contact-frequency guard: reasons to hold back before another outbound
 * touch. Pure, so it is tested with a fake clock; the user may always log anyway.
 */
export function checkContact({ stage, personStages = [], touchpoints, lastInterviewEnd, intent, settings, now }: GuardInput): ContactWarning[] {
  if (intent.direction !== 'outbound') return [];
  const warnings: ContactWarning[] = [];
  const nowMs = now.getTime();

  // Too soon after the last time we reached out (touches logged later than now do not count yet).
  const lastOutbound = touchpoints
    .filter((touchpoint) => touchpoint.direction === 'outbound' && Date.parse(touchpoint.occurredAt) <= nowMs)
    .reduce<string | null>((latest, touchpoint) => (!latest || touchpoint.occurredAt > latest ? touchpoint.occurredAt : latest), null);
  if (lastOutbound) {
    const reasonableFrom = plusDays(lastOutbound, settings.followUpCooldownDays);
    if (Date.parse(reasonableFrom) > nowMs) {
      const daysAgo = Math.floor((nowMs - Date.parse(lastOutbound)) / DAY_MS);
      const when = daysAgo === 0 ? 'earlier today' : daysAgo === 1 ? 'yesterday' : `${daysAgo} days ago`;
      warnings.push({
        code: 'cooldown',
        message: `You last reached out ${when}. Leaving ${settings.followUpCooldownDays} days between messages keeps you on their radar without crowding them.`,
        reasonableFrom,
      });
    }
  }

  // Follow-ups that went unanswered since the last interview or their last word.
  if (intent.kind === 'follow_up') {
    const lastInbound = touchpoints
      .filter((touchpoint) => touchpoint.direction === 'inbound')
      .reduce<string | null>((latest, touchpoint) => (!latest || touchpoint.occurredAt > latest ? touchpoint.occurredAt : latest), null);
    const since = [lastInbound, lastInterviewEnd].reduce<string>((latest, at) => (at && at > latest ? at : latest), '');
    const unanswered = touchpoints.filter(
      (touchpoint) => touchpoint.direction === 'outbound' && touchpoint.kind === 'follow_up' && touchpoint.occurredAt > since,
    ).length;
    if (unanswered >= settings.maxUnansweredFollowUps) {
      warnings.push({
        code: 'too_many_unanswered',
        message: `${unanswered} follow-ups have gone unanswered already. Another one rarely helps: wait for them to answer, or let this opening rest and move on.`,
        reasonableFrom: null,
      });
    }
  }

  // No LinkedIn invitation while they are still deciding, on this opening or another of the person's.
  if (intent.kind === 'linkedin_invite' && linkedInHoldOf([stage, ...personStages], settings)) {
    warnings.push({
      code: 'linkedin_hold',
      message: 'The process is still open. An invitation now can read as pressure; connect once they have decided, and Afterview will remind you then.',
      reasonableFrom: null,
    });
  }
  return warnings;
}

/** Whether any of these openings is still waiting on a decision. */
export function inOpenProcess(stages: readonly string[]): boolean {
  return stages.some((stage) => ACTIVE_STAGES.has(stage));
}

/** Whether to hold off on a LinkedIn invitation to one of the people of openings in these stages. */
export function linkedInHoldOf(stages: readonly string[], settings: PlaybookSettings): boolean {
  return settings.linkedInHold && inOpenProcess(stages);
}
