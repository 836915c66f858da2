import type { Services } from '../services';
import type { HandlersFor } from './types';

export function appHandlers(services: Services): HandlersFor<'app.info'> {
  const { vault } = services;
  return {
    'app.info': () => ({ version: services.appVersion, vaultPath: vault.path, schemaVersion: vault.schemaVersion }),
  };
}
