import type Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { BACKUP_REASONS, backupCountsSchema } from '#shared/domain/backup';
import { isPlainSqliteHeader, keyForFile, openSqlite, type VaultKey } from '../vault/cipher';
import { VaultFileError } from '../vault/vault-file';
import type { Steps } from './steps';

/**
 * The backup file: one SQLite database holding the vault's snapshot and every
 * attachment as parts, cut into chunks, and a manifest that lists each part
 * with its size and SHA-256. Why SQLite and not a zip: a part of any size is
 * written and read a chunk at a time (memory stays flat with many photos),
 * the manifest is read without touching the parts (the list stays quick),
 * and when the vault is encrypted (SQLite3 Multiple Ciphers) its backups are
 * encrypted the same way, photos included, with no second format to secure.
 */

/** "Afvb" in the SQLite header's application_id: tells a backup from any other SQLite file without opening it. */
export const BACKUP_APPLICATION_ID = 0x41667662;
/** Bumped when the layout changes; a file with a higher one was made by a newer Afterview. */
export const BACKUP_FORMAT_VERSION = 1;
const CHUNK_BYTES = 1024 * 1024;
export const DATABASE_PART = 'vault.sqlite';
const ATTACHMENT_PREFIX = 'attachments/';
/** The names Afterview gives attachments (an id and an extension); anything else in a manifest is refused. */
const ATTACHMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

const partSchema = z.object({
  name: z.string().refine((name) => name === DATABASE_PART || (name.startsWith(ATTACHMENT_PREFIX) && ATTACHMENT_NAME.test(name.slice(ATTACHMENT_PREFIX.length)))),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  encoding: z.enum(['deflate', 'stored']),
});
export type BackupPart = z.infer<typeof partSchema>;

const manifestSchema = z
  .object({
    format: z.literal('afterview-backup'),
    formatVersion: z.number().int(),
    createdAt: z.iso.datetime(),
    reason: z.enum(BACKUP_REASONS),
    /** Null when the backup was made as the vault opened, before the app said which version it is. */
    appVersion: z.string().max(100).nullable(),
    /** The vault's applied migrations, so a backup from a newer schema is refused before it is unpacked. */
    migrations: z.array(z.string().max(200)),
    counts: backupCountsSchema,
    parts: z.array(partSchema),
  })
  .refine((manifest) => manifest.parts.filter((part) => part.name === DATABASE_PART).length === 1, { error: 'no single database part' })
  .refine((manifest) => new Set(manifest.parts.map((part) => part.name)).size === manifest.parts.length, { error: 'a part is listed twice' });
export type BackupManifest = z.infer<typeof manifestSchema>;

export type BackupFacts = Omit<BackupManifest, 'format' | 'formatVersion' | 'parts'>;

/**
 * What a file is, from its first 100 bytes: one of our backups, another
 * SQLite file (perhaps an older plain backup), or neither. An encrypted file
 * has no readable header: with the vault's key it is opened to find out, and
 * a file this key does not open is 'other'.
 */
export function fileKind(path: string, key: VaultKey | null): 'backup' | 'sqlite' | 'other' {
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100) return 'other';
  if (isPlainSqliteHeader(header)) return header.readUInt32BE(68) === BACKUP_APPLICATION_ID ? 'backup' : 'sqlite';
  if (!key) return 'other';
  try {
    const db = openSqlite(path, { key, readonly: true, fileMustExist: true });
    try {
      return (db.pragma('application_id', { simple: true }) as number) === BACKUP_APPLICATION_ID ? 'backup' : 'sqlite';
    } finally {
      db.close();
    }
  } catch {
    return 'other';
  }
}

/** A file to pack: where it is now and its name in the backup. */
export interface PartSource {
  name: string;
  path: string;
  encoding: BackupPart['encoding'];
}

/**
 * Writes a backup file at `target` (a temporary name: the caller checks it,
 * then gives it its name). Database pages compress well and are deflated;
 * photos are already compressed and are stored as they are. An attachment
 * that disappears while packing (deleted meanwhile) is left out. With a key
 * (an encrypted vault) the whole file is encrypted with it.
 */
