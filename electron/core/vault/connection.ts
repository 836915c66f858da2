import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../errors';
import { snapshotBeforeMigration } from '../backup/pre-migration';
import { migrate, refuseNewerVault } from './migrator';
import { storageError } from './storage-errors';
import { MIGRATIONS, type Migration } from './migrations';
import type { Db } from './db';

export type { Db };

export interface OpenVaultOptions {
  /** Path to a better-sqlite3 addon built for this runtime (Electron's ABI). */
  nativeBinding?: string;
  /** Only tests pass their own list, to exercise the runner. */
  migrations?: readonly Migration[];
  /** Recorded in the backup made before migrations, so it says which version made it. */
  appVersion?: string;
}

export interface Vault {
  db: Db;
  path: string;
  attachmentsDir: string;
  schemaVersion: number;
  /** The SQLite addon the vault was opened with, for the other databases an import or export opens beside it. */
  nativeBinding?: string;
  close(): void;
}

/** Opens (creating if needed) the vault file and brings its schema up to date. */
export function openVault(path: string, options: OpenVaultOptions = {}): Vault {
  let db: Db;
  try {
    mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw storageError(error) ?? new AppError('VAULT_UNAVAILABLE', `The vault at ${path} could not be opened: ${(error as Error).message}`);
  }
  try {
    // Before anything is written (even the journal mode): a vault from a newer
    // Afterview is refused with its file exactly as it was.
    refuseNewerVault(db, options.migrations ?? MIGRATIONS);
    // WAL keeps readers off the writer's back; synchronous=FULL makes every
    // acknowledged commit survive a power cut, not just a process crash.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // What is deleted or overwritten is zeroed, not left in free space: emptying the trash really erases.
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    const schemaVersion = migrate(db, options.migrations ?? MIGRATIONS, () => snapshotBeforeMigration(path, db, new Date(), options.appVersion ?? null));
    const attachmentsDir = join(dirname(path), 'attachments');
    mkdirSync(attachmentsDir, { recursive: true });
    return { db, path, attachmentsDir, schemaVersion, nativeBinding: options.nativeBinding, close: () => db.close() };
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    throw storageError(error) ?? new AppError('VAULT_UNAVAILABLE', `The vault at ${path} could not be opened: ${(error as Error).message}`);
  }
}
