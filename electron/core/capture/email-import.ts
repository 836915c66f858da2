import type { ConfirmEmail, EmailReading } from '#shared/domain/capture';
import type { TouchpointView } from '#shared/domain/touchpoint';
import { AppError } from '../errors';
import type { createTouchpointLog } from '../touchpoints/touchpoint-log';
import type { Db } from '../vault/connection';
import type { ContactsRepository } from '../vault/repositories/contacts';
import type { OpeningsRepository } from '../vault/repositories/openings';
import type { TouchpointsRepository } from '../vault/repositories/touchpoints';
import type { CaptureSettingsStore } from './capture-settings';
import type { InviteImport } from './invite-import';
import type { PeopleMatch } from './people-match';
import { readEmail } from './read-email';

interface Deps {
  openings: OpeningsRepository;
  contacts: ContactsRepository;
  touchpoints: TouchpointsRepository;
  touchpointLog: ReturnType<typeof createTouchpointLog>;
  people: PeopleMatch;
  invites: InviteImport;
  captureSettings: CaptureSettingsStore;
  now: () => Date;
  timeZone: () => string;
}

/**
 * An e-mail file into a touchpoint: read it into a proposal (the other side
 * matched to a contact, the direction from the user's own addresses, the
 * invitations it carries read as invites), then log it once the user
 * confirms, as a touchpoint logged by hand is (an inbound one wakes a dormant
 * opening and ends the silence), keyed by its Message-ID.
 */
export function createEmailImport(db: Db, deps: Deps) {
  async function read(bytes: Uint8Array): Promise<EmailReading> {
    const { ownAddresses } = deps.captureSettings.get();
    const proposal = await readEmail(bytes, { ownAddresses, fallbackTimeZone: deps.timeZone(), now: deps.now() });
    const people = deps.people.match(proposal.counterparts.map((person) => ({ ...person, organizer: false })));
    const notes = [...proposal.notes];
    if (proposal.directionFrom === 'guess') {
      notes.push(
        ownAddresses.length === 0
          ? 'Add your own e-mail addresses in Settings, so that Afterview can tell the messages you sent from the ones you received.'
          : 'None of your own addresses is on this message; it is read as one you received.',
      );
    }
    return {
      messageId: proposal.messageId,
      occurredAt: proposal.occurredAt,
      direction: proposal.direction,
      directionFrom: proposal.directionFrom,
      from: proposal.from,
      subject: proposal.subject,
      summary: proposal.summary,
      people,
      alreadyLogged: deps.touchpoints.loggedFrom(proposal.messageId),
      suggestedOpeningId: deps.people.openingFor(people),
      invites: proposal.invites.map(deps.invites.reading),
      notes,
    };
  }

  const confirm = db.transaction((input: ConfirmEmail, nowIso: string): TouchpointView => {
    const opening = deps.openings.require(input.openingId);
    let contactId: string | null = null;
    if (input.contact && 'contactId' in input.contact) {
      contactId = deps.contacts.require(input.contact.contactId).id;
    } else if (input.contact) {
      if (!/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(input.contact.email)) {
        throw new AppError('INVALID_INPUT', 'E-mail must look like name@example.com.', 'contact.email');
      }
      contactId = deps.contacts.ensureTeamPerson({ name: input.contact.name, title: null, email: input.contact.email.toLowerCase() }, opening.companyId, nowIso);
    }
    return deps.touchpointLog.log(
      { openingId: opening.id, contactId, channel: 'email', direction: input.direction, kind: 'other', occurredAt: input.occurredAt, summary: input.summary, messageId: input.messageId },
      nowIso,
    );
  });

  return { read, confirm };
}
export type EmailImport = ReturnType<typeof createEmailImport>;
