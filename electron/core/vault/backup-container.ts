import type Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, openSync, readSync } from 'node:fs';
import { isPlainSqliteHeader, keyForFile, openSqlite, type VaultKey } from './cipher';
import { VaultFileError } from './vault-file';

/**
 * The backup file as SQLite holds it: a database of two tables, the parts cut
 * into chunks and one manifest (JSON), marked as ours in its header. What the
 * parts and the manifest mean is the backup's (backup/backup-file.ts). When
 * the vault is encrypted its backups are encrypted the same way, with the
 * vault's key.
 */

/** "Afvb" in the SQLite header's application_id: tells a backup from any other SQLite file without opening it. */
export const BACKUP_APPLICATION_ID = 0x41667662;
/** Bumped when the layout changes; a file with a higher one was made by a newer Afterview. */
export const BACKUP_FORMAT_VERSION = 1;

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

/** A backup file being written: chunks in one transaction, the manifest last. */
export interface BackupContainerWriter {
  addChunk(part: string, seq: number, bytes: Buffer): void;
  /** Writes the manifest and commits: the file is whole. */
  finish(manifestJson: string): void;
  close(): void;
}

/** A new, empty backup file at `target` (which the caller removes if anything fails). With a key, the whole file is encrypted with it. */
export function createBackupContainer(target: string, key: VaultKey | null): BackupContainerWriter {
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
    const insertChunk = db.prepare<[string, number, Buffer]>('INSERT INTO backup_chunks (part, seq, bytes) VALUES (?, ?, ?)');
    const insertManifest = db.prepare<[string]>('INSERT INTO backup_manifest (id, json) VALUES (1, ?)');
    db.exec('BEGIN');
    return {
      addChunk: (part, seq, bytes) => {
        insertChunk.run(part, seq, bytes);
      },
      finish: (manifestJson) => {
        insertManifest.run(manifestJson);
        db.exec('COMMIT');
      },
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A backup file opened to be read. */
export interface BackupContainerReader {
  /** The manifest's JSON text, or undefined when there is none. Throws a VaultFileError: 'newer' for a layout this Afterview does not know, else 'damaged'. */
  manifestJson(): string | undefined;
  /** A part's chunks in their order, as stored. */
  chunks(part: string): IterableIterator<{ seq: number; bytes: Buffer }>;
  close(): void;
}

/** Opens a backup file read-only; a file SQLite cannot open is 'damaged'. */
export function openBackupContainer(path: string, key: VaultKey | null): BackupContainerReader {
  let db: Database.Database;
  try {
    // No journal was ever kept, so a read-only connection leaves nothing beside the file.
    db = openSqlite(path, { key: keyForFile(path, key), readonly: true, fileMustExist: true });
  } catch (error) {
    throw new VaultFileError('damaged', (error as Error).message);
  }
  let chunks: Database.Statement<[string], { seq: number; bytes: Buffer }> | undefined;
  return {
    manifestJson() {
      try {
        if ((db.pragma('user_version', { simple: true }) as number) > BACKUP_FORMAT_VERSION) throw new VaultFileError('newer', 'made by a newer Afterview');
        return (db.prepare('SELECT json FROM backup_manifest WHERE id = 1').get() as { json: string } | undefined)?.json;
      } catch (error) {
        if (error instanceof VaultFileError) throw error;
        throw new VaultFileError('damaged', (error as Error).message);
      }
    },
    chunks(part) {
      chunks ??= db.prepare<[string], { seq: number; bytes: Buffer }>('SELECT seq, bytes FROM backup_chunks WHERE part = ? ORDER BY seq');
      return chunks.iterate(part);
    },
    close: () => db.close(),
  };
}
