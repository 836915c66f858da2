import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupContents } from '../../../shared/domain/backup';
import { AppError } from '../errors';
import { MIGRATIONS } from '../vault/migrations';
import { checkVaultFile, VaultFileError } from '../vault/vault-file';
import { DATABASE_PART, fileKind, readBackupManifest, unpackBackupFile, type BackupManifest } from './backup-file';
import type { Steps } from './steps';

/** What the user is told when a file cannot be restored; each message ends by saying nothing changed. */
export function refusal(error: VaultFileError): AppError {
  switch (error.problem) {
    case 'foreign':
      return new AppError('INVALID_INPUT', 'This file is not an Afterview backup, so there is nothing in it to restore. Your vault was not changed.');
    case 'newer':
      return new AppError('INVALID_INPUT', 'This backup was made by a newer version of Afterview. Update Afterview to restore it. Your vault was not changed.');
    case 'damaged':
      return new AppError('INVALID_INPUT', `This backup is damaged (${error.message}), so it cannot be restored. Your vault was not changed.`);
  }
}

/** Runs a check, turning what is wrong with the file into a message for the user. */
export async function checked<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof VaultFileError) throw refusal(error);
    throw error;
  }
}

/** A backup's manifest, refused at once when its vault schema is newer than this Afterview's. */
export function compatibleManifest(path: string): BackupManifest {
  const manifest = readBackupManifest(path);
  const known = MIGRATIONS.map((migration) => migration.id);
  if (manifest.migrations.length > known.length || manifest.migrations.some((id, index) => known[index] !== id)) {
    throw new VaultFileError('newer', 'made by a newer Afterview');
  }
  return manifest;
}

export function contentsOfManifest(manifest: BackupManifest): BackupContents {
  return { createdAt: manifest.createdAt, appVersion: manifest.appVersion, counts: manifest.counts, includesPhotos: true };
}

/** A backup unpacked aside and checked, ready to be put in place. */
export interface PreparedRestore {
  database: string;
  /** Null for an older plain backup, which holds no attachments: the folder is then left as it is. */
  attachments: { dir: string; names: string[] } | null;
}

/**
 * Unpacks a backup file (or copies an older plain one) into `staging`,
 * checking every part's checksum and then the vault database itself. Throws
 * a VaultFileError when the file is foreign, damaged or from a newer
 * Afterview; nothing outside `staging` is touched either way.
 */
export function* prepareRestore(path: string, staging: string): Steps<PreparedRestore> {
  const kind = fileKind(path);
  if (kind === 'other') throw new VaultFileError('foreign', 'not a backup');
  if (kind === 'backup') {
    compatibleManifest(path);
    const unpacked = yield* unpackBackupFile(path, staging);
    checkVaultFile(unpacked.database);
    return { database: unpacked.database, attachments: { dir: unpacked.attachmentsDir, names: unpacked.attachments } };
  }
  mkdirSync(staging, { recursive: true });
  const copy = join(staging, DATABASE_PART);
  copyFileSync(path, copy);
  checkVaultFile(copy);
  return { database: copy, attachments: null };
}
