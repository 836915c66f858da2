import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Backup, BackupContents, BackupReason, PickedBackup } from '#shared/domain/backup';
import { AppError } from '../errors';
import type { VaultKey } from '../vault/cipher';
import type { Db } from '../vault/db';
import { fileKind } from '#core/vault/backup-container';
import { checkVaultFile, readVaultFileCounts, replaceVaultContents, VaultFileError } from '../vault/vault-file';
import { isPackableAttachment, readBackupManifest, verifyBackupFile } from './backup-file';
import { checked, compatibleManifest, contentsOfManifest, prepareRestore, type PreparedRestore } from './backup-checks';
import { backupDirFor, backupNamesIn, pruneBackupFolder, removeBackupLeftovers } from './backup-folder';
import { parseBackupName, temporaryName, type BackupName } from './backup-names';
import { syncFolder } from '../vault/durable';
import { makeBackup } from './make-backup';
import { runInTurns } from './steps';

export { backupDirFor } from './backup-folder';

/** Where the preview's upload route puts a backup file the page sends, for backups.pick to check. */
export function uploadedBackupPath(vaultPath: string, uploadId: string): string {
  return join(backupDirFor(vaultPath), temporaryName('picked', uploadId));
}

/** Only one backup or restore at a time per vault: the daily timer, "Back up now" and a restore queue up. */
const queues = new Map<string, Promise<unknown>>();
function oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
  const next = (queues.get(key) ?? Promise.resolve()).then(task, task);
  const settled = next.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}

export interface BackupsOptions {
  vaultPath: string;
  db: Db;
  attachmentsDir: string;
  appVersion: string | null;
  /** An encrypted vault's key: its backups are encrypted with it. */
  key?: VaultKey | null;
  /**
   * Puts a checked database file in place of an encrypted vault's: the
   * session closes the vault, renames the file in and opens it again (the
   * backup API that a plain vault's restore uses cannot key its target).
   */
  swapVaultFile?: (database: string) => Promise<void>;
}

/**
 * The vault's backups, in backups/ beside it. Each is one file holding the
 * database and every attachment (backup-file.ts), checked before it gets its
 * name; each kind is kept in its own pool (retention.ts). A restore, from the
 * list or from a file the user picked, checks the whole file before anything
 * changes and keeps the current vault as a backup first.
 */
