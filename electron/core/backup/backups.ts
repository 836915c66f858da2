import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BACKUP_FILE_PATTERN, type Backup, type BackupReason } from '../../../shared/domain/backup';
import { AppError } from '../errors';
import type { Db } from '../vault/connection';

export const KEEP_BACKUPS = 10;

export function backupDirFor(vaultPath: string): string {
  return join(dirname(vaultPath), 'backups');
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('.', '');
}

export function backupFileName(now: Date, reason: BackupReason): string {
  return `afterview-${stamp(now)}-${reason}.sqlite`;
}

function parse(fileName: string): { createdAt: string; reason: BackupReason } | null {
  const match = BACKUP_FILE_PATTERN.exec(fileName);
  if (!match) return null;
  const digits = fileName.slice('afterview-'.length, fileName.indexOf('Z-'));
  const iso = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}T${digits.slice(9, 11)}:${digits.slice(11, 13)}:${digits.slice(13, 15)}.${(digits.slice(15) || '000').padEnd(3, '0')}Z`;
  return { createdAt: iso, reason: match[1] as BackupReason };
}

/** A backup is good when SQLite finds nothing wrong with it and it holds an Afterview schema. */
export function verifyBackup(path: string): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    const migrations = db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() as { n: number };
    if (integrity !== 'ok' || migrations.n !== 1) throw new Error(`integrity: ${String(integrity)}`);
  } catch (error) {
    throw new AppError('VAULT_UNAVAILABLE', `The backup did not pass its check, so it was not kept (${(error as Error).message}).`);
  } finally {
    db?.close();
  }
}

function durableRename(from: string, to: string): void {
  const fd = openSync(from, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(from, to);
}

/**
 * Backups of the vault beside it, in backups/: each made with SQLite's
 * online backup API (or VACUUM INTO where it must be synchronous), checked
 * with integrity_check before it gets its name, the newest few kept.
 */
export function createBackups(vaultPath: string, db: Db, keep = KEEP_BACKUPS) {
  const dir = backupDirFor(vaultPath);

  function list(): Backup[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .flatMap((fileName) => {
        const parsed = parse(fileName);
        return parsed ? [{ fileName, ...parsed, size: statSync(join(dir, fileName)).size }] : [];
      })
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  function prune(): void {
    for (const old of list().slice(keep)) rmSync(join(dir, old.fileName), { force: true });
  }

  async function create(reason: BackupReason, now: Date): Promise<Backup> {
    mkdirSync(dir, { recursive: true });
    const fileName = backupFileName(now, reason);
    const temporary = join(dir, `.${fileName}.part`);
    try {
      await db.backup(temporary);
      verifyBackup(temporary);
      durableRename(temporary, join(dir, fileName));
    } finally {
      rmSync(temporary, { force: true });
    }
    prune();
    return list().find((backup) => backup.fileName === fileName)!;
  }

  /**
   * Puts a backup's contents into the live vault through the backup API (so
   * the open connection sees them at once), after keeping the current vault
   * as a 'pre-restore' backup; then brings an older schema up to date.
   */
  async function restore(fileName: string, now: Date, upgrade: () => void): Promise<Backup> {
    const source = join(dir, fileName);
    if (!parse(fileName) || !existsSync(source)) throw new AppError('NOT_FOUND', 'That backup is no longer in the backups folder.');
    verifyBackup(source);
    const safety = await create('pre-restore', now);
    const backup = new Database(source, { readonly: true, fileMustExist: true });
    try {
      await backup.backup(vaultPath);
    } finally {
      backup.close();
    }
    upgrade();
    return safety;
  }

  return { dir, list, create, prune, restore, pathOf: (fileName: string) => join(dir, fileName) };
}
export type Backups = ReturnType<typeof createBackups>;

/** A synchronous snapshot, for the moment before migrations run while the vault opens. */
export function snapshotBeforeMigration(vaultPath: string, db: Db, now: Date, keep = KEEP_BACKUPS): string {
  const dir = backupDirFor(vaultPath);
  mkdirSync(dir, { recursive: true });
  const fileName = backupFileName(now, 'pre-migration');
  const temporary = join(dir, `.${fileName}.part`);
  try {
    db.prepare('VACUUM INTO ?').run(temporary);
    verifyBackup(temporary);
    durableRename(temporary, join(dir, fileName));
  } finally {
    rmSync(temporary, { force: true });
  }
  createBackups(vaultPath, db, keep).prune();
  return fileName;
}

/**
 * For a vault too damaged to open: sets the damaged file aside (never deletes
 * it) and puts the newest backup that passes its check in its place. Returns
 * the backup used, or null when there is none to use.
 */
export function restoreNewestBackupFile(vaultPath: string, now: Date): Backup | null {
  const dir = backupDirFor(vaultPath);
  if (!existsSync(dir)) return null;
  const candidates = readdirSync(dir)
    .flatMap((fileName) => {
      const parsed = parse(fileName);
      return parsed ? [{ fileName, ...parsed, size: statSync(join(dir, fileName)).size }] : [];
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  for (const candidate of candidates) {
    try {
      verifyBackup(join(dir, candidate.fileName));
    } catch {
      continue;
    }
    const aside = `${vaultPath}.damaged-${stamp(now)}`;
    if (existsSync(vaultPath)) renameSync(vaultPath, aside);
    for (const suffix of ['-wal', '-shm']) if (existsSync(vaultPath + suffix)) renameSync(vaultPath + suffix, aside + suffix);
    copyFileSync(join(dir, candidate.fileName), vaultPath);
    return candidate;
  }
  return null;
}
