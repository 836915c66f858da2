import type { Db } from '../db';
import { DERIVED } from '../read-models/table-dump';

/**
 * A vault's tables as SQLite describes them, for an import that works on
 * every table alike (the export's dump holds them all): their names, their
 * columns and keys, and which tables point at which.
 */

/** A table or column name as an SQL identifier. */
export const quotedName = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The user's tables of a vault, in name order. */
export function userTables(db: Db): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => row.name)
    .filter((name) => !DERIVED.test(name));
}

/** A table's column names, in their order. */
export function columnNames(db: Db, table: string): string[] {
  return db
    .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?) ORDER BY cid')
    .all(table)
    .map((column) => column.name);
}

export interface TableShape {
  columns: string[];
  /** The primary key's columns, in key order. */
  key: string[];
}

export function shapeOf(db: Db, table: string): TableShape {
  const columns = db.prepare<[string], { name: string; pk: number }>('SELECT name, pk FROM pragma_table_info(?) ORDER BY cid').all(table);
  return { columns: columns.map((column) => column.name), key: columns.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk).map((column) => column.name) };
}

/** The table's foreign keys: the column (`from`) and the table it points at. */
export function foreignKeys(db: Db, table: string): { table: string; from: string }[] {
  return db.prepare<[string], { table: string; from: string }>('SELECT "table", "from" FROM pragma_foreign_key_list(?)').all(table);
}

/** Whether no user table holds a row (a vault just created, or emptied). */
export function holdsNoRows(db: Db): boolean {
  return userTables(db).every((table) => db.prepare(`SELECT 1 FROM ${quotedName(table)} LIMIT 1`).get() === undefined);
}
