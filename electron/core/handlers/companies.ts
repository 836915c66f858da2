import type { Services } from '../services';
import type { HandlersFor } from './types';

export function companyHandlers({ companies }: Services): HandlersFor<'companies.list'> {
  return {
    'companies.list': () => companies.list(),
  };
}
