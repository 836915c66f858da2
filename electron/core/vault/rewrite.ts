import type Database from 'better-sqlite3-multiple-ciphers';
import { rmSync } from 'node:fs';
import { keyForFile, openSqlite, type VaultKey } from './cipher';
import { syncFile } from './durable';
import { rekeyVaultFile } from './vault-file';

/**
 * A closed vault's database written again, beside it, under another key (or
 * none): what turning encryption on or off, or changing its key, does to the
 * database. The original is only read. The copy is made with VACUUM INTO
 * (a clean, compact copy under the original's key), re-encrypted in place
 * with SQLite3 Multiple Ciphers' rekey, then checked: integrity_check, and
 * every table holds as many rows as in the original. Nothing else keeps the
 * pages in between: the plain pages of a vault being encrypted never reach
 * the disk outside the file that was already plain.
 */
export class RewriteCheckFailed extends Error {
  override name = 'RewriteCheckFailed';
}

/** Every table's row count (the search index's tables included), by name. */
export function rowCounts(db: Database.Database): Map<string, number> {
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  return new Map(tables.map(({ name }) => [name, (db.prepare(`SELECT COUNT(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n]));
}

function sideFiles(path: string): string[] {
  return ['-journal', '-wal', '-shm'].map((suffix) => path + suffix);
}

/**
 * Writes `target` from the vault at `source` (which nothing else has open),
 * under `to`, checked and synced. Throws (leaving no target behind) when the
 * copy does not check out.
 */
export function rewriteVaultDatabase(source: string, target: string, from: VaultKey | null, to: VaultKey | null): void {
  rmSync(target, { force: true });
  const original = openSqlite(source, { key: keyForFile(source, from), fileMustExist: true });
  let expected: Map<string, number>;
  try {
    // What the write-ahead log holds goes into the file first, so the copy and the count see the same vault.
    original.pragma('wal_checkpoint(TRUNCATE)');
    expected = rowCounts(original);
    original.prepare('VACUUM INTO ?').run(target);
  } finally {
    original.close();
  }
  try {
    rekeyVaultFile(target, from, to);
    const check = openSqlite(target, { key: to, fileMustExist: true });
    try {
      const integrity = check.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw new RewriteCheckFailed(`the new copy failed its integrity check (${String(integrity)})`);
      const counts = rowCounts(check);
      for (const [table, count] of expected) {
        if (counts.get(table) !== count) throw new RewriteCheckFailed(`the new copy holds ${counts.get(table) ?? 0} rows of ${table}, not ${count}`);
      }
      if (counts.size !== expected.size) throw new RewriteCheckFailed('the new copy does not hold the same tables');
    } finally {
      check.close();
    }
    syncFile(target);
  } catch (error) {
    for (const path of [target, ...sideFiles(target)]) rmSync(path, { force: true });
    throw error;
  }
}
