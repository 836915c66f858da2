import type { Services } from '../services';
import type { HandlersFor } from './types';

export function trashHandlers({ trash }: Services): HandlersFor<'trash.list' | 'trash.restore' | 'trash.empty'> {
  return {
    'trash.list': () => trash.list(),
    'trash.restore': ({ kind, id }) => trash.restore(kind, id),
    'trash.empty': () => trash.empty(),
  };
}
