import type Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../errors';
import type { Migration } from './migrations';

/** The ids of the migrations a database records, oldest first; null when it records none (not an Afterview vault yet). */
export function appliedMigrations(db: Database.Database): string[] | null {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!table) return null;
  return (db.prepare('SELECT id FROM schema_migrations ORDER BY id').all() as { id: string }[]).map((row) => row.id);
}

/**
 * True when a database was written by a newer Afterview: it records a
 * migration this build does not know, or says (in user_version) that it has
 * more of them than this build has.
 */
export function isFromNewerVersion(db: Database.Database, migrations: readonly Migration[]): boolean {
  const applied = appliedMigrations(db) ?? [];
  const known = migrations.map((m) => m.id);
  if (applied.length > known.length || applied.some((id, index) => known[index] !== id)) return true;
  return (db.pragma('user_version', { simple: true }) as number) > known.length;
}

export const NEWER_VAULT_MESSAGE = 'This vault was saved by a newer version of Afterview. Update Afterview to open it; nothing in the vault was changed.';

/**
 * Refuses a vault written by a newer Afterview. Only reads: it runs before
 * anything (the journal mode, a table) is written to the file.
 */
export function refuseNewerVault(db: Database.Database, migrations: readonly Migration[]): void {
  if (isFromNewerVersion(db, migrations)) throw new AppError('VAULT_UNAVAILABLE', NEWER_VAULT_MESSAGE);
}

/**
 * Applies pending migrations in order, each in its own transaction, and
 * records them. Refuses a vault whose applied migrations are not a prefix of
 * the ones this build knows: that vault was written by a newer Afterview.
 * Returns the schema version (the number of applied migrations).
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], beforeUpgrade?: () => void): number {
  refuseNewerVault(db, migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = appliedMigrations(db) ?? [];
  // An existing vault about to change shape is copied first, so a failed or
  // regretted update can be undone from the backups.
  if (applied.length > 0 && applied.length < migrations.length) beforeUpgrade?.();
  const record = db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
  for (const migration of migrations.slice(applied.length)) {
    db.transaction(() => {
      migration.up(db);
      record.run(migration.id, new Date().toISOString());
    })();
  }
  db.pragma(`user_version = ${migrations.length}`);
  return migrations.length;
}
