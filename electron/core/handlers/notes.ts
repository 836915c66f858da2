import type { Services } from '../services';
import type { HandlersFor } from './types';

type NoteChannel = 'notes.create' | 'notes.get' | 'notes.save' | 'notes.delete';

export function noteHandlers({ notes, nowIso }: Services): HandlersFor<NoteChannel> {
  return {
    'notes.create': (input) => notes.create(input, nowIso()),
    'notes.get': ({ id }) => notes.get(id),
    'notes.save': (input) => notes.save(input, nowIso()),
    'notes.delete': ({ id }) => notes.softDelete(id, nowIso()),
  };
}
