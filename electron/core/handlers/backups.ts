import { migrate } from '../vault/migrator';
import { MIGRATIONS } from '../vault/migrations';
import type { Services } from '../services';
import type { HandlersFor } from './types';

export function backupHandlers({ backups, vault, now }: Services): HandlersFor<'backups.list' | 'backups.create' | 'backups.restore'> {
  return {
    'backups.list': () => ({ folder: backups.dir, backups: backups.list() }),
    'backups.create': () => backups.create('manual', now()),
    'backups.restore': async ({ fileName }) => {
      const restored = backups.list().find((backup) => backup.fileName === fileName);
      const safetyCopy = await backups.restore(fileName, now(), () => migrate(vault.db, MIGRATIONS));
      return { restored: restored!, safetyCopy };
    },
  };
}