export function createBackups({ vaultPath, db, attachmentsDir, appVersion, key = null, swapVaultFile }: BackupsOptions) {
  const dir = backupDirFor(vaultPath);
  const target = { dir, db, attachmentsDir, appVersion, key };
  /** What each file holds, read once per size and modification time: the list opens no file twice. */
  const contentsCache = new Map<string, { key: string; contents: BackupContents | null }>();

  function contentsOf(name: BackupName, path: string, cacheKey: string): BackupContents | null {
    const cached = contentsCache.get(name.fileName);
    if (cached?.key === cacheKey) return cached.contents;
    let contents: BackupContents | null;
    try {
      contents = name.legacy
        ? { createdAt: name.createdAt, appVersion: null, counts: readVaultFileCounts(path, key), includesPhotos: false }
        : contentsOfManifest(readBackupManifest(path, key));
    } catch {
      contents = null;
    }
    contentsCache.set(name.fileName, { key: cacheKey, contents });
    return contents;
  }

  function describe(name: BackupName): Backup | null {
    const path = join(dir, name.fileName);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return null;
    }
    const contents = contentsOf(name, path, `${stat.size}:${stat.mtimeMs}`);
    return { fileName: name.fileName, reason: name.reason, createdAt: name.createdAt, size: stat.size, contents };
  }

  async function createUnqueued(reason: BackupReason, now: Date, protect: readonly string[] = []): Promise<Backup> {
    const made = await makeBackup(target, reason, now);
    // The backup just made always stays, even if a clock set back makes it look older than the ones kept.
    for (const removed of pruneBackupFolder(dir, [...protect, made.fileName])) contentsCache.delete(removed);
    const backup = describe(parseBackupName(made.fileName)!);
    if (!backup) throw new AppError('INTERNAL', 'The backup was made but cannot be found in the backups folder.');
    return backup;
  }

  /**
   * Puts a backup file in place of the current vault. The file is unpacked
   * aside and every part checked, the vault database passes integrity_check
   * and is not from a newer Afterview; only then is the current vault kept as
   * a 'pre-restore' backup, the photos moved in, the database replaced
   * (through the backup API, so every open statement sees it; an encrypted
   * vault's file is swapped by the session) and brought up to date by
   * `afterRestore`. A file that fails a check changes nothing.
   */
  async function restoreFile(path: string, now: Date, protect: readonly string[], afterRestore: () => void): Promise<Backup> {
    const staging = join(dir, temporaryName('unpacking', randomUUID()));
    if (key && !swapVaultFile) throw new AppError('VAULT_UNAVAILABLE', 'An encrypted vault can be restored only from the app.');
    try {
      const prepared = await checked(() => runInTurns(prepareRestore(path, staging, key)));
      const safetyCopy = await createUnqueued('pre-restore', now, protect);
      if (prepared.attachments) moveAttachmentsIn(prepared.attachments);
      if (key && swapVaultFile) {
        // The session opens the swapped file afresh, migrations and settings included.
        await swapVaultFile(prepared.database);
      } else {
        await replaceVaultContents(vaultPath, prepared.database);
        afterRestore();
      }
      if (prepared.attachments) removeAttachmentsNotIn(prepared.attachments.names);
      return safetyCopy;
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }

  /** Photos from the backup go into the attachments folder (the same volume, so each is a rename). */
  function moveAttachmentsIn({ dir: from, names }: NonNullable<PreparedRestore['attachments']>): void {
    mkdirSync(attachmentsDir, { recursive: true });
    for (const name of names) renameSync(join(from, name), join(attachmentsDir, name));
    syncFolder(attachmentsDir);
  }

  /** Once the restored database is in place: files it does not know were the replaced vault's, and are in its safety copy. */
  function removeAttachmentsNotIn(kept: string[]): void {
    const keep = new Set(kept);
    for (const name of readdirSync(attachmentsDir)) if (isPackableAttachment(name) && !keep.has(name)) rmSync(join(attachmentsDir, name), { force: true });
  }

  const pickedPath = (id: string) => join(dir, temporaryName('picked', id));

  /** Checks a picked file completely (every checksum, or integrity_check for an older plain backup) and says what it holds. */
  function inspectPicked(path: string, displayName: string | null, modifiedAt: Date | null): Promise<BackupContents> {
    return checked(async () => {
      const kind = fileKind(path, key);
      if (kind === 'other') throw new VaultFileError('foreign', 'not a backup');
      if (kind === 'backup') {
        compatibleManifest(path, key);
        return contentsOfManifest(await runInTurns(verifyBackupFile(path, key)));
      }
      const { counts } = checkVaultFile(path, key);
      const named = displayName ? parseBackupName(displayName) : null;
      return { createdAt: named?.createdAt ?? modifiedAt?.toISOString() ?? null, appVersion: null, counts, includesPhotos: false };
    });
  }

  /** Only the newest picked file waits to be restored; older ones are dropped. */
  function dropOtherPicked(keepId: string): void {
    const keep = temporaryName('picked', keepId);
    for (const name of readdirSync(dir)) if (name.startsWith('.picked-') && name !== keep) rmSync(join(dir, name), { force: true });
  }

  return {
    dir,
    /** Newest first, each with what it holds. */
    list: (): Backup[] => backupNamesIn(dir).flatMap((name) => describe(name) ?? []),
    names: () => backupNamesIn(dir),
    removeLeftovers: () => removeBackupLeftovers(dir),

    create: (reason: BackupReason, now: Date): Promise<Backup> => oneAtATime(dir, () => createUnqueued(reason, now)),

    /** Restores a backup from the list; the safety copy made first never prunes it. */
    restore(fileName: string, now: Date, afterRestore: () => void): Promise<{ restored: Backup; safetyCopy: Backup }> {
      return oneAtATime(dir, async () => {
        const name = parseBackupName(fileName);
        const restored = name && describe(name);
        if (!restored) throw new AppError('NOT_FOUND', 'That backup is no longer in the backups folder.');
        const safetyCopy = await restoreFile(join(dir, fileName), now, [fileName], afterRestore);
        return { restored, safetyCopy };
      });
    },

    /**
     * A file the user picked: copied aside (so the original is never touched
     * and cannot change before the restore) and checked completely. From the
     * desktop's dialog, a path; from the preview, an upload already in place.
     */
    pick(source: { path: string } | { uploadId: string }): Promise<PickedBackup> {
      return oneAtATime(dir, async () => {
        mkdirSync(dir, { recursive: true });
        let id: string;
        let displayName: string | null = null;
        let modifiedAt: Date | null = null;
        if ('path' in source) {
          id = randomUUID();
          displayName = basename(source.path);
          try {
            modifiedAt = statSync(source.path).mtime;
            await copyFile(source.path, pickedPath(id));
          } catch (error) {
            rmSync(pickedPath(id), { force: true });
            throw new AppError('NOT_FOUND', `That file could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Nothing was changed.`);
          }
        } else {
          id = source.uploadId;
          if (!existsSync(pickedPath(id))) throw new AppError('NOT_FOUND', 'That file did not arrive. Pick it again.');
        }
        dropOtherPicked(id);
        try {
          const contents = await inspectPicked(pickedPath(id), displayName, modifiedAt);
          return { id, fileName: displayName, size: statSync(pickedPath(id)).size, contents };
        } catch (error) {
          rmSync(pickedPath(id), { force: true });
          throw error;
        }
      });
    },

    /** Restores the picked file, checked again as it is unpacked; the copy is removed afterwards either way. */
    restorePicked(id: string, now: Date, afterRestore: () => void): Promise<{ safetyCopy: Backup }> {
      return oneAtATime(dir, async () => {
        const path = pickedPath(id);
        if (!existsSync(path)) throw new AppError('NOT_FOUND', 'That file is no longer waiting to be restored. Pick it again.');
        try {
          return { safetyCopy: await restoreFile(path, now, [], afterRestore) };
        } finally {
          rmSync(path, { force: true });
        }
      });
    },
  };
}
export type Backups = ReturnType<typeof createBackups>;
