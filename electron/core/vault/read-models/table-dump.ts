import type { Db } from '../db';
import { TABLES } from '../tables';
import type { AnyTable } from '../tables/table';

/** Tables that are not the user's data: the search index (rebuilt from the rest) and migration bookkeeping. */
export const DERIVED = /^(sqlite_|search_|schema_migrations$)/;

export interface DumpTable {
  name: string;
  count: number;
  /** Up to `limit` rows after `afterRowid`, each with the table's own columns; WITHOUT ROWID tables come in one page. */
  page(afterRowid: number, limit: number): { lastRowid: number; rows: Record<string, unknown>[]; done: boolean };
}

const DECLARED = new Map<string, AnyTable>(TABLES.map((table) => [table.name, table]));
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The columns the dump writes of a table: those its declaration exports, in
 * the schema's order (the order every earlier export wrote them in). A table
 * no declaration knows is written whole rather than lost; the declarations
 * test fails for it.
 */
export function dumpedColumns(db: Db, name: string): string[] | '*' {
  const table = DECLARED.get(name);
  if (!table) return '*';
  const exported = new Set(table.exportedKeys().map((key) => table.sql(key)));
  const stored = db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?) ORDER BY cid').all(name);
  return stored.map((column) => column.name).filter((column) => exported.has(column));
}

/** Every table the user owns, in name order, read by rowid pages so no read holds the vault for long. */
export function dumpTables(db: Db): DumpTable[] {
  const names = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => row.name)
    .filter((name) => !DERIVED.test(name));
  return names.map((name) => {
    const quoted = quote(name);
    const dumped = dumpedColumns(db, name);
    const columns = dumped === '*' ? '*' : dumped.map(quote).join(', ');
    const count = (db.prepare(`SELECT COUNT(*) AS n FROM ${quoted}`).get() as { n: number }).n;
    const withoutRowid = (db.prepare<[string], { wr: number }>("SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?").get(name)?.wr ?? 0) === 1;
    if (withoutRowid) {
      const all = db.prepare(`SELECT ${columns} FROM ${quoted}`);
      return { name, count, page: () => ({ lastRowid: 0, rows: all.all() as Record<string, unknown>[], done: true }) };
    }
    // Selecting rowid beside the columns under an alias that no table uses keeps the row's own columns as they are.
    const page = db.prepare<[number, number], Record<string, unknown> & { __rowid: number }>(`SELECT rowid AS __rowid, ${columns} FROM ${quoted} WHERE rowid > ? ORDER BY rowid LIMIT ?`);
    return {
      name,
      count,
      page(afterRowid, limit) {
        const rows = page.all(afterRowid, limit);
        const last = rows.length ? rows[rows.length - 1]!.__rowid : afterRowid;
        return {
          lastRowid: last,
          done: rows.length < limit,
          rows: rows.map(({ __rowid, ...row }) => {
            void __rowid;
            return row;
          }),
        };
      },
    };
  });
}
