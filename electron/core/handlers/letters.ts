import type { LetterDetail } from '#shared/ipc/channels/letters';
import type { Letter } from '#shared/domain/letter';
import { exportDocument } from '../export/document-export';
import { letterDocument } from '../export/letter-document';
import type { Services } from '../services';
import type { HandlersFor } from './types';

type LetterChannel =
  | 'letters.list' | 'letters.get' | 'letters.save' | 'letters.markSent' | 'letters.setLetterTrack'
  | 'letters.markPosted' | 'letters.export' | 'letters.delete';

export function letterHandlers(services: Services): HandlersFor<LetterChannel> {
  const { letters, openings, interviews, contacts, settings, nowIso } = services;

  /** The recipient with what the debrief recorded about them, or as a contact if they were not on the team. */
  function recipientOf(letter: Letter): LetterDetail['recipient'] {
    if (!letter.contactId) return null;
    const member = letter.interviewId ? interviews.team(letter.interviewId).find((person) => person.contactId === letter.contactId) : undefined;
    if (member) return member;
    const contact = contacts.get(letter.contactId);
    if (!contact) return null;
    return { contactId: contact.id, name: contact.name, title: contact.title, email: contact.email, preferredChannel: contact.preferredChannel, cardCollected: false };
  }

  return {
    'letters.list': (filter) => letters.list(filter ?? {}),
    'letters.get': ({ id }) => {
      const letter = letters.require(id);
      return {
        letter,
        opening: openings.require(letter.openingId),
        debrief: letter.interviewId ? interviews.debrief(letter.interviewId) : null,
        recipient: recipientOf(letter),
      };
    },
    'letters.save': (input) => letters.save(input, nowIso()),
    'letters.markSent': (input) => letters.markSent(input, nowIso()),
    'letters.setLetterTrack': (input) => letters.setLetterTrack(input, settings.get().playbook.letterMailByDays, nowIso()),
    'letters.markPosted': (input) => letters.markPosted(input, nowIso()),
    'letters.export': ({ id, format }) => exportDocument(services.printer, letterDocument(letters.require(id), settings.get().profile, services.now()), format),
    'letters.delete': ({ id }) => letters.softDelete(id, nowIso()),
  };
}
