import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TABLES } from '#core/vault/tables';
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
});
