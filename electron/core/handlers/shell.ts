import type { Services } from '../services';
import { openExternalLink } from '../shell/open-link';
import type { HandlersFor } from './types';

export function shellHandlers(services: Services): HandlersFor<'shell.openExternal'> {
  return {
    'shell.openExternal': async ({ url }) => ({ url: await openExternalLink(services.shell, url) }),
  };
}
