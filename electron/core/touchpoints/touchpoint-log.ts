import type { CheckTouchpoint, ContactCheck, LogTouchpoint, TouchpointView } from '#shared/domain/touchpoint';
import { AppError } from '../errors';
import { checkContact } from '../playbook/contact-guard';
import type { SettingsReader } from '../settings/service';
import type { Db } from '../vault/connection';
import type { ContactsRepository } from '../vault/repositories/contacts';
import type { OpeningsRepository } from '../vault/repositories/openings';
import type { TouchpointsRepository } from '../vault/repositories/touchpoints';

interface Deps {
  openings: OpeningsRepository;
  contacts: ContactsRepository;
  touchpoints: TouchpointsRepository;
  settings: SettingsReader;
}

/** A minute of slack for a clock that runs a little ahead of the core's. */
const FUTURE_SLACK_MS = 60_000;

/** Logging touchpoints by hand, and the contact-frequency guard consulted before an outbound one. */
export function createTouchpointLog(db: Db, { openings, contacts, touchpoints, settings }: Deps) {
  /** `messageId`: the e-mail it was captured from, logged once. */
  const log = db.transaction((input: LogTouchpoint & { messageId?: string | null }, now: string): TouchpointView => {
    if (Date.parse(input.occurredAt) > Date.parse(now) + FUTURE_SLACK_MS) {
      throw new AppError('INVALID_INPUT', 'A touchpoint cannot be in the future: log it once it has happened.', 'occurredAt');
    }
    const opening = openings.require(input.openingId);
    if (input.contactId) contacts.require(input.contactId);
    if (input.messageId && touchpoints.loggedFrom(input.messageId)) {
      throw new AppError('CONFLICT', 'This e-mail is already logged as a touchpoint.');
    }
    const created = touchpoints.create({ ...input, letterId: null }, now);
    // They got back in touch: a dormant opening is alive again.
    if (input.direction === 'inbound' && opening.stage === 'dormant') {
      openings.setStage(opening.id, openings.interviewCount(opening.id) > 0 ? 'interviewing' : 'applied', now);
    }
    return touchpoints.view(created.id);
  });

  return {
    log,
    check(input: CheckTouchpoint, now: Date): ContactCheck {
      const opening = openings.require(input.openingId);
      if (input.contactId) contacts.require(input.contactId);
      const warnings = checkContact({
        stage: opening.stage,
        personStages: input.contactId ? openings.stagesOfPerson(input.contactId) : [],
        touchpoints: touchpoints.listOfOpening(opening.id),
        lastInterviewEnd: touchpoints.lastInterviewEnd(opening.id, now.toISOString()),
        intent: input,
        settings: settings.get().playbook,
        now,
      });
      return { warnings };
    },
  };
}
