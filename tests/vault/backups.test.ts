import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readBackupManifest } from '#core/backup/backup-file';
import { backupDirFor, createBackups, uploadedBackupPath } from '#core/backup/backups';
import { restoreNewestBackupFile } from '#core/backup/restore-at-start';
import { openVault } from '#core/vault/connection';
import { migrate } from '#core/vault/migrator';
import { MIGRATIONS, type Migration } from '#core/vault/migrations';
import { filesDigest, photo, vaultWithPhotos } from '#support/backup-fixtures';
import { coreHarness, type CoreHarness } from '#support/core-harness';
import { tempDir, type TempDir } from '#support/temp-vault';

let core: CoreHarness | undefined;
let dir: TempDir | undefined;
afterEach(() => {
  core?.cleanup();
  dir?.remove();
  core = undefined;
  dir = undefined;
});

const backupsDir = (c: CoreHarness) => backupDirFor(c.vault.path);
const backupFiles = (c: CoreHarness) => readdirSync(backupsDir(c)).sort();
/** Anything in the backups folder that is not a finished backup: temporary files, SQLite side files, unpacked folders. */
const strays = (c: CoreHarness) => backupFiles(c).filter((name) => !/^afterview-\d{8}T\d{9}Z-[a-z-]+\.(afterview-backup|sqlite)$/.test(name));
const backupsOf = (c: CoreHarness, reason: string) => c.call('backups.list', undefined).then(({ backups }) => backups.filter((backup) => backup.reason === reason));
/** Each test makes several whole backups and restores: seconds on a loaded machine, not the default five. */
const SLOW = { timeout: 30_000 };
const backupsModule = (c: CoreHarness) => createBackups({ vaultPath: c.vault.path, db: c.vault.db, attachmentsDir: c.vault.attachmentsDir, appVersion: 'test' });

