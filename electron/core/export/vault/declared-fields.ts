import { readable, type FrontMatterEntry } from '#core/vault/tables/formats';
import type { FrontMatterValue } from './front-matter';

/** Values the export works out for a row (a link to what it belongs to), by the format's key; undefined leaves the entry out. */
export type Computed = Readonly<Record<string, FrontMatterValue | undefined>>;

/**
 * A row's front matter as its table's format lists it (vault/tables), in the
 * format's order: each column's value, a reference as the id and name of what
 * it names, a choice by its label; `computed` gives the rest, or replaces a
 * column's value.
 */
export function declaredFields(entries: readonly FrontMatterEntry[], row: object, computed: Computed = {}): Record<string, FrontMatterValue | undefined> {
  const values = row as Readonly<Record<string, unknown>>;
  const fields: Record<string, FrontMatterValue | undefined> = {};
  for (const entry of entries) {
    if (entry.key in computed) fields[entry.name] = computed[entry.key];
    else fields[entry.name] = columnValue(entry, values);
  }
  return fields;
}

function columnValue({ key, column, field }: FrontMatterEntry, row: Readonly<Record<string, unknown>>): FrontMatterValue | undefined {
  if (!column) throw new Error(`The export computes “${key}”, and gave it no value`);
  const value = row[field];
  if (column.nameAs) return value == null ? undefined : { id: value as string, name: row[column.nameAs] as string };
  return readable(column, value) as FrontMatterValue;
}
