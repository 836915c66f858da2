import type { Note } from '#shared/domain/note';
import { exportDocument } from '../export/document-export';
import { noteDocument, type NoteOwner } from '../export/note-document';
import { interviewName } from '../export/prep-sheet';
import { missing } from '../vault/missing';
import type { Services } from '../services';
import type { HandlersFor } from './types';

type NoteChannel = 'notes.create' | 'notes.get' | 'notes.save' | 'notes.delete' | 'notes.export';

export function noteHandlers(services: Services): HandlersFor<NoteChannel> {
  const { notes, openings, interviews, companies, contacts, nowIso } = services;

  /** What the note belongs to, in words, for the exported file's heading and name. */
  function ownerOf(note: Note): NoteOwner {
    switch (note.parentType) {
      case 'opening': {
        const opening = openings.require(note.parentId);
        return { label: `${opening.role} at ${opening.companyName}`, short: opening.companyName };
      }
      case 'interview': {
        const interview = interviews.require(note.parentId);
        const opening = openings.require(interview.openingId);
        return { label: `${interviewName(interview)} interview, ${opening.role} at ${opening.companyName}`, short: opening.companyName };
      }
      case 'company': {
        const company = companies.get(note.parentId);
        if (!company) throw missing('company');
        return { label: company.name, short: company.name };
      }
      case 'contact': {
        const contact = contacts.require(note.parentId);
        return { label: contact.name, short: contact.name };
      }
    }
  }

  return {
    'notes.create': (input) => notes.create(input, nowIso()),
    'notes.get': ({ id }) => notes.get(id),
    'notes.save': (input) => notes.save(input, nowIso()),
    'notes.delete': ({ id }) => notes.softDelete(id, nowIso()),
    'notes.export': ({ id, format }) => {
      const note = notes.get(id);
      return exportDocument(services.printer, noteDocument(note, ownerOf(note)), format);
    },
  };
}
