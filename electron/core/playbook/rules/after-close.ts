import type { DueItem } from '#shared/domain/playbook';
import { addMonths, localDate } from '#shared/domain/zoned-time';
import { stagesWith } from '#shared/domain/outcome';
import { inOpenProcess, linkedInHoldOf } from '../contact-guard';
import { morningOf, openingName, plusDays, type RuleContext } from '../context';
import { latestOpeningIn } from '../people';

// Which outcomes bring what (OUTCOME_STEPS): the rules below follow that one table.
const REVISITED = stagesWith('revisit');
const KEEPS_IN_TOUCH = stagesWith('stayInTouch');
const LIFTS_HOLD = stagesWith('liftLinkedInHold');

/** A dormant opening is worth a look months later: some employers come back. */
export function revisitRule(context: RuleContext): DueItem[] {
  return context.facts.openings.flatMap((opening): DueItem[] => {
    if (!REVISITED.has(opening.stage)) return [];
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

/**
 * After a rejection, keep in touch with the people of the opening, a few
 * times, spaced out: one cadence per person, from their latest rejection, and
 * none while another process of theirs is still open (that keeps you in touch).
 */
export function stayInTouchRule(context: RuleContext): DueItem[] {
  const { stayInTouchEveryDays, stayInTouchTimes } = context.settings;
  return context.facts.openings.flatMap((opening): DueItem[] => {
    if (!KEEPS_IN_TOUCH.has(opening.stage)) return [];
    return context.index
      .contactsOf(opening.id)
      .flatMap((contact): DueItem[] => {
        const theirs = context.index.openingsOfPerson(contact.contactId);
        if (latestOpeningIn(theirs, KEEPS_IN_TOUCH)?.openingId !== opening.id || inOpenProcess(theirs.map((link) => link.stage))) return [];
        const done = context.index.outboundTo(contact.contactId).filter((t) => t.at > opening.stageChangedAt).length;
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

/**
 * The LinkedIn hold lifts when the process is over or has gone quiet: now is
 * the time to connect, once per person (from their latest close), and only
 * when none of their other processes still holds it.
 */
export function linkedInRule(context: RuleContext): DueItem[] {
  if (!context.settings.linkedInHold) return [];
  return context.facts.openings.flatMap((opening): DueItem[] => {
    if (!LIFTS_HOLD.has(opening.stage)) return [];
    return context.index
      .contactsOf(opening.id)
      .filter((contact) => {
        if (contact.linkedinConnectedAt) return false;
        const theirs = context.index.openingsOfPerson(contact.contactId);
        return latestOpeningIn(theirs, LIFTS_HOLD)?.openingId === opening.id && !linkedInHoldOf(theirs.map((link) => link.stage), context.settings);
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
