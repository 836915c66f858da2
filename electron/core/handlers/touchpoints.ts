import type { Services } from '../services';
import type { HandlersFor } from './types';

type TouchpointChannel = 'touchpoints.list' | 'touchpoints.log' | 'touchpoints.delete' | 'touchpoints.restore' | 'touchpoints.check';

export function touchpointHandlers({ touchpoints, touchpointLog, openings, contacts, now, nowIso }: Services): HandlersFor<TouchpointChannel> {
  return {
    'touchpoints.list': (filter) => {
      if (filter.openingId) openings.require(filter.openingId);
      if (filter.contactId) contacts.require(filter.contactId);
      return touchpoints.views(filter);
    },
    'touchpoints.log': (input) => touchpointLog.log(input, nowIso()),
    'touchpoints.delete': ({ id }) => touchpoints.softDelete(id, nowIso()),
    'touchpoints.restore': ({ id }) => touchpoints.restore(id, nowIso()),
    'touchpoints.check': (input) => touchpointLog.check(input, now()),
  };
}
