import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../errors';
import { snapshotBeforeMigration } from '../backup/pre-migration';
import { migrate, refuseNewerVault } from './migrator';
import { openSqlite, type VaultKey } from './cipher';
import { storageError } from './storage-errors';
import { MIGRATIONS, type Migration } from './migrations';
import type { Db } from './db';

export type { Db };

export interface OpenVaultOptions {
  /** The key of an encrypted vault (electron/core/keys/); none for a plain one. */
  key?: VaultKey | null;
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
  /**
   * The key it was opened with, for the other files kept beside it (backups,
   * snapshots, the import's staging vault, photos): null for a plain vault.
   * Zeroed when the vault closes.
   */
  key: VaultKey | null;
  close(): void;
}

/** Opens (creating if needed) the vault file and brings its schema up to date. */
export function openVault(path: string, options: OpenVaultOptions = {}): Vault {
  // The vault keeps its own copy, which it zeroes on close; the caller's stays the caller's.
  const key = options.key ? Buffer.from(options.key) : null;
  let db: Db;
  try {
    mkdirSync(dirname(path), { recursive: true });
    db = openSqlite(path, { key: options.key ?? null });
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
    const schemaVersion = migrate(db, options.migrations ?? MIGRATIONS, () => snapshotBeforeMigration(path, db, key, new Date(), options.appVersion ?? null));
    const attachmentsDir = join(dirname(path), 'attachments');
    mkdirSync(attachmentsDir, { recursive: true });
    return {
      db,
      path,
      attachmentsDir,
      schemaVersion,
      key,
      close: () => {
        db.close();
        // As far as JavaScript allows: the bytes of this copy are gone; SQLite wipes its own on close.
        key?.fill(0);
      },
    };
  } catch (error) {
    db.close();
    key?.fill(0);
    if (error instanceof AppError) throw error;
    throw storageError(error) ?? new AppError('VAULT_UNAVAILABLE', `The vault at ${path} could not be opened: ${(error as Error).message}`);
  }
}
