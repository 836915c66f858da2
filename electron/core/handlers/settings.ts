import type { Services } from '../services';
import type { HandlersFor } from './types';

export function settingsHandlers({ settings }: Services): HandlersFor<'settings.get' | 'settings.save'> {
  return {
    'settings.get': () => settings.get(),
    'settings.save': (next) => settings.save(next),
  };
}
