import type Database from 'better-sqlite3-multiple-ciphers';
import type { BackupCounts } from '#shared/domain/backup';
import { changeKey, keyForFile, openSqlite, type VaultKey } from './cipher';
import { MIGRATIONS, type Migration } from './migrations';
import { appliedMigrations, isFromNewerVersion } from './migrator';

/** Why a database file cannot be used as a vault: not Afterview's, damaged, or from a newer Afterview. */
export type VaultFileProblem = 'foreign' | 'damaged' | 'newer';

export class VaultFileError extends Error {
  constructor(
    readonly problem: VaultFileProblem,
    detail: string,
  ) {
    super(detail);
    this.name = 'VaultFileError';
  }
}

/** Live rows of the things a user counts, as the screens show them; tolerant of older schemas. */
export function countContents(db: Database.Database): BackupCounts {
  const columns = (table: string) => new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((row) => row.name));
  const live = (table: string): number => {
    const names = columns(table);
    if (names.size === 0) return 0;
    const where = names.has('deleted_at') ? ' WHERE deleted_at IS NULL' : '';
    return (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"${where}`).get() as { n: number }).n;
  };
  const photos = (): number => {
    const cards = columns('cards');
    if (cards.size === 0) return 0;
    const ownLive = cards.has('deleted_at') ? ' AND k.deleted_at IS NULL' : '';
    const contactLive = columns('contacts').has('deleted_at') ? 'p.deleted_at IS NULL' : '1';
    return (db.prepare(`SELECT COUNT(*) AS n FROM cards k JOIN contacts p ON p.id = k.contact_id WHERE ${contactLive}${ownLive}`).get() as { n: number }).n;
  };
  return { openings: live('openings'), interviews: live('interviews'), contacts: live('contacts'), notes: live('notes'), letters: live('letters'), photos: photos() };
}

function classify(error: unknown): VaultFileError {
  if (error instanceof VaultFileError) return error;
  const text = `${(error as { code?: string }).code ?? ''} ${(error as Error).message}`;
  if (/SQLITE_NOTADB|file is not a database/i.test(text)) return new VaultFileError('foreign', 'it is not a database');
  return new VaultFileError('damaged', (error as Error).message);
}

function openOwnCopy(path: string, key: VaultKey | null): Database.Database {
  try {
    return openSqlite(path, { key: keyForFile(path, key), fileMustExist: true });
  } catch (error) {
    throw classify(error);
  }
}

/**
 * Checks a vault database file that nothing else has open (a fresh snapshot,
 * a backup unpacked aside): SQLite's integrity_check, an Afterview schema,
 * not from a newer Afterview. Leaves it in rollback-journal mode, so reading
 * it later never leaves -wal or -shm files beside it. Returns what it holds.
 * An encrypted file is opened with `key` (a file that needs another key
 * reads as foreign: it is not this vault's).
 */
export function checkVaultFile(path: string, key: VaultKey | null, migrations: readonly Migration[] = MIGRATIONS): { migrations: string[]; counts: BackupCounts } {
  const db = openOwnCopy(path, key);
  try {
    db.pragma('journal_mode = DELETE');
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new VaultFileError('damaged', `integrity check: ${String(integrity)}`);
    const applied = appliedMigrations(db);
    if (!applied) throw new VaultFileError('foreign', 'it holds no Afterview vault');
    if (isFromNewerVersion(db, migrations)) throw new VaultFileError('newer', 'made by a newer Afterview');
    return { migrations: applied, counts: countContents(db) };
  } catch (error) {
    throw classify(error);
  } finally {
    db.close();
  }
}

/** What an older plain backup holds, for the list: read only, without the full check (that runs before a restore). */
export function readVaultFileCounts(path: string, key: VaultKey | null): BackupCounts {
  // Read-write on purpose: a read-only connection to a WAL-mode file leaves -wal and -shm behind; this one removes them on close.
  const db = openOwnCopy(path, key);
  try {
    if (!appliedMigrations(db)) throw new VaultFileError('foreign', 'it holds no Afterview vault');
    return countContents(db);
  } catch (error) {
    throw classify(error);
  } finally {
    db.close();
  }
}

/**
 * Re-encrypts a closed vault file in place under `to` (or none), from `from`
 * (or none: a plain file is opened as one whatever `from` is). Rekeying
 * rewrites every page through the rollback journal (WAL mode would refuse
 * it), and the file stays in that mode.
 */
export function rekeyVaultFile(path: string, from: VaultKey | null, to: VaultKey | null): void {
  const db = openSqlite(path, { key: keyForFile(path, from), fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    changeKey(db, to);
  } finally {
    db.close();
  }
}

/**
 * A consistent copy of the open vault, made with SQLite's online backup API
 * (in steps, so the app keeps answering). An encrypted vault is copied with
 * VACUUM INTO, which writes the copy encrypted with the vault's own key: the
 * backup API cannot key the file it writes, and a plain copy must never
 * touch the disk. It holds the thread meanwhile (about a second per 100 MB).
 */
export async function snapshotVault(db: Database.Database, target: string, key: VaultKey | null): Promise<void> {
  if (key) snapshotVaultNow(db, target);
  else await db.backup(target);
}

/** The same, at once: for the moment before migrations run, when the vault is still opening. Keeps the vault's encryption. */
export function snapshotVaultNow(db: Database.Database, target: string): void {
  db.prepare('VACUUM INTO ?').run(target);
}

/**
 * Replaces the open vault's contents with a checked vault file through the
 * backup API, so every open statement sees the restored data at once. For
 * a plain vault only: the backup API cannot key the file it writes to, so an
 * encrypted vault is swapped whole while closed (backups.ts).
 */
export async function replaceVaultContents(vaultPath: string, source: string): Promise<void> {
  const from = openSqlite(source, { key: null, readonly: true, fileMustExist: true });
  try {
    await from.backup(vaultPath);
  } finally {
    from.close();
  }
}
