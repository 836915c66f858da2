import { letterClock } from '#shared/domain/countdown';
import type { DueItem, PlaybookSettings } from '#shared/domain/playbook';
import { addDays, addMonths, localDate } from '#shared/domain/zoned-time';
import { ACTIVE_STAGES, CLOSED_STAGES, morningOf, openingName, plusDays, plusHours, type RuleContext as IndexedRuleContext } from '#core/playbook/context';
import { indexFacts } from '#core/playbook/fact-index';
import type { OpeningFact, PlaybookFacts, TouchpointFact } from '#core/playbook/facts';

/*
 * The playbook's rules as first written: every rule scans whole fact lists per
 * opening. Slow, but plainly right, so the indexed rules are held to its answer.
 */

/** The rules here read the clock directly; the indexed ones must ask it through hasPassed. */
type RuleContext = Omit<IndexedRuleContext, 'hasPassed'> & { now: Date };

function byId<T extends { id: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/** Every opening a person belongs to, scanned from the whole lists: [opening id, stage, since]. */
function openingsOfPerson(contactId: string, context: RuleContext): { openingId: string; stage: string; stageChangedAt: string }[] {
  const own = context.facts.openingContacts
    .filter((contact) => contact.contactId === contactId)
    .flatMap((contact) => context.facts.openings.filter((opening) => opening.id === contact.openingId))
    .map((opening) => ({ openingId: opening.id, stage: opening.stage, stageChangedAt: opening.stageChangedAt }));
  return [...own, ...(context.facts.otherOpeningsOfPeople ?? []).filter((link) => link.contactId === contactId)];
}

/** The person's opening in these stages that got there last, ties to the greater id. */
function latestIn(links: { openingId: string; stage: string; stageChangedAt: string }[], stages: Set<string>): string | undefined {
  return links
    .filter((link) => stages.has(link.stage))
    .sort((a, b) => a.stageChangedAt.localeCompare(b.stageChangedAt) || (a.openingId < b.openingId ? -1 : 1))
    .at(-1)?.openingId;
}


/**
 * Where an opening stands in the wait for an answer: since when we have been
 * waiting (the last interview or the employer's last word) and the follow-ups
 * sent since then that are still unanswered.
 */
interface Silence {
  since: string;
  lastInterviewEnd: string;
  unansweredFollowUps: TouchpointFact[];
}

function silenceOf(opening: OpeningFact, context: RuleContext): Silence | null {
  const now = context.now.getTime();
  let lastInterviewEnd: string | null = null;
  for (const interview of context.facts.interviews) {
    if (interview.openingId !== opening.id || Date.parse(interview.endsAt) > now) continue;
    if (!lastInterviewEnd || interview.endsAt > lastInterviewEnd) lastInterviewEnd = interview.endsAt;
  }
  if (!lastInterviewEnd) return null;
  const touchpoints = context.facts.touchpoints.filter((touchpoint) => touchpoint.openingId === opening.id && touchpoint.at >= lastInterviewEnd!);
  const lastInbound = touchpoints.filter((touchpoint) => touchpoint.direction === 'inbound').reduce<string | null>((latest, touchpoint) => (!latest || touchpoint.at > latest ? touchpoint.at : latest), null);
  const since = lastInbound ?? lastInterviewEnd;
  const unansweredFollowUps = touchpoints
    .filter((touchpoint) => touchpoint.direction === 'outbound' && touchpoint.isFollowUp && touchpoint.at > since)
    .sort((a, b) => a.at.localeCompare(b.at));
  return { since, lastInterviewEnd, unansweredFollowUps };
}

/** Debrief while memory is fresh: at the interview's end, and once more a few hours later. */
function debriefRule(context: RuleContext): DueItem[] {
  const openings = byId(context.facts.openings);
  const { debriefFirstReminderHours, debriefRepeatHours } = context.settings;
  return context.facts.interviews.flatMap((interview) => {
    const opening = openings.get(interview.openingId);
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

/**
 * Thank-you notes: due from the interview's end, a nudge and a warning before
 * the deadline, overdue after it. A reply to a rejection runs on its own clock
 * while the opening stays rejected.
 */
function lettersRule(context: RuleContext): DueItem[] {
  const openings = byId(context.facts.openings);
  const settings = context.settings;
  return context.facts.letters.flatMap((letter): DueItem[] => {
    const opening = openings.get(letter.openingId);
    if (!opening || letter.sentAt) return [];
    const clock = letterClock(letter, settings);
    const alerts = [...new Set([clock.nudgeAt, clock.warningAt, clock.dueAt])];
    if (letter.kind === 'thank_you') {
      return [
        {
          key: `thank_you:${letter.id}`,
          kind: 'thank_you',
          title: `Thank ${letter.recipientName} for the ${opening.role} interview`,
          detail: `A short note within ${settings.thankYouDeadlineHours === 1 ? '1 hour' : `${settings.thankYouDeadlineHours} hours`} keeps you in mind while they decide.`,
          dueAt: letter.startedAt,
          deadlineAt: clock.dueAt,
          alerts,
          openingId: opening.id,
          target: { kind: 'letter', id: letter.id },
          channel: 'email',
        },
      ];
    }
    if (opening.stage !== 'rejected') return [];
    return [
      {
        key: `rejection_thank_you:${letter.id}`,
        kind: 'rejection_thank_you',
        title: `Reply graciously to ${opening.companyName}`,
        detail: 'Thank them for their time and leave the door open for a future role.',
        dueAt: letter.startedAt,
        deadlineAt: clock.dueAt,
        alerts,
        openingId: opening.id,
        target: { kind: 'letter', id: letter.id },
        channel: 'email',
      },
    ];
  });
}

/** The handwritten copy: a day's warning before it should be in the post. */
function letterMailRule(context: RuleContext): DueItem[] {
  const openings = byId(context.facts.openings);
  return context.facts.letters.flatMap((letter): DueItem[] => {
    const opening = openings.get(letter.openingId);
    if (!opening || !letter.mailBy || letter.postedAt) return [];
    const dueAt = plusHours(letter.mailBy, -24);
    return [
      {
        key: `letter_mail:${letter.id}`,
        kind: 'letter_mail',
        title: `Post your letter to ${letter.recipientName}`,
        detail: `The handwritten copy for ${opening.companyName} should be in the mail by then.`,
        dueAt,
        deadlineAt: letter.mailBy,
        alerts: [dueAt],
        openingId: opening.id,
        target: { kind: 'letter', id: letter.id },
        channel: 'letter',
      },
    ];
  });
}

/**
 * The next polite follow-up: the day after the date they promised an answer,
 * else a week after the last interview; then no sooner than the cooldown after
 * the previous one, and never beyond the unanswered limit.
 */
function followUpRule(context: RuleContext): DueItem[] {
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
    const channel = opening.followUpChannel ?? context.facts.openingContacts.find((contact) => contact.openingId === opening.id && contact.preferredChannel)?.preferredChannel ?? 'email';
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
function moveOnRule(context: RuleContext): DueItem[] {
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

/** A dormant opening is worth a look months later: some employers come back. */
function revisitRule(context: RuleContext): DueItem[] {
  return context.facts.openings.flatMap((opening): DueItem[] => {
    if (opening.stage !== 'dormant') return [];
    const dueAt = morningOf(addMonths(localDate(new Date(opening.stageChangedAt), context.timeZone), context.settings.revisitAfterMonths), context);
    return [
      {
        key: `revisit:${opening.id}:${opening.stageChangedAt}`,
        kind: 'revisit',
        title: `Look back at ${openingName(opening)}`,
        detail: 'It went quiet a while ago. A short, friendly note can reopen the door if the role or a similar one is open again.',
        dueAt,
        deadlineAt: null,
        alerts: [dueAt],
        openingId: opening.id,
        target: { kind: 'opening', id: opening.id },
        channel: opening.followUpChannel,
      },
    ];
  });
}

/** After a rejection, keep in touch with the people you met, a few times, spaced out. */
function stayInTouchRule(context: RuleContext): DueItem[] {
  const { stayInTouchEveryDays, stayInTouchTimes } = context.settings;
  return context.facts.openings.flatMap((opening): DueItem[] => {
    if (opening.stage !== 'rejected') return [];
    return context.facts.openingContacts
      .filter((contact) => contact.openingId === opening.id)
      .flatMap((contact): DueItem[] => {
        const theirs = openingsOfPerson(contact.contactId, context);
        if (latestIn(theirs, new Set(['rejected'])) !== opening.id || theirs.some((link) => ACTIVE_STAGES.has(link.stage))) return [];
        const done = context.facts.touchpoints.filter((t) => t.contactId === contact.contactId && t.direction === 'outbound' && t.at > opening.stageChangedAt).length;
        if (done >= stayInTouchTimes) return [];
        const dueAt = plusDays(opening.stageChangedAt, stayInTouchEveryDays * (done + 1));
        return [
          {
            key: `stay_in_touch:${opening.id}:${contact.contactId}:${done + 1}`,
            kind: 'stay_in_touch',
            title: `Stay in touch with ${contact.name}`,
            detail: `A brief hello since the ${opening.role} process at ${opening.companyName} keeps you in mind for the next opening.`,
            dueAt,
            deadlineAt: null,
            alerts: [dueAt],
            openingId: opening.id,
            target: { kind: 'contact', id: contact.contactId },
            channel: contact.preferredChannel,
          },
        ];
      });
  });
}

/** The LinkedIn hold lifts when the process closes: now is the time to connect. */
function linkedInRule(context: RuleContext): DueItem[] {
  if (!context.settings.linkedInHold) return [];
  return context.facts.openings.flatMap((opening): DueItem[] => {
    if (!CLOSED_STAGES.has(opening.stage)) return [];
    return context.facts.openingContacts
      .filter((contact) => contact.openingId === opening.id && !contact.linkedinConnectedAt)
      .filter((contact) => {
        const theirs = openingsOfPerson(contact.contactId, context);
        return latestIn(theirs, CLOSED_STAGES) === opening.id && !theirs.some((link) => ACTIVE_STAGES.has(link.stage));
      })
      .map((contact) => ({
        key: `linkedin_connect:${opening.id}:${contact.contactId}`,
        kind: 'linkedin_connect',
        title: `Connect with ${contact.name} on LinkedIn`,
        detail: `The ${opening.role} process ${opening.stage === 'dormant' ? 'has gone quiet' : 'is over'}, so an invitation now reads as networking, not pressure.`,
        dueAt: plusDays(opening.stageChangedAt, 0),
        deadlineAt: null,
        alerts: [plusDays(opening.stageChangedAt, 0)],
        openingId: opening.id,
        target: { kind: 'contact', id: contact.contactId },
        channel: 'linkedin',
      }));
  });
}

/** Interviewing with too few references who said yes: line them up before anyone asks. */
function referencesLowRule(context: RuleContext): DueItem[] {
  const minimum = context.settings.minGrantedReferences;
  if (minimum === 0) return [];
  return context.facts.openings.flatMap((opening): DueItem[] => {
    if (opening.stage !== 'interviewing' && opening.stage !== 'offer') return [];
    const granted = context.facts.references.filter((reference) => reference.openingId === opening.id && reference.permission === 'granted').length;
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
function referenceBriefRule(context: RuleContext): DueItem[] {
  const now = context.now.toISOString();
  return context.facts.openings.flatMap((opening): DueItem[] => {
    if (CLOSED_STAGES.has(opening.stage)) return [];
    const upcoming = context.facts.interviews.filter((interview) => interview.openingId === opening.id && interview.startsAt > now).sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
    if (!upcoming) return [];
    return context.facts.references
      .filter((reference) => reference.openingId === opening.id && reference.permission === 'granted' && !reference.briefedAt)
      .map((reference) => {
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
function referenceThanksRule(context: RuleContext): DueItem[] {
  return context.facts.openings.flatMap((opening): DueItem[] => {
    if (!['accepted', 'rejected', 'withdrawn'].includes(opening.stage)) return [];
    return context.facts.references
      .filter((reference) => reference.openingId === opening.id && reference.permission === 'granted' && !reference.thankedAt)
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

const RULES = [debriefRule, lettersRule, letterMailRule, followUpRule, moveOnRule, revisitRule, stayInTouchRule, linkedInRule, referencesLowRule, referenceBriefRule, referenceThanksRule];

export function naivePlan(facts: PlaybookFacts, settings: PlaybookSettings, now: Date, timeZone: string): DueItem[] {
  const context: RuleContext = { facts, index: indexFacts(facts), settings, now, timeZone };
  return RULES.flatMap((rule) => rule(context))
    .map((item) => ({ ...item, alerts: [...new Set(item.alerts.filter((alert) => alert >= item.dueAt))].sort() }))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.key.localeCompare(b.key));
}