describe('a backup', SLOW, () => {
  it('is one checked file holding the database and every photo, listed with what it holds', async () => {
    core = coreHarness('2026-04-01T09:30:00.000Z');
    const { cards } = await vaultWithPhotos(core);
    const backup = await core.call('backups.create', undefined);

    expect(backup).toMatchObject({
      fileName: 'afterview-20260401T093000000Z-manual.afterview-backup',
      reason: 'manual',
      createdAt: '2026-04-01T09:30:00.000Z',
      contents: { appVersion: '0.0.0-test', includesPhotos: true, counts: { openings: 2, interviews: 1, contacts: 4, notes: 1, letters: 1, photos: 3 } },
    });
    expect((await core.call('backups.list', undefined)).backups).toEqual([backup]);
    // One file, nothing beside it: no .part, no -wal or -shm.
    expect(backupFiles(core)).toEqual([backup.fileName]);

    const manifest = readBackupManifest(join(backupsDir(core), backup.fileName), null);
    const photos = filesDigest(core.vault.attachmentsDir);
    expect(manifest.parts.map((part) => part.name).sort()).toEqual(['vault.sqlite', ...Object.keys(photos).map((name) => `attachments/${name}`)].sort());
    for (const card of cards) {
      const name = Object.keys(photos).find((file) => file.startsWith(card.id))!;
      expect(manifest.parts.find((part) => part.name === `attachments/${name}`)).toMatchObject({ size: card.size, sha256: photos[name] });
    }
    // The big photo is stored in several chunks, the database is compressed, and the file is still smaller than what it holds.
    expect(backup.size).toBeLessThan(manifest.parts.reduce((sum, part) => sum + part.size, 0));
  });

  it('comes back exactly: every row and every photo, and photos added since are gone', async () => {
    core = coreHarness('2026-04-01T09:00:00.000Z');
    const { cards, note } = await vaultWithPhotos(core);
    const rowsThen = core.fingerprint();
    const photosThen = filesDigest(core.vault.attachmentsDir);
    const backup = await core.call('backups.create', undefined);

    core.clock.advance(60_000);
    await core.call('cards.delete', { id: cards[0]!.id });
    const later = await core.call('contacts.create', { name: 'Later Contact' });
    await core.call('cards.add', { contactId: later.id, fileName: 'later.png', mimeType: 'image/png', dataBase64: photo(5_000) });
    await core.call('notes.save', { id: note.id, title: 'Rewritten', doc: { type: 'doc', content: [] } });
    await core.call('openings.create', { companyName: 'After', role: 'Undone' });
    const rowsAfter = core.fingerprint();
    const photosAfter = filesDigest(core.vault.attachmentsDir);

    const { restored, safetyCopy } = await core.call('backups.restore', { fileName: backup.fileName });
    expect(restored.fileName).toBe(backup.fileName);
    expect(core.fingerprint()).toBe(rowsThen);
    expect(filesDigest(core.vault.attachmentsDir)).toEqual(photosThen);
    const bigPhoto = await core.call('cards.read', { id: cards[0]!.id });
    expect(Buffer.from(bigPhoto.dataBase64, 'base64').length).toBe(cards[0]!.size);

    // The vault as it was just before is the safety copy, photos included: restoring it undoes the restore.
    expect(safetyCopy).toMatchObject({ reason: 'pre-restore', contents: { counts: { openings: 3, photos: 3 } } });
    core.clock.advance(60_000);
    await core.call('backups.restore', { fileName: safetyCopy.fileName });
    expect(core.fingerprint()).toBe(rowsAfter);
    expect(filesDigest(core.vault.attachmentsDir)).toEqual(photosAfter);
    expect(core.vault.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(strays(core)).toEqual([]);
    // The vault keeps working.
    await core.call('openings.create', { companyName: 'Later', role: 'New' });
  });

  it('brings back the settings it holds: every screen shows the restored ones, not those cached before', async () => {
    core = coreHarness('2026-04-01T09:00:00.000Z');
    const settings = await core.call('settings.get', undefined);
    await core.call('settings.save', { ...settings, profile: { name: 'Ana Ruiz', address: 'Berlin' } });
    const backup = await core.call('backups.create', undefined);
    await core.call('settings.save', { ...settings, profile: { name: 'Somebody Else', address: '' } });
    await core.call('backups.restore', { fileName: backup.fileName });
    expect((await core.call('settings.get', undefined)).profile).toEqual({ name: 'Ana Ruiz', address: 'Berlin' });
  });

  it('refuses to restore a backup damaged in the folder, and changes nothing', async () => {
    core = coreHarness('2026-04-01T09:00:00.000Z');
    await vaultWithPhotos(core);
    const backup = await core.call('backups.create', undefined);
    const path = join(backupsDir(core), backup.fileName);
    const damaged = new Database(path);
    damaged.prepare("UPDATE backup_chunks SET bytes = zeroblob(length(bytes)) WHERE part LIKE 'attachments/%' AND seq = 1").run();
    damaged.close();
    const rows = core.fingerprint();
    const photos = filesDigest(core.vault.attachmentsDir);

    const error = await core.fail('backups.restore', { fileName: backup.fileName });
    expect(error.message).toMatch(/^This backup is damaged \(attachments\/.* does not match its checksum\), so it cannot be restored\. Your vault was not changed\.$/);
    expect(core.fingerprint()).toBe(rows);
    expect(filesDigest(core.vault.attachmentsDir)).toEqual(photos);
    expect(backupFiles(core)).toEqual([backup.fileName]);
  });

  it('lists an older plain .sqlite backup already on disk and restores it, leaving the photos alone', async () => {
    core = coreHarness('2026-04-01T09:00:00.000Z');
    await core.call('openings.create', { companyName: 'Old Times', role: 'Analyst' });
    // How backups were made before: the online backup API to a bare .sqlite file (in WAL mode, like the vault).
    const legacy = 'afterview-20260320T080000000Z-daily.sqlite';
    mkdirSync(backupsDir(core));
    await core.vault.db.backup(join(backupsDir(core), legacy));
    await vaultWithPhotos(core);
    const photos = filesDigest(core.vault.attachmentsDir);

    const [listed] = (await core.call('backups.list', undefined)).backups;
    expect(listed).toMatchObject({ fileName: legacy, reason: 'daily', createdAt: '2026-03-20T08:00:00.000Z', contents: { appVersion: null, includesPhotos: false, counts: { openings: 1, photos: 0 } } });
    // Reading it left nothing beside it.
    expect(backupFiles(core)).toEqual([legacy]);

    await core.call('backups.restore', { fileName: legacy });
    expect((await core.call('openings.list', undefined)).map((opening) => opening.companyName)).toEqual(['Old Times']);
    expect(filesDigest(core.vault.attachmentsDir)).toEqual(photos);
    expect(strays(core)).toEqual([]);
    expect(backupFiles(core)).toContain(legacy);
  });
});

describe('retention by kind', SLOW, () => {
  it('keeps the daily and pre-update backups when "Back up now" is clicked many times', async () => {
    core = coreHarness('2026-04-01T09:00:00.000Z');
    const backups = backupsModule(core);
    await backups.create('daily', core.clock.now());
    core.clock.advance(60_000);
    await backups.create('pre-migration', core.clock.now());
    for (let click = 0; click < 12; click++) {
      core.clock.advance(60_000);
      await core.call('backups.create', undefined);
    }
    const reasons = (await core.call('backups.list', undefined)).backups.map((backup) => backup.reason);
    expect(reasons.filter((reason) => reason === 'manual')).toHaveLength(10);
    expect(reasons.filter((reason) => reason === 'daily')).toHaveLength(1);
    expect(reasons.filter((reason) => reason === 'pre-migration')).toHaveLength(1);
    // The newest ten made by hand are the ones kept.
    expect((await backupsOf(core, 'manual'))[9]!.createdAt).toBe('2026-04-01T09:04:00.000Z');
  });

  it('keeps the backup just made even when the clock was set back behind a full pool', async () => {
    core = coreHarness('2026-04-01T09:00:00.000Z');
    for (let click = 0; click < 10; click++) {
      core.clock.advance(60_000);
      await core.call('backups.create', undefined);
    }
    core.clock.set('2026-03-01T09:00:00.000Z');
    const made = await core.call('backups.create', undefined);
    expect((await backupsOf(core, 'manual')).map((backup) => backup.fileName)).toContain(made.fileName);
  });

  it('never deletes the backup being restored, even the oldest of a full pool', async () => {
    core = coreHarness('2026-04-01T09:00:00.000Z');
    await core.call('openings.create', { companyName: 'First', role: 'Kept' });
    for (let click = 0; click < 10; click++) {
      core.clock.advance(60_000);
      await core.call('backups.create', undefined);
      await core.call('openings.create', { companyName: `Company ${click}`, role: 'Later' });
    }
    const oldest = (await backupsOf(core, 'manual')).at(-1)!;
    core.clock.advance(60_000);
    await core.call('backups.restore', { fileName: oldest.fileName });
    expect((await core.call('openings.list', undefined)).map((opening) => opening.companyName)).toEqual(['First']);

    // Fill the pool of safety copies, then restore its oldest: the restore works and the file stays.
    for (let round = 0; round < 5; round++) {
      core.clock.advance(60_000);
      await core.call('backups.restore', { fileName: oldest.fileName });
    }
    const safetyCopies = await backupsOf(core, 'pre-restore');
    expect(safetyCopies).toHaveLength(5);
    const oldestCopy = safetyCopies.at(-1)!;
    core.clock.advance(60_000);
    await core.call('backups.restore', { fileName: oldestCopy.fileName });
    expect((await backupsOf(core, 'pre-restore')).map((backup) => backup.fileName)).toContain(oldestCopy.fileName);
    expect(await backupsOf(core, 'manual')).toHaveLength(10);
  });
});

describe('restoring a file the user picked', SLOW, () => {
  /** A good backup copied out of the vault's folder, as a user would keep one on a stick, and the vault then changed. */
  async function backupElsewhere(c: CoreHarness) {
    const { cards } = await vaultWithPhotos(c);
    const rows = c.fingerprint();
    const photos = filesDigest(c.vault.attachmentsDir);
    const backup = await c.call('backups.create', undefined);
    dir = tempDir('afterview-picked-');
    const path = dir.file('my backup.afterview-backup');
    copyFileSync(join(backupsDir(c), backup.fileName), path);
    rmSync(join(backupsDir(c), backup.fileName));
    c.clock.advance(60_000);
    await c.call('openings.create', { companyName: 'Since', role: 'Then' });
    await c.call('cards.delete', { id: cards[0]!.id });
    return { path, rows, photos };
  }

  it('through the desktop file dialog: checks it, says what it holds, then restores it with its photos', async () => {
    let picked: string | null = null;
    core = coreHarness('2026-04-01T09:00:00.000Z', { pickBackupFile: async () => picked });
    const { path, rows, photos } = await backupElsewhere(core);
    const original = readFileSync(path);
    const before = core.fingerprint();

    expect(await core.call('backups.pick', { source: 'dialog' })).toBeNull();
    picked = path;
    const candidate = await core.call('backups.pick', { source: 'dialog' });
    expect(candidate).toMatchObject({ fileName: 'my backup.afterview-backup', contents: { createdAt: '2026-04-01T09:00:00.000Z', includesPhotos: true, counts: { openings: 2, photos: 3 } } });
    // Picking changes nothing.
    expect(core.fingerprint()).toBe(before);

    const { safetyCopy } = await core.call('backups.restorePicked', { id: candidate!.id });
    expect(safetyCopy.reason).toBe('pre-restore');
    expect(core.fingerprint()).toBe(rows);
    expect(filesDigest(core.vault.attachmentsDir)).toEqual(photos);
    // The user's file is untouched, and nothing is left waiting.
    expect(readFileSync(path).equals(original)).toBe(true);
    expect(strays(core)).toEqual([]);
    expect((await core.fail('backups.restorePicked', { id: candidate!.id })).message).toMatch(/Pick it again/);
  });

  it('through the preview’s upload: the same check and restore', async () => {
    core = coreHarness('2026-04-01T09:00:00.000Z');
    const { path, rows } = await backupElsewhere(core);
    const uploadId = '3f1c2a9e-8a53-4c1e-9f51-1b6f0f0a4c11';
    copyFileSync(path, uploadedBackupPath(core.vault.path, uploadId));
    const candidate = await core.call('backups.pick', { uploadId });
    expect(candidate).toMatchObject({ id: uploadId, fileName: null, contents: { counts: { photos: 3 } } });
    await core.call('backups.restorePicked', { id: uploadId });
    expect(core.fingerprint()).toBe(rows);
    expect(strays(core)).toEqual([]);
    expect((await core.fail('backups.pick', { source: 'dialog' })).message).toMatch(/file field/);
    expect((await core.fail('backups.pick', { uploadId })).message).toMatch(/did not arrive/);
  });

  it('restores an older plain backup picked from anywhere', async () => {
    dir = tempDir('afterview-picked-');
    const path = dir.file('afterview-20260310T120000000Z-manual.sqlite');
    core = coreHarness('2026-04-01T09:00:00.000Z', { pickBackupFile: async () => path });
    await core.call('openings.create', { companyName: 'Plain Old', role: 'Analyst' });
    await core.vault.db.backup(path);
    await core.call('openings.create', { companyName: 'Newer', role: 'Analyst' });
    const candidate = await core.call('backups.pick', { source: 'dialog' });
    expect(candidate?.contents).toEqual({ createdAt: '2026-03-10T12:00:00.000Z', appVersion: null, includesPhotos: false, counts: expect.objectContaining({ openings: 1 }) });
    await core.call('backups.restorePicked', { id: candidate!.id });
    expect((await core.call('openings.list', undefined)).map((opening) => opening.companyName)).toEqual(['Plain Old']);
  });

  /** Ways a picked file can be wrong, each made from a good backup at `good` into `path`. */
  const BAD_FILES: [string, (good: string, path: string) => void, RegExp][] = [
    [
      'a photo altered inside the backup',
      (good, path) => {
        copyFileSync(good, path);
        const db = new Database(path);
        db.prepare("UPDATE backup_chunks SET bytes = randomblob(length(bytes)) WHERE part LIKE 'attachments/%' AND seq = 0").run();
        db.close();
      },
      /^This backup is damaged \(.*checksum\)/,
    ],
    [
      'bytes overwritten in the middle of the file',
      (good, path) => {
        const bytes = readFileSync(good);
        bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 20_000);
        writeFileSync(path, bytes);
      },
      /^This backup is damaged/,
    ],
    ['a file cut off half-way', (good, path) => writeFileSync(path, readFileSync(good).subarray(0, Math.floor(readFileSync(good).length / 2))), /^This backup is damaged/],
    ['an image', (_good, path) => writeFileSync(path, Buffer.from(photo(3_000), 'base64')), /^This file is not an Afterview backup/],
    ['a text file', (_good, path) => writeFileSync(path, 'Dear diary,\n'.repeat(1000)), /^This file is not an Afterview backup/],
    [
      'another program’s database',
      (_good, path) => {
        const db = new Database(path);
        db.exec("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('Blue in Green')");
        db.close();
      },
      /^This file is not an Afterview backup/,
    ],
    [
      'a backup from a newer Afterview (a migration this one does not know)',
      (good, path) => {
        copyFileSync(good, path);
        const db = new Database(path);
        const { json } = db.prepare('SELECT json FROM backup_manifest').get() as { json: string };
        const manifest = JSON.parse(json);
        manifest.migrations.push('9999_from_the_future');
        db.prepare('UPDATE backup_manifest SET json = ?').run(JSON.stringify(manifest));
        db.close();
      },
      /^This backup was made by a newer version of Afterview/,
    ],
    [
      'a backup in a newer file format',
      (good, path) => {
        copyFileSync(good, path);
        const db = new Database(path);
        db.pragma('user_version = 2');
        db.close();
      },
      /^This backup was made by a newer version of Afterview/,
    ],
    [
      'an older plain backup of a newer vault',
      (_good, path) => {
        const db = new Database(path);
        migrate(db, MIGRATIONS);
        db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)').run('9999_from_the_future', '2030-01-01T00:00:00.000Z');
        db.close();
      },
      /^This backup was made by a newer version of Afterview/,
    ],
  ];

  it.each(BAD_FILES)('refuses %s with a clear message and changes nothing', async (_name, make, message) => {
    dir = tempDir('afterview-picked-');
    const path = dir.file('picked.afterview-backup');
    core = coreHarness('2026-04-01T09:00:00.000Z', { pickBackupFile: async () => path });
    await vaultWithPhotos(core);
    const good = await core.call('backups.create', undefined);
    make(join(backupsDir(core), good.fileName), path);
    core.clock.advance(60_000);
    await core.call('openings.create', { companyName: 'Keep Me', role: 'Now' });
    const rows = core.fingerprint();
    const photos = filesDigest(core.vault.attachmentsDir);

    const error = await core.fail('backups.pick', { source: 'dialog' });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/Your vault was not changed\.$/);
    expect(core.fingerprint()).toBe(rows);
    expect(filesDigest(core.vault.attachmentsDir)).toEqual(photos);
    expect(backupFiles(core)).toEqual([good.fileName]);
  });

  it('refuses a file damaged after it was checked, when it is unpacked, and changes nothing', async () => {
    dir = tempDir('afterview-picked-');
    const path = dir.file('picked.afterview-backup');
    core = coreHarness('2026-04-01T09:00:00.000Z', { pickBackupFile: async () => path });
    await vaultWithPhotos(core);
    copyFileSync(join(backupsDir(core), (await core.call('backups.create', undefined)).fileName), path);
    const candidate = await core.call('backups.pick', { source: 'dialog' });
    // The waiting copy goes bad on disk before the user confirms.
    const waiting = join(backupsDir(core), readdirSync(backupsDir(core)).find((name) => name.startsWith('.picked-'))!);
    const db = new Database(waiting);
    db.prepare("UPDATE backup_chunks SET bytes = zeroblob(length(bytes)) WHERE part = 'vault.sqlite'").run();
    db.close();
    const rows = core.fingerprint();
    const error = await core.fail('backups.restorePicked', { id: candidate!.id });
    expect(error.message).toMatch(/^This backup is damaged/);
    expect(core.fingerprint()).toBe(rows);
    expect(await backupsOf(core, 'pre-restore')).toEqual([]);
    expect(strays(core)).toEqual([]);
  });
});

