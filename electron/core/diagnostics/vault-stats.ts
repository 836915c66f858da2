import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { dumpTables } from '../vault/read-models/table-dump';
import type { Vault } from '../vault/connection';

/** How big the vault is and how many rows each table holds: numbers only, never what the rows say. */
export interface VaultStats {
  schemaVersion: number;
  databaseBytes: number;
  /** The write-ahead log beside the database (vault.afterview.sqlite-wal). */
  journalBytes: number;
  attachments: { files: number; bytes: number };
  /** Row counts of the user's tables (trashed rows included), by table name. */
  rows: Record<string, number>;
}

function sizeOf(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

function folderSize(dir: string): { files: number; bytes: number } {
  if (!existsSync(dir)) return { files: 0, bytes: 0 };
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

export function vaultStats(vault: Pick<Vault, 'db' | 'path' | 'attachmentsDir' | 'schemaVersion'>): VaultStats {
  const rows: Record<string, number> = {};
  for (const table of dumpTables(vault.db)) rows[table.name] = table.count;
  return {
    schemaVersion: vault.schemaVersion,
    databaseBytes: sizeOf(vault.path),
    journalBytes: sizeOf(`${vault.path}-wal`),
    attachments: folderSize(vault.attachmentsDir),
    rows,
  };
}
