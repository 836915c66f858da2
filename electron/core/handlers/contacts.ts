import { linkedInHoldOf } from '../playbook/contact-guard';
import type { Services } from '../services';
import type { HandlersFor } from './types';

type ContactChannel =
  | 'contacts.list' | 'contacts.get' | 'contacts.create' | 'contacts.update' | 'contacts.delete'
  | 'cards.add' | 'cards.read' | 'cards.delete';

export function contactHandlers({ contacts, cards, interviews, openings, notes, settings, nowIso }: Services): HandlersFor<ContactChannel> {
  return {
    'contacts.list': () => contacts.list(),
    'contacts.get': ({ id }) => {
      const contact = contacts.require(id);
      const ofContact = openings.listOfContact(id, contact.companyId, nowIso());
      return {
        contact,
        cards: cards.listOfContact(id),
        interviews: interviews.summariesOfContact(id),
        openings: ofContact,
        notes: notes.summariesOf('contact', id),
        mentionedIn: notes.mentioning(contact.name, id),
        // Their own processes hold it, as for the reminders and the guard: not every opening at their company.
        linkedinHold: linkedInHoldOf(openings.stagesOfPerson(id), settings.get().playbook),
      };
    },
    'contacts.create': (input) => contacts.create(input, nowIso()),
    'contacts.update': (patch) => contacts.update(patch, nowIso()),
    'contacts.delete': ({ id }) => contacts.softDelete(id, nowIso()),
    'cards.add': (input) => cards.add(input, nowIso()),
    'cards.read': ({ id }) => cards.read(id),
    'cards.delete': ({ id }) => cards.delete(id, nowIso()),
  };
}