export function* writeBackupFile(target: string, sources: PartSource[], facts: BackupFacts, key: VaultKey | null): Steps<BackupManifest> {
  const db = openSqlite(target, { key });
  try {
    // Large pages suit large blobs (SQLCipher's pages keep their 4 KB); no journal, because a file that fails half-way is thrown away whole.
    if (!key) db.pragma('page_size = 16384');
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma(`application_id = ${BACKUP_APPLICATION_ID}`);
    db.pragma(`user_version = ${BACKUP_FORMAT_VERSION}`);
    db.exec(`
      CREATE TABLE backup_manifest (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);
      CREATE TABLE backup_chunks (part TEXT NOT NULL, seq INTEGER NOT NULL, bytes BLOB NOT NULL, PRIMARY KEY (part, seq));
    `);
    const insertChunk = db.prepare('INSERT INTO backup_chunks (part, seq, bytes) VALUES (?, ?, ?)');
    const parts: BackupPart[] = [];
    const buffer = Buffer.alloc(CHUNK_BYTES);
    db.exec('BEGIN');
    for (const source of sources) {
      let fd: number;
      try {
        fd = openSync(source.path, 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' && source.name !== DATABASE_PART) continue;
        throw error;
      }
      try {
        const hash = createHash('sha256');
        let size = 0;
        for (let seq = 0; ; seq++) {
          const read = readSync(fd, buffer, 0, CHUNK_BYTES, null);
          if (read === 0 && seq > 0) break;
          const bytes = buffer.subarray(0, read);
          hash.update(bytes);
          size += read;
          insertChunk.run(source.name, seq, source.encoding === 'deflate' ? deflateRawSync(bytes) : Buffer.from(bytes));
          yield;
          if (read < CHUNK_BYTES) break;
        }
        parts.push({ name: source.name, size, sha256: hash.digest('hex'), encoding: source.encoding });
      } finally {
        closeSync(fd);
      }
    }
    const manifest: BackupManifest = { format: 'afterview-backup', formatVersion: BACKUP_FORMAT_VERSION, ...facts, parts };
    db.prepare('INSERT INTO backup_manifest (id, json) VALUES (1, ?)').run(JSON.stringify(manifest));
    db.exec('COMMIT');
    return manifest;
  } finally {
    db.close();
  }
}

function openBackup(path: string, key: VaultKey | null): Database.Database {
  try {
    // No journal was ever kept, so a read-only connection leaves nothing beside the file.
    return openSqlite(path, { key: keyForFile(path, key), readonly: true, fileMustExist: true });
  } catch (error) {
    throw new VaultFileError('damaged', (error as Error).message);
  }
}

function manifestOf(db: Database.Database): BackupManifest {
  let raw: { json: string } | undefined;
  try {
    if ((db.pragma('user_version', { simple: true }) as number) > BACKUP_FORMAT_VERSION) throw new VaultFileError('newer', 'made by a newer Afterview');
    raw = db.prepare('SELECT json FROM backup_manifest WHERE id = 1').get() as { json: string } | undefined;
  } catch (error) {
    if (error instanceof VaultFileError) throw error;
    throw new VaultFileError('damaged', (error as Error).message);
  }
  if (!raw) throw new VaultFileError('damaged', 'its manifest is missing');
  let json: unknown;
  try {
    json = JSON.parse(raw.json);
  } catch {
    throw new VaultFileError('damaged', 'its manifest is not readable');
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new VaultFileError('damaged', `its manifest is not valid (${parsed.error.issues[0]?.message ?? 'unknown'})`);
  if (parsed.data.formatVersion > BACKUP_FORMAT_VERSION) throw new VaultFileError('newer', 'made by a newer Afterview');
  return parsed.data;
}

/** The manifest alone, without reading any part: what the list shows. */
export function readBackupManifest(path: string, key: VaultKey | null): BackupManifest {
  const db = openBackup(path, key);
  try {
    return manifestOf(db);
  } finally {
    db.close();
  }
}

/**
 * Reads every part back, chunk by chunk, checking its size and SHA-256
 * against the manifest; hands each chunk's bytes to `sink` (or nowhere, to
 * check only). Throws a 'damaged' VaultFileError at the first difference.
 */
function* readParts(path: string, key: VaultKey | null, sink: ((part: BackupPart, bytes: Buffer) => void) | null): Steps<BackupManifest> {
  const db = openBackup(path, key);
  try {
    const manifest = manifestOf(db);
    const chunks = db.prepare('SELECT seq, bytes FROM backup_chunks WHERE part = ? ORDER BY seq');
    for (const part of manifest.parts) {
      const hash = createHash('sha256');
      let size = 0;
      let expected = 0;
      try {
        for (const row of chunks.iterate(part.name) as IterableIterator<{ seq: number; bytes: Buffer }>) {
          if (row.seq !== expected++) throw new VaultFileError('damaged', `a piece of ${part.name} is missing`);
          const bytes = part.encoding === 'deflate' ? inflateRawSync(row.bytes) : row.bytes;
          hash.update(bytes);
          size += bytes.length;
          sink?.(part, bytes);
          yield;
        }
      } catch (error) {
        if (error instanceof VaultFileError) throw error;
        throw new VaultFileError('damaged', `${part.name} cannot be read (${(error as Error).message})`);
      }
      if (size !== part.size || hash.digest('hex') !== part.sha256) throw new VaultFileError('damaged', `${part.name} does not match its checksum`);
    }
    return manifest;
  } finally {
    db.close();
  }
}

/** Checks every part against its checksum: run on a new backup before it gets its name. */
export function verifyBackupFile(path: string, key: VaultKey | null): Steps<BackupManifest> {
  return readParts(path, key, null);
}

/** Where an unpacked backup's pieces are: the vault database and a folder of its attachments. */
export interface UnpackedBackup {
  manifest: BackupManifest;
  database: string;
  attachmentsDir: string;
  /** The attachment file names the backup holds. */
  attachments: string[];
}

/**
 * Unpacks a backup into `dir` (which must not exist yet), checking every part
 * on the way. Nothing outside `dir` is touched, so a damaged file changes
 * nothing; the caller checks the database and then moves the pieces in.
 */
export function* unpackBackupFile(path: string, dir: string, key: VaultKey | null): Steps<UnpackedBackup> {
  const attachmentsDir = join(dir, 'attachments');
  mkdirSync(attachmentsDir, { recursive: true });
  const open = new Map<string, number>();
  const targetOf = (name: string) => (name === DATABASE_PART ? join(dir, DATABASE_PART) : join(attachmentsDir, name.slice(ATTACHMENT_PREFIX.length)));
  try {
    const manifest = yield* readParts(path, key, (part, bytes) => {
      let fd = open.get(part.name);
      if (fd === undefined) {
        fd = openSync(targetOf(part.name), 'wx');
        open.set(part.name, fd);
      }
      writeSync(fd, bytes);
    });
    // An empty part has no chunk to open its file with.
    for (const part of manifest.parts) if (!open.has(part.name)) closeSync(openSync(targetOf(part.name), 'wx'));
    return {
      manifest,
      database: join(dir, DATABASE_PART),
      attachmentsDir,
      attachments: manifest.parts.filter((part) => part.name !== DATABASE_PART).map((part) => part.name.slice(ATTACHMENT_PREFIX.length)),
    };
  } finally {
    for (const fd of open.values()) closeSync(fd);
  }
}

export function attachmentPartName(fileName: string): string {
  return ATTACHMENT_PREFIX + fileName;
}

/** Whether a name in the attachments folder is one Afterview would pack (not a temporary file). */
export function isPackableAttachment(fileName: string): boolean {
  return ATTACHMENT_NAME.test(fileName);
}