describe('before migrations', SLOW, () => {
  function vaultAt(path: string, migrations: readonly Migration[]) {
    const db = new Database(path);
    migrate(db, migrations);
    db.prepare('INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('c1', 'Acme', 'acme', 'x', 'x');
    db.close();
  }

  it('backs up an existing vault, photos included, before changing its shape', () => {
    dir = tempDir();
    const path = dir.file('vault.sqlite');
    vaultAt(path, MIGRATIONS.slice(0, 1));
    // A photo already in the attachments folder is in the backup too.
    const attachments = dir.file('attachments');
    mkdirSync(attachments, { recursive: true });
    writeFileSync(join(attachments, '1b4e28ba-2fa1-11d2-883f-0016d3cca427.png'), Buffer.from(photo(100), 'base64'));
    openVault(path, { appVersion: '9.9.9' }).close();
    const [backup] = readdirSync(backupDirFor(path));
    expect(backup).toMatch(/-pre-migration\.afterview-backup$/);
    const manifest = readBackupManifest(join(backupDirFor(path), backup!), null);
    expect(manifest).toMatchObject({ reason: 'pre-migration', appVersion: '9.9.9', migrations: [MIGRATIONS[0]!.id] });
    expect(manifest.parts.map((part) => part.name)).toEqual(['vault.sqlite', 'attachments/1b4e28ba-2fa1-11d2-883f-0016d3cca427.png']);
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
    const check = new Database(path);
    expect((check.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(2);
    expect((check.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'half'").get() as { n: number }).n).toBe(0);
    check.close();
    expect(readdirSync(backupDirFor(path)).filter((name) => name.endsWith('-pre-migration.afterview-backup'))).toHaveLength(1);
  });
});

describe('a vault too damaged to open', SLOW, () => {
  it('is set aside and replaced by the newest good backup, with its photos', async () => {
    core = coreHarness('2026-04-01T09:00:00.000Z');
    await vaultWithPhotos(core);
    const photos = filesDigest(core.vault.attachmentsDir);
    await core.call('backups.create', undefined);
    const path = core.vault.path;
    core.vault.close();
    writeFileSync(path, 'garbage'.repeat(1000));
    rmSync(core.vault.attachmentsDir, { recursive: true });
    expect(() => openVault(path)).toThrow(/damaged/);
    const used = restoreNewestBackupFile(path, new Date('2026-04-02T00:00:00Z'));
    expect(used?.reason).toBe('manual');
    expect(existsSync(`${path}.damaged-20260402T000000000Z`)).toBe(true);
    const reopened = openVault(path);
    expect(reopened.db.prepare('SELECT COUNT(*) AS n FROM openings').get()).toEqual({ n: 2 });
    expect(filesDigest(reopened.attachmentsDir)).toEqual(photos);
    reopened.close();
    expect(readdirSync(backupDirFor(path)).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('skips a damaged newest backup for an older good one', async () => {
    core = coreHarness('2026-04-01T09:00:00.000Z');
    await core.call('openings.create', { companyName: 'Good', role: 'Analyst' });
    await core.call('backups.create', undefined);
    core.clock.advance(60_000);
    const newest = await core.call('backups.create', undefined);
    writeFileSync(join(backupsDir(core), newest.fileName), 'broken');
    const path = core.vault.path;
    core.vault.close();
    writeFileSync(path, 'garbage'.repeat(1000));
    expect(restoreNewestBackupFile(path, new Date('2026-04-02T00:00:00Z'))?.createdAt).toBe('2026-04-01T09:00:00.000Z');
  });

  it('says so when there is no good backup', () => {
    dir = tempDir();
    expect(restoreNewestBackupFile(dir.file('vault.sqlite'), new Date())).toBeNull();
  });
});

describe('at start', SLOW, () => {
  it('removes what an interrupted backup or restore left behind, and nothing else', async () => {
    core = coreHarness('2026-04-01T09:00:00.000Z');
    const backup = await core.call('backups.create', undefined);
    const folder = backupsDir(core);
    for (const name of ['.writing-1.part', '.writing-1.part-journal', '.snapshot-2.part-wal', '.snapshot-2.part-shm', '.picked-3.part']) writeFileSync(join(folder, name), 'half');
    mkdirSync(join(folder, '.unpacking-4.part', 'attachments'), { recursive: true });
    writeFileSync(join(folder, 'notes.txt'), 'mine');
    expect(backupsModule(core).removeLeftovers()).toBe(6);
    expect(backupFiles(core)).toEqual([backup.fileName, 'notes.txt']);
  });
});

describe('daily backups', SLOW, () => {
  it('make one when the newest daily one is a day old, checking hourly; backups by hand do not count', async () => {
    core = coreHarness('2026-04-01T09:00:00.000Z');
    const { startDailyBackups } = await import('#core/backup/daily');
    const backups = backupsModule(core);
    let tick: (() => void) | undefined;
    const stop = startDailyBackups({ backups, now: core.clock.now, setInterval: (fn) => (tick = fn), clearInterval: () => undefined, onError: (error) => { throw error; } });
    await vi.waitFor(() => expect(backups.list()).toHaveLength(1));
    core.clock.advance(23 * 3_600_000);
    await core.call('backups.create', undefined);
    tick!();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(backups.list().filter((backup) => backup.reason === 'daily')).toHaveLength(1);
    core.clock.advance(3_600_000);
    tick!();
    await vi.waitFor(() => expect(backups.list().filter((backup) => backup.reason === 'daily')).toHaveLength(2));
    stop();
  });
});
