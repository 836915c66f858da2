import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpedColumns } from '#core/vault/read-models/table-dump';
import { FRONT_MATTER, TABLES } from '#core/vault/tables';
import { frontMatterEntries } from '#core/vault/tables/formats';
import { tempVault } from '#support/temp-vault';

/**
 * The declarations in vault/tables are what the repositories, the pipeline and
 * the exports read and write by: each must say exactly what the migrated
 * schema holds, or a query derived from it would miss a column or name one
 * that is not there.
 */
describe('table declarations', () => {
  let vault: ReturnType<typeof tempVault>;
  beforeEach(() => {
    vault = tempVault();
  });
  afterEach(() => vault.cleanup());

  it('declares every table of the user’s data', () => {
    const declared = TABLES.map((table) => table.name).sort();
    const stored = vault.db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%' AND name <> 'schema_migrations'")
      .all()
      .map((row) => row.name)
      .sort();
    expect(declared).toEqual(stored);
  });

  it.each(TABLES.map((table) => [table.name, table] as const))('%s: each column as the schema stores it (name, nullability, key)', (_name, table) => {
    const stored = vault.db.prepare<[string], { name: string; notnull: number; pk: number }>('SELECT name, "notnull", pk FROM pragma_table_info(?) ORDER BY cid').all(table.name);
    const declared = Object.keys(table.columns).map((key) => {
      const column = table.columns[key]!;
      return { name: table.sql(key), nullable: column.allowsNull, key: column.primaryKey };
    });
    const schema = stored.map((column) => ({ name: column.name, nullable: column.notnull === 0 && column.pk === 0, key: column.pk > 0 }));
    const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1);
    expect(declared.sort(byName)).toEqual(schema.sort(byName));
  });

  it.each(TABLES.map((table) => [table.name, table] as const))('%s: each declared default is the schema’s', (_name, table) => {
    const stored = vault.db.prepare<[string], { name: string; dflt_value: string | null }>('SELECT name, dflt_value FROM pragma_table_info(?)').all(table.name);
    const schema = Object.fromEntries(stored.map((column) => [column.name, column.dflt_value]));
    const declared = Object.fromEntries(
      Object.keys(table.columns).map((key) => {
        const value = table.columns[key]!.defaultValue;
        // How SQLite writes a DEFAULT back: numbers bare, text quoted; a nullable column's NULL is no DEFAULT at all.
        return [table.sql(key), value === undefined || value === null ? null : typeof value === 'number' ? String(value) : `'${value}'`];
      }),
    );
    expect(declared).toEqual(schema);
  });

  it.each(TABLES.map((table) => [table.name, table] as const))('%s: the JSON dump writes every exported column', (_name, table) => {
    const exported = table.exportedKeys().map((key) => table.sql(key));
    expect(dumpedColumns(vault.db, table.name)).toEqual(expect.arrayContaining(exported));
    expect(dumpedColumns(vault.db, table.name)).toHaveLength(exported.length);
  });

  it.each(FRONT_MATTER.map(([table, format]) => [table.name, table, format] as const))('%s: the Markdown front matter places every column, and lists only exported ones', (_name, table, format) => {
    const placed = Object.keys(format);
    for (const key of Object.keys(table.columns)) expect(placed, `${table.name}.${key} is neither listed nor left out`).toContain(key);
    expect(() => frontMatterEntries(table, format)).not.toThrow();
  });
});

/**
 * The code that reads and writes the tables names no column by hand: its
 * select lists, inserts and updates come from the declarations (tables/sql.ts),
 * so a field added to a table needs no change there. Three tell-tale signs of
 * a hand-written list are caught: a column renamed to its key ("o.job_url AS
 * jobUrl"), an INSERT with its own column list, and SELECT *.
 */
describe('code derived from the declarations', () => {
  const VAULT = join(__dirname, '../../electron/core/vault');
  const files = [
    ...readdirSync(join(VAULT, 'repositories')).map((name) => join(VAULT, 'repositories', name)),
    join(VAULT, 'read-models/export-rows.ts'),
    join(VAULT, 'read-models/table-dump.ts'),
  ];
  /** "sql_name AS key" of every declared column whose SQL name is not its key. */
  const renamed = new Set(TABLES.flatMap((table) => Object.keys(table.columns).filter((key) => table.sql(key) !== key).map((key) => `${table.sql(key)} AS ${key}`)));
  const declaredNames = new Set(TABLES.map((table) => table.name));

  /** The hand-written lists in one file's text. */
  function handLists(text: string): string[] {
    const found: string[] = [];
    for (const match of text.matchAll(/\b\w+\.(\w+) AS (\w+)\b/g)) if (renamed.has(`${match[1]} AS ${match[2]}`)) found.push(match[0]);
    for (const match of text.matchAll(/INSERT (?:OR \w+ )?INTO "?(\w+)"? \([^)]*\)\s*VALUES/g)) if (declaredNames.has(match[1]!)) found.push(match[0]);
    for (const match of text.matchAll(/SELECT \*/g)) found.push(match[0]);
    return found;
  }

  it.each(files.map((file) => [file.slice(VAULT.length + 1), file] as const))('%s lists no column by hand', (_name, file) => {
    expect(handLists(readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('catches each kind of hand-written list', () => {
    expect(handLists("SELECT o.id, o.job_url AS jobUrl FROM openings o")).toEqual(['o.job_url AS jobUrl']);
    expect(handLists('INSERT INTO notes (id, title) VALUES (@id, @title)')).toEqual(['INSERT INTO notes (id, title) VALUES']);
    expect(handLists('SELECT * FROM reminders')).toEqual(['SELECT *']);
    expect(handLists("SELECT c.name AS companyName, o.id FROM openings o")).toEqual([]);
  });
});
