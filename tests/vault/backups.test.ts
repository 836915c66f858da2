import Database from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backupDirFor, createBackups, restoreNewestBackupFile } from '../../electron/core/backup/backups';
import { openVault } from '../../electron/core/vault/connection';
import { migrate } from '../../electron/core/vault/migrator';
import { MIGRATIONS, type Migration } from '../../electron/core/vault/migrations';
import { coreHarness, type CoreHarness } from '../support/core-harness';
import { tempDir, type TempDir } from '../support/temp-vault';

let core: CoreHarness | undefined;
let dir: TempDir | undefined;
afterEach(() => {
  core?.cleanup();
  dir?.remove();
  core = undefined;
  dir = undefined;
});

const count = (path: string, sql: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('backups', () => {
  it('"Back up now" makes a checked copy beside the vault and lists it', async () => {
    core = coreHarness('2026-04-01T09:30:00.000Z');
    await core.call('openings.create', { companyName: 'Acme', role: 'Analyst' });
    const backup = await core.call('backups.create', undefined);
    expect(backup).toMatchObject({ fileName: 'afterview-20260401T093000000Z-manual.sqlite', reason: 'manual', createdAt: '2026-04-01T09:30:00.000Z' });
    const path = join(backupDirFor(core.vault.path), backup.fileName);
    expect(count(path, 'SELECT COUNT(*) AS n FROM openings')).toBe(1);
    expect((await core.call('backups.list', undefined)).backups.map((item) => item.fileName)).toEqual([backup.fileName]);
    expect(readdirSync(backupDirFor(core.vault.path)).filter((name) => name.endsWith('.part'))).toEqual([]);
  });

  it('keeps the newest ten', async () => {
    core = coreHarness('2026-04-01T09:00:00.000Z');
    for (let index = 0; index < 12; index++) {
      await core.call('backups.create', undefined);
      core.clock.advance(60_000);
    }
    const { backups } = await core.call('backups.list', undefined);
    expect(backups).toHaveLength(10);
    expect(backups[0]!.createdAt).toBe('2026-04-01T09:11:00.000Z');
  });

  it('restores a backup into the open vault, keeping the current vault as a backup first', async () => {
    core = coreHarness('2026-04-01T09:00:00.000Z');
    await core.call('openings.create', { companyName: 'Before', role: 'Kept' });
    const backup = await core.call('backups.create', undefined);
    core.clock.advance(60_000);
    await core.call('openings.create', { companyName: 'After', role: 'Undone' });
    const { safetyCopy } = await core.call('backups.restore', { fileName: backup.fileName });
    expect((await core.call('openings.list', undefined)).map((opening) => opening.companyName)).toEqual(['Before']);
    expect(safetyCopy.reason).toBe('pre-restore');
    expect(count(join(backupDirFor(core.vault.path), safetyCopy.fileName), 'SELECT COUNT(*) AS n FROM openings')).toBe(2);
    // The vault still works normally afterwards.
    await core.call('openings.create', { companyName: 'Later', role: 'New' });
    expect(core.vault.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses a damaged backup and changes nothing', async () => {
    core = coreHarness('2026-04-01T09:00:00.000Z');
    await core.call('openings.create', { companyName: 'Acme', role: 'Analyst' });
    const backup = await core.call('backups.create', undefined);
    writeFileSync(join(backupDirFor(core.vault.path), backup.fileName), 'not a database at all, just words'.repeat(200));
    const before = core.fingerprint();
    const error = await core.fail('backups.restore', { fileName: backup.fileName });
    expect(error.message).toMatch(/did not pass its check/);
    expect(core.fingerprint()).toBe(before);
  });
});

describe('before migrations', () => {
  function vaultAt(path: string, migrations: readonly Migration[]) {
    const db = new Database(path);
    migrate(db, migrations);
    db.prepare('INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('c1', 'Acme', 'acme', 'x', 'x');
    db.close();
  }

  it('copies an existing vault before changing its shape', () => {
    dir = tempDir();
    const path = dir.file('vault.sqlite');
    vaultAt(path, MIGRATIONS.slice(0, 1));
    openVault(path).close();
    const [backup] = readdirSync(backupDirFor(path));
    expect(backup).toMatch(/-pre-migration\.sqlite$/);
    expect(count(join(backupDirFor(path), backup!), 'SELECT COUNT(*) AS n FROM schema_migrations')).toBe(1);
    expect(count(join(backupDirFor(path), backup!), 'SELECT COUNT(*) AS n FROM companies')).toBe(1);
  });

  it('makes no copy of a brand-new vault or one already up to date', () => {
    dir = tempDir();
    const path = dir.file('vault.sqlite');
    openVault(path).close();
    openVault(path).close();
    expect(existsSync(backupDirFor(path))).toBe(false);
  });

  it('leaves the vault as it was after a failed migration, with the copy in place', () => {
    dir = tempDir();
    const path = dir.file('vault.sqlite');
    vaultAt(path, MIGRATIONS.slice(0, 2));
    const broken: Migration = { id: '0099_broken', up: (db) => db.exec('CREATE TABLE half (x INTEGER); NOT SQL AT ALL') };
    expect(() => openVault(path, { migrations: [...MIGRATIONS.slice(0, 2), broken] })).toThrow();
    expect(count(path, 'SELECT COUNT(*) AS n FROM schema_migrations')).toBe(2);
    expect(count(path, "SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'half'")).toBe(0);
    expect(readdirSync(backupDirFor(path)).filter((name) => name.endsWith('-pre-migration.sqlite'))).toHaveLength(1);
  });
});

describe('a vault too damaged to open', () => {
  it('is set aside and replaced by the newest good backup', async () => {
    core = coreHarness('2026-04-01T09:00:00.000Z');
    await core.call('openings.create', { companyName: 'Saved', role: 'Analyst' });
    await core.call('backups.create', undefined);
    const path = core.vault.path;
    core.vault.close();
    writeFileSync(path, 'garbage'.repeat(1000));
    expect(() => openVault(path)).toThrow(/damaged/);
    const used = restoreNewestBackupFile(path, new Date('2026-04-02T00:00:00Z'));
    expect(used?.reason).toBe('manual');
    expect(existsSync(`${path}.damaged-20260402T000000000Z`)).toBe(true);
    const reopened = openVault(path);
    expect(reopened.db.prepare('SELECT COUNT(*) AS n FROM openings').get()).toEqual({ n: 1 });
    reopened.close();
  });

  it('says so when there is no good backup', () => {
    dir = tempDir();
    expect(restoreNewestBackupFile(dir.file('vault.sqlite'), new Date())).toBeNull();
  });
});

describe('daily backups', () => {
  it('make one when the newest is a day old, checking hourly', async () => {
    core = coreHarness('2026-04-01T09:00:00.000Z');
    const { startDailyBackups } = await import('../../electron/core/backup/daily');
    const backups = createBackups(core.vault.path, core.vault.db);
    let tick: (() => void) | undefined;
    const stop = startDailyBackups({ backups, now: core.clock.now, setInterval: (fn) => (tick = fn), clearInterval: () => undefined, onError: (error) => { throw error; } });
    await vi.waitFor(() => expect(backups.list()).toHaveLength(1));
    core.clock.advance(23 * 3_600_000);
    tick!();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(backups.list()).toHaveLength(1);
    core.clock.advance(3_600_000);
    tick!();
    await vi.waitFor(() => expect(backups.list()).toHaveLength(2));
    expect(backups.list()[0]!.reason).toBe('daily');
    stop();
  });
});
