import type Database from 'better-sqlite3';
import { AppError } from '../errors';
import type { Migration } from './migrations';

/**
 * Applies pending migrations in order, each in its own transaction, and
 * records them. Refuses a vault whose applied migrations are not a prefix of
 * the ones this build knows: that vault was written by a newer Afterview.
 * Returns the schema version (the number of applied migrations).
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], beforeUpgrade?: () => void): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = (db.prepare('SELECT id FROM schema_migrations ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  const known = migrations.map((m) => m.id);
  const unknown = applied.filter((id) => !known.includes(id));
  if (unknown.length > 0 || applied.some((id, index) => known[index] !== id)) {
    throw new AppError(
      'VAULT_UNAVAILABLE',
      'This vault was saved by a newer version of Afterview. Update Afterview to open it; nothing in the vault was changed.',
    );
  }
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
