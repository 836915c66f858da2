import { exportDocument } from '../export/document-export';
import { gatherPrepSheet } from '../export/prep-sheet';
import { prepSheetDocument } from '../export/prep-sheet-document';
import type { Services } from '../services';
import type { HandlersFor } from './types';

type OpeningChannel = 'openings.list' | 'openings.get' | 'openings.create' | 'openings.update' | 'openings.delete' | 'openings.posting.save' | 'openings.prepSheet.export';

export function openingHandlers(services: Services): HandlersFor<OpeningChannel> {
  const { openings, interviews, contacts, notes, nowIso } = services;
  return {
    'openings.list': () => openings.list(nowIso()),
    'openings.get': ({ id }) => {
      const opening = openings.require(id);
      return {
        opening,
        interviews: interviews.summariesOfOpening(id),
        contacts: contacts.listOfOpening(id, opening.companyId),
        notes: notes.summariesOf('opening', id),
        posting: openings.posting(id),
      };
    },
    'openings.create': (input) => openings.create(input, nowIso()),
    'openings.update': (patch) => openings.update(patch, nowIso()),
    'openings.posting.save': ({ id, text }) => openings.savePosting(id, text, nowIso()),
    // Interviews and notes hide with the opening; contacts stay.
    'openings.delete': ({ id }) => openings.softDelete(id, nowIso()),
    'openings.prepSheet.export': ({ id, format }) => exportDocument(services.printer, prepSheetDocument(gatherPrepSheet(services, id), services.now()), format),
  };
}
