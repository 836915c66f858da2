import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupReason } from '#shared/domain/backup';
import { AppError } from '../errors';
import type { VaultKey } from '../vault/cipher';
import type { Db } from '../vault/db';
import { checkVaultFile, snapshotVault, snapshotVaultNow, VaultFileError } from '../vault/vault-file';
import { attachmentPartName, DATABASE_PART, isPackableAttachment, verifyBackupFile, writeBackupFile, type BackupManifest, type PartSource } from './backup-file';
import { backupFileName, temporaryName } from './backup-names';
import { publish } from '../vault/durable';
import { runInTurns, runNow, type Steps } from './steps';

export interface BackupTarget {
  /** The backups folder. */
  dir: string;
  db: Db;
  attachmentsDir: string;
  appVersion: string | null;
  /** An encrypted vault's key: the backup is encrypted with it, its snapshot and photos as they are in the vault. */
  key: VaultKey | null;
}

/** A backup made and checked: its file name and what it holds. */
export interface MadeBackup {
  fileName: string;
  manifest: BackupManifest;
}

function sourcesOf(snapshot: string, attachmentsDir: string, encrypted: boolean): PartSource[] {
  let names: string[] = [];
  try {
    names = readdirSync(attachmentsDir).filter(isPackableAttachment).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return [
    // An encrypted snapshot's pages are random bytes: deflating them would only cost time.
    { name: DATABASE_PART, path: snapshot, encoding: encrypted ? 'stored' : 'deflate' },
    ...names.map((name): PartSource => ({ name: attachmentPartName(name), path: join(attachmentsDir, name), encoding: 'stored' })),
  ];
}

/**
 * From a fresh snapshot to a named backup: the snapshot passes integrity_check,
 * is packed with every attachment, every part is read back against its
 * checksum, and only then is the file synced and renamed to its real name.
 */
function* packSnapshot(target: BackupTarget, snapshot: string, work: string, reason: BackupReason, now: Date): Steps<MadeBackup> {
  let checked: ReturnType<typeof checkVaultFile>;
  try {
    checked = checkVaultFile(snapshot, target.key);
  } catch (error) {
    if (error instanceof VaultFileError) throw new AppError('VAULT_UNAVAILABLE', `The backup did not pass its check, so it was not kept (${error.message}).`);
    throw error;
  }
  const facts = { createdAt: now.toISOString(), reason, appVersion: target.appVersion, migrations: checked.migrations, counts: checked.counts };
  yield* writeBackupFile(work, sourcesOf(snapshot, target.attachmentsDir, target.key !== null), facts, target.key);
  let manifest: BackupManifest;
  try {
    manifest = yield* verifyBackupFile(work, target.key);
  } catch (error) {
    if (error instanceof VaultFileError) throw new AppError('VAULT_UNAVAILABLE', `The backup did not pass its check, so it was not kept (${error.message}).`);
    throw error;
  }
  const fileName = backupFileName(now, reason);
  publish(work, join(target.dir, fileName));
  return { fileName, manifest };
}

function temporaries(dir: string) {
  const id = randomUUID();
  const snapshot = join(dir, temporaryName('snapshot', id));
  const work = join(dir, temporaryName('writing', id));
  const remove = () => {
    for (const path of [snapshot, work]) for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  };
  return { snapshot, work, remove };
}

/** Makes a backup while the app runs: the snapshot and the packing both give the event loop its turns. */
export async function makeBackup(target: BackupTarget, reason: BackupReason, now: Date): Promise<MadeBackup> {
  mkdirSync(target.dir, { recursive: true });
  const { snapshot, work, remove } = temporaries(target.dir);
  try {
    await snapshotVault(target.db, snapshot, target.key);
    return await runInTurns(packSnapshot(target, snapshot, work, reason, now));
  } finally {
    remove();
  }
}

/** Makes a backup at once: for the moment before migrations run, while the vault is still opening. */
export function makeBackupNow(target: BackupTarget, reason: BackupReason, now: Date): MadeBackup {
  mkdirSync(target.dir, { recursive: true });
  const { snapshot, work, remove } = temporaries(target.dir);
  try {
    snapshotVaultNow(target.db, snapshot);
    return runNow(packSnapshot(target, snapshot, work, reason, now));
  } finally {
    remove();
  }
}
