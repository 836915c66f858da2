import { AppError } from '../errors';
import { migrate } from '../vault/migrator';
import { MIGRATIONS } from '../vault/migrations';
import type { Services } from '../services';
import type { HandlersFor } from './types';

export function backupHandlers({ backups, vault, now, settings, pickBackupFile }: Services): HandlersFor<'backups.list' | 'backups.create' | 'backups.restore' | 'backups.pick' | 'backups.restorePicked'> {
  /** The restored vault may be older: brought up to date, and nothing read before the restore is trusted after it. */
  const afterRestore = () => {
    migrate(vault.db, MIGRATIONS);
    settings.reload();
  };
  return {
    'backups.list': () => ({ folder: backups.dir, backups: backups.list() }),
    'backups.create': () => backups.create('manual', now()),
    'backups.restore': ({ fileName }) => backups.restore(fileName, now(), afterRestore),
    'backups.pick': async (source) => {
      if ('uploadId' in source) return backups.pick({ uploadId: source.uploadId });
      if (!pickBackupFile) throw new AppError('INVALID_INPUT', 'Choose the backup file with the file field on this page.');
      const path = await pickBackupFile();
      return path === null ? null : backups.pick({ path });
    },
    'backups.restorePicked': ({ id }) => backups.restorePicked(id, now(), afterRestore),
  };
}
