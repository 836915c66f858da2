import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openVault } from '../../electron/core/vault/connection';
import { migrate } from '../../electron/core/vault/migrator';
import { MIGRATIONS, type Migration } from '../../electron/core/vault/migrations';
import { tempDir, type TempDir } from '../support/temp-vault';

let dir: TempDir;
afterEach(() => dir?.remove());

function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((row) => row.name);
}

describe('migration runner', () => {
  it('creates a new vault with every migration applied and recorded, in WAL mode with foreign keys on', () => {
    dir = tempDir();
    const vault = openVault(dir.file('v.sqlite'));
    expect(vault.schemaVersion).toBe(MIGRATIONS.length);
    expect(tables(vault.db)).toEqual(expect.arrayContaining(['companies', 'openings', 'schema_migrations']));
    const applied = vault.db.prepare('SELECT id FROM schema_migrations ORDER BY id').all() as { id: string }[];
    expect(applied.map((row) => row.id)).toEqual(MIGRATIONS.map((m) => m.id));
    expect(vault.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(vault.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(vault.db.pragma('synchronous', { simple: true })).toBe(2);
    vault.close();
  });

  it('is idempotent: reopening applies nothing twice', () => {
    dir = tempDir();
    openVault(dir.file('v.sqlite')).close();
    const again = openVault(dir.file('v.sqlite'));
    const count = again.db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number };
    expect(count.n).toBe(MIGRATIONS.length);
    again.close();
  });

  it('refuses a vault written by a newer Afterview and leaves it untouched', () => {
    dir = tempDir();
    const path = dir.file('v.sqlite');
    openVault(path).close();
    const raw = new Database(path);
    raw.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)').run('9999_from_the_future', '2030-01-01T00:00:00.000Z');
    raw.close();
    expect(() => openVault(path)).toThrow(/newer version of Afterview/);
    const check = new Database(path);
    expect((check.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(MIGRATIONS.length + 1);
    check.close();
  });

  it('rolls back a failing migration completely and does not record it', () => {
    dir = tempDir();
    const db = new Database(dir.file('v.sqlite'));
    const broken: Migration = {
      id: '0002_broken',
      up(database) {
        database.exec('CREATE TABLE half_done (id INTEGER)');
        database.exec('THIS IS NOT SQL');
      },
    };
    expect(() => migrate(db, [MIGRATIONS[0]!, broken])).toThrow();
    expect(tables(db)).not.toContain('half_done');
    expect((db.prepare('SELECT id FROM schema_migrations').all() as { id: string }[]).map((r) => r.id)).toEqual([MIGRATIONS[0]!.id]);
    db.close();
  });

  it('reports a file that is not a vault without damaging it', () => {
    dir = tempDir();
    const path = dir.file('not-a-vault.sqlite');
    const garbage = Buffer.alloc(8192, 7);
    writeFileSync(path, garbage);
    expect(() => openVault(path)).toThrow(/not an Afterview vault or is damaged/);
    expect(readFileSync(path).equals(garbage)).toBe(true);
  });
});

describe('0001_companies_openings (from an empty database)', () => {
  it('enforces the stage list and the company reference', () => {
    dir = tempDir();
    const db = new Database(dir.file('v.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, [MIGRATIONS[0]!]);
    const now = '2026-01-01T00:00:00.000Z';
    db.prepare('INSERT INTO companies VALUES (?, ?, ?, ?, ?)').run('c1', 'Acme', 'acme', now, now);
    const insert = db.prepare('INSERT INTO openings (id, company_id, role, stage, job_url, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?)');
    insert.run('o1', 'c1', 'Engineer', 'applied', now, now);
    expect(() => insert.run('o2', 'c1', 'Engineer', 'hired', now, now)).toThrow(/CHECK/);
    expect(() => insert.run('o3', 'missing', 'Engineer', 'applied', now, now)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare('INSERT INTO companies VALUES (?, ?, ?, ?, ?)').run('c2', 'ACME', 'acme', now, now)).toThrow(/UNIQUE/);
    db.close();
  });
});
