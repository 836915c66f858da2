import type { AnyColumn } from './column';
import type { AnyTable, ColumnKey, Row, RowKey } from './table';

/**
 * How a table's rows leave Afterview. Each format lists
 * every column of the row once, in the format's own order, with its name
 * there, or null where the format leaves it out: a column added to the table
 * and not placed in each format fails typecheck.
 */

/** A fact of the prep sheet: its label, and the section it is listed in. */
export interface PrepSheetFact<T> {
  label: string;
  /**
   * 'job': listed when set. 'process': always listed, "not known yet" when
   * empty (what to ask at the next interview).
   */
  section: 'job' | 'process';
  /** The text, where it is not the column's own value (a salary range from three columns). */
  text?: (row: T) => string | null;
}

export interface ExportFormats<T extends AnyTable, Joined extends object = object> {
  /** The pipeline spreadsheet: the column's header. */
  csv: { [K in RowKey<T>]: string | null };
  /** The Markdown file's front matter. */
  frontMatter: FrontMatterFormat<T>;
  /** The next-round prep sheet. */
  prepSheet: { [K in RowKey<T>]: PrepSheetFact<Row<T> & Joined> | null };
}

/**
 * A table's Markdown file in the whole-vault export: the front matter's key
 * for each column (null: left out), every column placed, so a column added to
 * the table and not here fails typecheck. `Extra` names front matter entries
 * that are no column of the table (an interview's company, its team): the
 * export computes them, in the place they hold here.
 */
export type FrontMatterFormat<T extends AnyTable, Extra extends string = never> = { [K in ColumnKey<T> | Extra]: string | null };

/** A table's Markdown file: its front matter, and text columns written as sections of the body ("## Concerns"). */
export interface MarkdownFormat<T extends AnyTable, Extra extends string = never> {
  frontMatter: FrontMatterFormat<T, Extra>;
  sections?: Partial<Record<ColumnKey<T>, string>>;
}

/** One front matter entry: its key in the format, its column (null for one the export computes), and its name in the file. */
export interface FrontMatterEntry {
  key: string;
  column: AnyColumn | null;
  name: string;
  /** Where the value is in a row: the key, or the SQL name for rows as stored (the JSON dump's). */
  field: string;
}

/** The entries a front matter lists, in the format's order; computed once per format, not per row. */
export function frontMatterEntries<T extends AnyTable>(table: T, format: FrontMatterFormat<T, string>, rows: 'keyed' | 'stored' = 'keyed'): FrontMatterEntry[] {
  return Object.entries(format as Record<string, string | null>)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([key, name]) => {
      const column = (table.columns[key] as AnyColumn | undefined) ?? null;
      if (column && !column.exported) throw new Error(`${table.name}.${key} is not exported: no format may list it`);
      return { key, column, name, field: column && rows === 'stored' ? table.sql(key) : key };
    });
}

/** The columns a Markdown file reads (its front matter's and its sections'), for the rows' select list. */
export function markdownKeys<T extends AnyTable>(table: T, format: MarkdownFormat<T, string>): ColumnKey<T>[] {
  const listed = Object.entries(format.frontMatter as Record<string, string | null>)
    .filter(([key, name]) => name !== null && key in table.columns)
    .map(([key]) => key as ColumnKey<T>);
  return [...new Set([...listed, ...(Object.keys(format.sections ?? {}) as ColumnKey<T>[])])];
}

/** One column as a format lists it: its key in the row, its declaration, and its name in the format. */
export interface Listed<T extends AnyTable> {
  key: RowKey<T> & string;
  column: AnyColumn;
  name: string;
}

/** The columns a format lists (those not null), in the format's own order; computed once per format, not per row. */
export function listed<T extends AnyTable, M extends { [K in RowKey<T>]: unknown }>(table: T, names: M): (Listed<T> & { as: NonNullable<M[keyof M]> })[] {
  return (Object.keys(names) as (RowKey<T> & string)[])
    .filter((key) => names[key] !== null)
    .map((key) => {
      if (!table.columns[key]!.exported) throw new Error(`${table.name}.${key} is not exported: no format may list it`);
      const as = names[key] as NonNullable<M[keyof M]>;
      return { key, column: table.columns[key]!, name: typeof as === 'string' ? as : key, as };
    });
}

/** A value as a person reads it: a choice by its label ("Interviewing", "Email"), anything else as it is. */
export function readable(column: AnyColumn, value: unknown): unknown {
  return column.labels !== null && typeof value === 'string' ? (column.labels[value] ?? value) : value;
}
