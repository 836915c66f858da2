import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, openSync, readSync } from 'node:fs';

/**
 * How an encrypted vault's database is keyed: SQLite3 Multiple Ciphers in
 * its SQLCipher 4 scheme (AES-256 in CBC per page, HMAC-SHA512 on each page,
 * every page's bytes unreadable without the key), with a raw 256-bit key, so
 * no second key derivation runs when a file opens: the key is already random,
 * or already derived from the passphrase (electron/core/keys/). Backups,
 * snapshots and the import's staging vault are keyed the same way. The files
 * open in SQLCipher 4 itself with `PRAGMA key = "x'<key in hex>'"`.
 *
 * A null key means a plain SQLite file, as before encryption existed.
 */
export type VaultKey = Buffer;

export const VAULT_KEY_BYTES = 32;

/** Options for better-sqlite3's constructor, and the key. */
export interface OpenSqliteOptions {
  key: VaultKey | null;
  readonly?: boolean;
  fileMustExist?: boolean;
}

/**
 * Keys a connection that has just opened, before its first read. Whether the
 * key is right is known only at that first read: SQLITE_NOTADB ("file is not
 * a database"), the same answer as for a file that is not SQLite at all.
 */
export function applyKey(db: Database.Database, key: VaultKey | null): void {
  if (!key) return;
  withRawKey(db, key, (raw) => db.key(raw));
}

/**
 * Selects SQLCipher 4 and hands the key to `use` as SQLite's raw-key form
 * (x'<hex>'), in a buffer zeroed at once, never as SQL text kept in a string.
 */
function withRawKey(db: Database.Database, key: VaultKey, use: (raw: Buffer) => void): void {
  if (key.length !== VAULT_KEY_BYTES) throw new Error('A vault key is 32 bytes.');
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  const raw = Buffer.from(`x'${key.toString('hex')}'`, 'latin1');
  try {
    use(raw);
  } finally {
    raw.fill(0);
  }
}

/** Opens a SQLite file with the vault's key (or none), closing it again if the key cannot be applied. */
export function openSqlite(path: string, options: OpenSqliteOptions): Database.Database {
  const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.fileMustExist ?? false });
  try {
    applyKey(db, options.key);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** Re-encrypts an open database in place with another key, or none (rollback-journal mode only; the caller makes sure). */
export function changeKey(db: Database.Database, key: VaultKey | null): void {
  if (key) withRawKey(db, key, (raw) => db.rekey(raw));
  else db.rekey(Buffer.alloc(0));
}

/** Whether a file begins as a plain SQLite database does: an encrypted one begins with random bytes. */
export function isPlainSqliteHeader(header: Buffer): boolean {
  return header.length >= 16 && header.toString('latin1', 0, 16) === 'SQLite format 3\0';
}

/** Whether the file at `path` is a plain SQLite file (an older backup, a vault from before encryption). */
export function isPlainSqliteFile(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const header = Buffer.alloc(16);
    return readSync(fd, header, 0, 16, 0) === 16 && isPlainSqliteHeader(header);
  } finally {
    closeSync(fd);
  }
}

/** The key to open an existing file with: none for a plain one (older backups stay readable in an encrypted vault). */
export function keyForFile(path: string, key: VaultKey | null): VaultKey | null {
  return key && !isPlainSqliteFile(path) ? key : null;
}
