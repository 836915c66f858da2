import type { Services } from '../services';
import type { HandlersFor } from './types';

export function outcomeHandlers({ recordOutcome, nowIso }: Services): HandlersFor<'openings.recordOutcome'> {
  return {
    'openings.recordOutcome': (input) => recordOutcome(input, nowIso()),
  };
}
