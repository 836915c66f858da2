import type { AnyTable, ColumnKey, Row, Values } from './table';

/**
 * Statements and row mapping derived from a table's declaration, so a column
 * is named in one place: its select list entry, its insert and update
 * parameter, and how its value reads back all follow from the columns.
 */

/**
 * "o.id, o.company_id AS companyId, …": the row's columns (or `keys`), each
 * under its key; `overrides` gives a column's value as another expression
 * (a contact's e-mail as it is now, rather than as the letter recorded it).
 */
export function selectList<T extends AnyTable>(
  table: T,
  alias: string = table.alias,
  keys: readonly ColumnKey<T>[] = table.rowKeys(),
  overrides: Partial<Record<ColumnKey<T>, string>> = {},
): string {
  return keys
    .map((key) => {
      const override = overrides[key];
      if (override) return `${override} AS ${key}`;
      const sql = table.sql(key);
      return sql === key ? `${alias}.${sql}` : `${alias}.${sql} AS ${key}`;
    })
    .join(', ');
}

/** "o.id, o.company_id, …" without names: for raw rows read as arrays, in the order of `keys`. */
export function columnList<T extends AnyTable>(table: T, alias: string, keys: readonly ColumnKey<T>[]): string {
  return keys.map((key) => `${alias}.${table.sql(key)}`).join(', ');
}

/** What an insert writes besides the row's columns. */
export interface InsertOptions<T extends AnyTable> {
  /** The columns written from their own parameter (default: the row's). */
  keys?: readonly ColumnKey<T>[];
  /** Columns outside the row, or given by an expression rather than their own parameter (key → SQL expression). */
  values?: Partial<Record<ColumnKey<T>, string>>;
  /** A clause after VALUES ("ON CONFLICT (…) DO NOTHING"). */
  then?: string;
}

/**
 * INSERT of the row's columns, each from the parameter named by its key, its
 * stamps from @now; `values` adds or replaces columns (key → expression).
 * Pass the caller's values over rowDefaults(table), so a column added later
 * (nullable, or with a DEFAULT) needs no change here.
 */
export function insertSql<T extends AnyTable>(table: T, { keys = table.rowKeys(), values = {}, then = '' }: InsertOptions<T> = {}): string {
  const names: string[] = [];
  const expressions: string[] = [];
  for (const key of Object.keys(table.columns) as ColumnKey<T>[]) {
    const column = table.columns[key]!;
    const expression = values[key] ?? (column.stamp === 'created' || column.stamp === 'updated' ? '@now' : keys.includes(key) ? `@${key}` : undefined);
    if (expression === undefined) continue;
    names.push(table.sql(key));
    expressions.push(expression);
  }
  return `INSERT INTO ${table.quoted} (${names.join(', ')}) VALUES (${expressions.join(', ')})${then ? ` ${then}` : ''}`;
}

/**
 * The parameters an insert takes when the caller has no value of its own:
 * NULL for a nullable column, the declared default for one that has it.
 * Spread under the caller's values; computed once per statement, not per row.
 */
export function rowDefaults<T extends AnyTable>(table: T): Partial<Row<T>> {
  const defaults: Record<string, unknown> = {};
  for (const key of table.rowKeys()) {
    const value = table.columns[key]!.defaultValue;
    if (value !== undefined) defaults[key] = value;
  }
  return Object.freeze(defaults) as Partial<Row<T>>;
}

/** What an update sets besides the editable columns, and of which row. */
export interface UpdateOptions<T extends AnyTable> {
  /** The columns set from their own parameter (default: the editable ones). */
  keys?: readonly ColumnKey<T>[];
  /** Further assignments, key → expression (which reads the row as it was). */
  set?: Partial<Record<ColumnKey<T>, string>>;
  /** The table's alias in `where` and `returning`. */
  alias?: string;
  /** A condition added to the primary key's. */
  where?: string;
  /** A RETURNING list: one statement that writes and answers. */
  returning?: string;
}

