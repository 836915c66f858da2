import type { Services } from '../services';
import type { HandlersFor } from './types';

type InterviewChannel = 'interviews.create' | 'interviews.get' | 'interviews.update' | 'interviews.delete' | 'interviews.saveDebrief';

export function interviewHandlers({ interviews, openings, notes, nowIso }: Services): HandlersFor<InterviewChannel> {
  return {
    'interviews.create': (input) => interviews.create(input, nowIso()),
    'interviews.get': ({ id }) => {
      const interview = interviews.require(id);
      return {
        interview,
        opening: openings.require(interview.openingId),
        team: interviews.team(id),
        debrief: interviews.debrief(id),
        notes: notes.summariesOf('interview', id),
      };
    },
    'interviews.update': (patch) => interviews.update(patch, nowIso()),
    'interviews.delete': ({ id }) => interviews.softDelete(id, nowIso()),
    'interviews.saveDebrief': (input) => interviews.saveDebrief(input, nowIso()),
  };
}
