import type { AnyColumn, Column, ValueOf } from './column';

export type Columns = Record<string, AnyColumn>;

/** A parent whose trash hides the row too (an interview goes with its opening). */
export interface ParentRule<C extends Columns> {
  /** The column holding the parent's id. */
  column: keyof C & string;
  table: () => AnyTable;
  /** The column may be NULL: such a row has no parent to hide it. */
  optional?: boolean;
  /**
   * Only the parent's own trash mark counts: its parents are the row's own
   * (a letter's interview belongs to the letter's opening, checked already).
   */
  ownTrashOnly?: boolean;
}

/** A parent in one of several tables, named by a type column (a note hangs on an opening, an interview, a company or a contact). */
export interface ParentOfType<C extends Columns> {
  typeColumn: keyof C & string;
  idColumn: keyof C & string;
  tables: Record<string, () => AnyTable>;
}

/** When a row is live (shown in the app): not in the trash, and no parent in the trash either. */
export interface LiveRule<C extends Columns> {
  parents?: readonly ParentRule<C>[];
  parentOfType?: ParentOfType<C>;
}

/**
 * One table, declared once: its SQL name, the alias its queries use, its
 * columns, and what makes a row live. Repositories derive their select lists,
 * inserts, updates and row mapping from it (sql.ts), the live-row condition
 * (live.ts), and the exports their columns.
 */
export class Table<C extends Columns = Columns> {
  readonly quoted: string;
  /** The column marking the trash, if rows of this table can be put there. */
  readonly trashColumn: (keyof C & string) | null;

  constructor(
    readonly name: string,
    /** The alias this table takes in queries ("o" for openings). */
    readonly alias: string,
    readonly columns: C,
    readonly live: LiveRule<C> = {},
  ) {
    this.quoted = `"${name}"`;
    this.trashColumn = (Object.keys(columns).find((key) => columns[key]!.stamp === 'trashed') as (keyof C & string) | undefined) ?? null;
  }

  /** The column's SQL name: its own, or the key in snake_case. */
  sql(key: keyof C & string): string {
    const column = this.columns[key];
    if (!column) throw new Error(`${this.name} has no column ${key}`);
    return column.sqlName ?? key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  }

  /** The keys of the columns that make up the row, in declaration order. */
  rowKeys(): (RowKey<this> & string)[] {
    return (Object.keys(this.columns) as (keyof C & string)[]).filter((key) => this.columns[key]!.inRow) as (RowKey<this> & string)[];
  }

  /** The row's keys less some, in declaration order: a projection that leaves out a heavy column (a note list without its document). */
  rowKeysWithout<K extends RowKey<this> & string>(...left: readonly K[]): Exclude<RowKey<this> & string, K>[] {
    return this.rowKeys().filter((key) => !(left as readonly string[]).includes(key)) as Exclude<RowKey<this> & string, K>[];
  }

  /** The keys of the columns that leave the vault in the whole-vault export, in declaration order. */
  exportedKeys(): (keyof C & string)[] {
    return (Object.keys(this.columns) as (keyof C & string)[]).filter((key) => this.columns[key]!.exported);
  }

  /** The keys of the primary key's columns. */
  primaryKeys(): (keyof C & string)[] {
    return (Object.keys(this.columns) as (keyof C & string)[]).filter((key) => this.columns[key]!.primaryKey);
  }

  /** The keys the user may change, in declaration order. */
  editableKeys(): (EditableKey<this> & string)[] {
    return (Object.keys(this.columns) as (keyof C & string)[]).filter((key) => this.columns[key]!.userEditable) as (EditableKey<this> & string)[];
  }
}

export function table<C extends Columns>(name: string, alias: string, columns: C, live?: LiveRule<C>): Table<C> {
  return new Table(name, alias, columns, live);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTable = Table<any>;
export type ColumnsOf<T> = T extends Table<infer C> ? C : never;

/** The keys of the columns that belong to the row. */
export type RowKey<T> = { [K in keyof ColumnsOf<T>]: ColumnsOf<T>[K] extends Column<unknown, boolean, true> ? K : never }[keyof ColumnsOf<T>];
/** The keys of the columns the user may change. */
export type EditableKey<T> = { [K in keyof ColumnsOf<T>]: ColumnsOf<T>[K] extends Column<unknown, true, boolean> ? K : never }[keyof ColumnsOf<T>];

/** A row as the repositories return it, derived from the declaration. */
export type Row<T> = { [K in RowKey<T>]: ValueOf<ColumnsOf<T>[K]> };
/** The values of some columns (a projection such as an interview's debrief). */
export type Values<T, K extends keyof ColumnsOf<T>> = { [P in K]: ValueOf<ColumnsOf<T>[P]> };
export type ColumnKey<T> = keyof ColumnsOf<T> & string;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** The keys on which two row types disagree: missing on one side, or of another type. */
export type Disagreement<A, B> = {
  [K in keyof A | keyof B]: K extends keyof A ? (K extends keyof B ? (Same<A[K], B[K]> extends true ? never : K) : K) : K;
}[keyof A | keyof B];

/**
 * A compile-time check that a table's declared row and the domain type the
 * renderer sees have the same fields of the same types: a field added to one
 * and not the other fails typecheck, naming the field.
 *
 *   sameFields<Row<typeof openingsTable>, Omit<Opening, 'companyName'>>();
 */
export function sameFields<A, B>(..._disagree: [Disagreement<A, B>] extends [never] ? [] : [`declaration and domain disagree on: ${Disagreement<A, B> & string}`]): void {}

/** A compile-time check that two sets of keys are the same (the columns a patch may change, say). */
export function sameKeys<A extends PropertyKey, B extends PropertyKey>(
  ..._disagree: [Exclude<A, B> | Exclude<B, A>] extends [never] ? [] : [`keys differ: ${(Exclude<A, B> | Exclude<B, A>) & string}`]
): void {}