/**
 * UPDATE of the editable columns (or `keys`) from the parameters named by
 * their keys, `set`'s assignments, and the updated stamp from @now, of the row
 * named by its primary key (@id).
 */
export function updateSql<T extends AnyTable>(table: T, { keys = table.editableKeys(), set = {}, alias, where, returning }: UpdateOptions<T> = {}): string {
  const assignments = keys.map((key) => `${table.sql(key)} = @${key}`);
  for (const [key, value] of Object.entries(set) as [ColumnKey<T>, string][]) assignments.push(`${table.sql(key)} = ${value}`);
  for (const key of Object.keys(table.columns)) if (table.columns[key]!.stamp === 'updated') assignments.push(`${table.sql(key)} = @now`);
  const conditions = table.primaryKeys().map((key) => `${alias ? `${alias}.` : ''}${table.sql(key)} = @${key}`);
  if (where) conditions.push(where);
  const target = alias ? `${table.quoted} AS ${alias}` : table.quoted;
  return `UPDATE ${target} SET ${assignments.join(', ')} WHERE ${conditions.join(' AND ')}${returning ? ` RETURNING ${returning}` : ''}`;
}

/**
 * What turns a stored row into the declared one: flags from 0/1, JSON parsed.
 * Tables with neither read back as they are, and need no copy.
 */
export function rowReader<T extends AnyTable, Extra extends object = object>(table: T, keys: readonly ColumnKey<T>[] = table.rowKeys()): (stored: object) => Row<T> & Extra {
  const flags = keys.filter((key) => table.columns[key]!.storedAs === 'flag');
  const jsons = keys.filter((key) => table.columns[key]!.storedAs === 'json');
  if (flags.length === 0 && jsons.length === 0) return (stored) => stored as Row<T> & Extra;
  return (stored) => {
    const row = { ...stored } as Record<string, unknown>;
    for (const key of flags) row[key] = row[key] === 1;
    for (const key of jsons) row[key] = typeof row[key] === 'string' ? JSON.parse(row[key]) : row[key];
    return row as Row<T> & Extra;
  };
}

/** Keys become property names in generated code: only plain identifiers may. */
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Rows read as arrays (better-sqlite3's raw mode), for lists of thousands: the
 * position of each key, derived from the same list the statement selected, and
 * a reader that makes every row an object of one shape.
 */
export function arrayLayout<T extends AnyTable, const K extends readonly ColumnKey<T>[]>(table: T, keys: K) {
  const at = Object.fromEntries(keys.map((key, index) => [key, index])) as { [P in K[number]]: number };
  return {
    /** The columns to select, in the positions `at` gives. */
    columns: (alias: string = table.alias) => columnList(table, alias, keys),
    at,
    /**
     * A function from a row's values (and `extraKeys`' values, as further
     * arguments) to the row as an object literal: compiled once, so each row
     * costs one allocation of one shape, as a hand-written literal would.
     */
    reader<Extra extends object = object>(extraKeys: readonly (keyof Extra & string)[] = []): (values: readonly unknown[], ...extra: unknown[]) => Values<T, K[number]> & Extra {
      const fields = keys.map((key, index) => {
        const storedAs = table.columns[key]!.storedAs;
        const value = storedAs === 'flag' ? `v[${index}] === 1` : storedAs === 'json' ? `JSON.parse(v[${index}])` : `v[${index}]`;
        return `${key}: ${value}`;
      });
      const extras = extraKeys.map((key, index) => `${key}: x${index}`);
      for (const key of [...keys, ...extraKeys]) if (!IDENTIFIER.test(key)) throw new Error(`${table.name}: ${key} cannot be a generated property name`);
      // Safe to compile: the keys are the declaration's own identifiers, checked above.
      return new Function('v', ...extraKeys.map((_, index) => `x${index}`), `return { ${[...fields, ...extras].join(', ')} };`) as never;
    },
  };
}
