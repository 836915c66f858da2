import type { Services } from '../services';
import type { HandlersFor } from './types';

type OpeningChannel = 'openings.list' | 'openings.get' | 'openings.create' | 'openings.update' | 'openings.delete';

export function openingHandlers({ openings, interviews, contacts, notes, nowIso }: Services): HandlersFor<OpeningChannel> {
  return {
    'openings.list': () => openings.list(nowIso()),
    'openings.get': ({ id }) => {
      const opening = openings.require(id);
      return {
        opening,
        interviews: interviews.summariesOfOpening(id),
        contacts: contacts.listOfOpening(id, opening.companyId),
        notes: notes.summariesOf('opening', id),
      };
    },
    'openings.create': (input) => openings.create(input, nowIso()),
    'openings.update': (patch) => openings.update(patch, nowIso()),
    // Interviews and notes hide with the opening; contacts stay.
    'openings.delete': ({ id }) => openings.softDelete(id, nowIso()),
  };
}
