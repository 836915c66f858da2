import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupContents } from '#shared/domain/backup';
import { AppError } from '#core/errors';
import { reencryptAttachment } from '#core/vault/attachment-cipher';
import { fileKind } from '#core/vault/backup-container';
import { isPlainSqliteFile, type VaultKey } from '#core/vault/cipher';
import { MIGRATIONS } from '#core/vault/migrations';
import { checkVaultFile, rekeyVaultFile, VaultFileError } from '#core/vault/vault-file';
import { DATABASE_PART, readBackupManifest, unpackBackupFile, type BackupManifest } from './backup-file';
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
export function compatibleManifest(path: string, key: VaultKey | null): BackupManifest {
  const manifest = readBackupManifest(path, key);
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
export function* prepareRestore(path: string, staging: string, key: VaultKey | null): Steps<PreparedRestore> {
  const kind = fileKind(path, key);
  if (kind === 'other') throw new VaultFileError('foreign', 'not a backup');
  if (kind === 'backup') {
    compatibleManifest(path, key);
    const unpacked = yield* unpackBackupFile(path, staging, key);
    checkVaultFile(unpacked.database, key);
    const prepared = { database: unpacked.database, attachments: { dir: unpacked.attachmentsDir, names: unpacked.attachments } };
    matchVaultEncryption(prepared, key);
    return prepared;
  }
  mkdirSync(staging, { recursive: true });
  const copy = join(staging, DATABASE_PART);
  copyFileSync(path, copy);
  checkVaultFile(copy, key);
  const prepared = { database: copy, attachments: null };
  matchVaultEncryption(prepared, key);
  return prepared;
}

/**
 * A backup from before the vault was encrypted goes back in encrypted: its
 * database is re-encrypted with the vault's key where it is unpacked, and so
 * are its photos, so nothing plain lands beside an encrypted vault.
 */
function matchVaultEncryption(prepared: PreparedRestore, key: VaultKey | null): void {
  if (!key) return;
  if (isPlainSqliteFile(prepared.database)) rekeyVaultFile(prepared.database, null, key);
  for (const name of prepared.attachments?.names ?? []) {
    const path = join(prepared.attachments!.dir, name);
    writeFileSync(path, reencryptAttachment(readFileSync(path), name, key, key));
  }
}
