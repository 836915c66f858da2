import { missing } from '../vault/missing';
import type { Services } from '../services';
import type { HandlersFor } from './types';

type CompanyChannel = 'companies.list' | 'companies.get' | 'companies.update' | 'research.add' | 'research.update' | 'research.delete';

export function companyHandlers({ companies, openings, contacts, research, notes, nowIso }: Services): HandlersFor<CompanyChannel> {
  return {
    'companies.list': () => companies.list(),
    'companies.get': ({ id }) => {
      const company = companies.get(id);
      if (!company) throw missing('company');
      return {
        company,
        openings: openings.listOfCompany(id, nowIso()),
        contacts: contacts.listOfCompany(id),
        research: research.listOfCompany(id),
        notes: notes.summariesOf('company', id),
      };
    },
    'companies.update': (patch) => companies.update(patch, nowIso()),
    'research.add': (input) => research.add(input, nowIso()),
    'research.update': (patch) => research.update(patch, nowIso()),
    'research.delete': ({ id }) => research.softDelete(id, nowIso()),
  };
}
