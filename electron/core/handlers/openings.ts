import type { Services } from '../services';
import type { HandlersFor } from './types';

export function openingHandlers({ openings, nowIso }: Services): HandlersFor<'openings.list' | 'openings.create'> {
  return {
    'openings.list': () => openings.list(),
    'openings.create': (input) => openings.create(input, nowIso()),
  };
}
