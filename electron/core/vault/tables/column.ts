/**
 * One column of a table declaration: how it is stored, what its text means,
 * whether the user may change it, and whether it belongs to the row the
 * repositories hand out. The value type travels in the type parameters, so a
 * table's row type is derived from its columns (see table.ts).
 */

/** How SQLite holds the value, and so how it reads back: a flag is 0 or 1, JSON is text to parse. */
export type StoredAs = 'text' | 'integer' | 'flag' | 'json';

/** What a text or number means, where exports and imports treat it apart. */
export type Meaning = 'plain' | 'date' | 'instant' | 'url' | 'money' | 'currency' | 'choice' | 'reference';

/** Who fills the column: the caller, or the repository with the time of the write. */
export type Stamp = 'created' | 'updated' | 'trashed';

interface ColumnSettings {
  readonly storedAs: StoredAs;
  readonly meaning: Meaning;
  readonly sqlName: string | null;
  readonly allowsNull: boolean;
  readonly userEditable: boolean;
  readonly inRow: boolean;
  readonly primaryKey: boolean;
  readonly stamp: Stamp | null;
  readonly choices: readonly string[] | null;
  readonly labels: Readonly<Record<string, string>> | null;
  /** For a reference: the key under which reads joined with the row it refers to carry its name ("companyName"). */
  readonly nameAs: string | null;
  /** Written to the whole-vault export (its JSON dump, and the formats that list it). */
  readonly exported: boolean;
  /** The value an insert gives it when the caller does not (the schema's DEFAULT; NULL for a nullable column). */
  readonly defaultValue: string | number | null | undefined;
}

/**
 * @typeParam T the value as the row holds it (null included when nullable)
 * @typeParam E whether the user may change it (update statements set it)
 * @typeParam R whether it belongs to the row the repositories return; columns
 *   kept for the vault's own bookkeeping (the trash mark, a lookup key) do not
 */
export class Column<T = unknown, E extends boolean = boolean, R extends boolean = boolean> implements ColumnSettings {
  declare readonly __value: T;
  declare readonly __editable: E;
  declare readonly __inRow: R;
  readonly storedAs: StoredAs;
  readonly meaning: Meaning;
  readonly sqlName: string | null;
  readonly allowsNull: boolean;
  readonly userEditable: boolean;
  readonly inRow: boolean;
  readonly primaryKey: boolean;
  readonly stamp: Stamp | null;
  readonly choices: readonly string[] | null;
  readonly labels: Readonly<Record<string, string>> | null;
  readonly nameAs: string | null;
  readonly exported: boolean;
  readonly defaultValue: string | number | null | undefined;

  constructor(settings: ColumnSettings) {
    this.storedAs = settings.storedAs;
    this.meaning = settings.meaning;
    this.sqlName = settings.sqlName;
    this.allowsNull = settings.allowsNull;
    this.userEditable = settings.userEditable;
    this.inRow = settings.inRow;
    this.primaryKey = settings.primaryKey;
    this.stamp = settings.stamp;
    this.choices = settings.choices;
    this.labels = settings.labels;
    this.nameAs = settings.nameAs;
    this.exported = settings.exported;
    this.defaultValue = settings.defaultValue;
  }

  private with<U, E2 extends boolean, R2 extends boolean>(changes: Partial<ColumnSettings>): Column<U, E2, R2> {
    return new Column<U, E2, R2>({ ...this, ...changes });
  }

  /** May be NULL (and is, when an insert does not say). */
  nullable(): Column<T | null, E, R> {
    return this.with({ allowsNull: true, defaultValue: this.defaultValue === undefined ? null : this.defaultValue });
  }

  /** The schema's DEFAULT, as stored (a flag as 0 or 1): inserts that do not give the column a value give it this. */
  defaultsTo(value: string | number): Column<T, E, R> {
    return this.with({ defaultValue: value });
  }

  /** Kept out of the whole-vault export (and so out of every format): for values that must not leave the vault. */
  notExported(): Column<T, E, R> {
    return this.with({ exported: false });
  }

  /** The user may change it: updates set it from the patch. */
  editable(): Column<T, true, R> {
    return this.with({ userEditable: true });
  }

  /** Stored, but not part of the row the repositories return by default (a lookup key, a debrief beside its interview). */
  notInRow(): Column<T, E, false> {
    return this.with({ inRow: false });
  }

  /** Part of the primary key (of a table of links, keyed by the pair). */
  key(): Column<T, E, R> {
    return this.with({ primaryKey: true });
  }

  /** The SQL name, where it is not the key in snake_case. */
  named(sqlName: string): Column<T, E, R> {
    return this.with({ sqlName });
  }
}

export type AnyColumn = Column<unknown, boolean, boolean>;
export type ValueOf<C> = C extends Column<infer T, boolean, boolean> ? T : never;

const base: ColumnSettings = {
  storedAs: 'text',
  meaning: 'plain',
  sqlName: null,
  allowsNull: false,
  userEditable: false,
  inRow: true,
  primaryKey: false,
  stamp: null,
  choices: null,
  labels: null,
  nameAs: null,
  exported: true,
  defaultValue: undefined,
};
const column = <T>(settings: Partial<ColumnSettings>) => new Column<T, false, true>({ ...base, ...settings });

/** The row's id, a UUID chosen by the repository. */
export const id = () => column<string>({ primaryKey: true });
export const text = <T extends string = string>() => column<T>({});
export const integer = () => column<number>({ storedAs: 'integer' });
/** A whole amount of money. */
export const money = () => column<number>({ storedAs: 'integer', meaning: 'money' });
/** A three-letter currency code. */
export const currency = () => column<string>({ meaning: 'currency' });
/** True or false, stored as 1 or 0. */
export const flag = () => column<boolean>({ storedAs: 'flag' });
/** A value stored as JSON text. */
export const json = <T>() => column<T>({ storedAs: 'json' });
/** A calendar date, YYYY-MM-DD. */
export const date = () => column<string>({ meaning: 'date' });
/** A UTC instant, ISO-8601 ("2026-03-01T14:00:00.000Z"). */
export const instant = () => column<string>({ meaning: 'instant' });
/** A web address. */
export const url = () => column<string>({ meaning: 'url' });
/** One of a fixed list, with the words a person reads for each. */
export const choice = <const V extends readonly string[]>(choices: V, labels?: Readonly<Record<V[number], string>>) =>
  column<V[number]>({ meaning: 'choice', choices, labels: labels ?? null });
/** The id of a row of another table; reads joined with that row carry its name under `nameAs`. */
export const reference = (nameAs: string | null = null) => column<string>({ meaning: 'reference', nameAs });
/** When the row was made: set once, by the repository. */
export const createdAt = () => column<string>({ meaning: 'instant', stamp: 'created' });
/** When the row last changed: set on every write, by the repository. */
export const updatedAt = () => column<string>({ meaning: 'instant', stamp: 'updated' });
/** When the row went to the trash; NULL while it is not there. */
export const trashedAt = () => new Column<string | null, false, false>({ ...base, meaning: 'instant', stamp: 'trashed', allowsNull: true, defaultValue: null, inRow: false });
