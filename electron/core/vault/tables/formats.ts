import type { AnyColumn } from './column';
import type { AnyTable, Row, RowKey } from './table';

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
  /** The Markdown file's front matter: the key. */
  frontMatter: { [K in RowKey<T>]: string | null };
  /** The next-round prep sheet. */
  prepSheet: { [K in RowKey<T>]: PrepSheetFact<Row<T> & Joined> | null };
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
      const as = names[key] as NonNullable<M[keyof M]>;
      return { key, column: table.columns[key]!, name: typeof as === 'string' ? as : key, as };
    });
}

/** A value as a person reads it: a choice by its label ("Interviewing", "Email"), anything else as it is. */
export function readable(column: AnyColumn, value: unknown): unknown {
  return column.labels !== null && typeof value === 'string' ? (column.labels[value] ?? value) : value;
}
