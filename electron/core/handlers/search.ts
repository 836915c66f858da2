import type { Services } from '../services';
import type { HandlersFor } from './types';

export function searchHandlers({ search }: Services): HandlersFor<'search.query'> {
  return {
    'search.query': ({ text, limit }) => search.query(text, limit),
  };
}
