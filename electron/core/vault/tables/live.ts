import type { AnyTable, ColumnsOf } from './table';

/**
 * The one implementation of "is this row live?": neither it nor a parent is
 * in the trash, as each table declares (table.ts, LiveRule). Interviews and
 * notes of a deleted opening are hidden without being marked, so restoring the
 * opening brings them back as they were. Every query that shows rows uses
 * these conditions; none writes its own.
 */

type ParentKey<T extends AnyTable> = keyof ColumnsOf<T> & string;

/** The row itself is not in the trash (no parent looked at): `alias.deleted_at IS NULL`, or nothing for tables without a trash. */
export function notTrashed(table: AnyTable, alias: string = table.alias): string | null {
  return table.trashColumn ? `${alias}.${table.sql(table.trashColumn)} IS NULL` : null;
}

/** Whether the table's rows can ever be hidden (companies, for one, cannot). */
function canHide(table: AnyTable): boolean {
  return table.trashColumn !== null || (table.live.parents ?? []).some((parent) => canHide(parent.table())) || table.live.parentOfType !== undefined;
}

/**
 * The SQL condition that `alias` (a row of `table`) is live. Parents already
 * joined by the query are passed by their column in `joined` (column key →
 * alias): their own condition is used on the join instead of a subquery.
 */
export function live<T extends AnyTable>(table: T, alias: string = table.alias, joined: Partial<Record<ParentKey<T>, string>> = {}): string {
  const own = notTrashed(table, alias);
  const parents = liveParents(table, alias, joined);
  const parts = [own, parents].filter((part): part is string => part !== null);
  // One comparison binds tighter than AND and OR, so it needs no parentheses (and reads as the plain condition it is).
  return parts.length === 0 ? '1' : parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`;
}

/** The row's parents are all live (its own trash mark not looked at); null when nothing can hide them. */
export function liveParents<T extends AnyTable>(table: T, alias: string = table.alias, joined: Partial<Record<ParentKey<T>, string>> = {}): string | null {
  const parts: string[] = [];
  for (const parent of table.live.parents ?? []) {
    const parentTable = parent.table();
    if (!canHide(parentTable)) continue;
    const idColumn = `${alias}.${table.sql(parent.column)}`;
    const joinedAlias = joined[parent.column as ParentKey<T>];
    let condition: string;
    if (joinedAlias) {
      condition = (parent.ownTrashOnly ? notTrashed(parentTable, joinedAlias) : live(parentTable, joinedAlias)) ?? '1';
    } else {
      const inner = `${alias}_${parentTable.alias}`;
      const innerLive = (parent.ownTrashOnly ? notTrashed(parentTable, inner) : live(parentTable, inner)) ?? '1';
      condition = `EXISTS (SELECT 1 FROM ${parentTable.quoted} ${inner} WHERE ${inner}.id = ${idColumn} AND ${innerLive})`;
    }
    parts.push(parent.optional ? `(${idColumn} IS NULL OR ${condition})` : condition);
  }
  const byType = table.live.parentOfType;
  if (byType) {
    const branches = Object.entries(byType.tables).map(([type, of]) => {
      const parentTable = of();
      const inner = `${alias}_${parentTable.alias}`;
      const innerLive = canHide(parentTable) ? ` AND ${live(parentTable, inner)}` : '';
      return `WHEN '${type}' THEN EXISTS (SELECT 1 FROM ${parentTable.quoted} ${inner} WHERE ${inner}.id = ${alias}.${table.sql(byType.idColumn)}${innerLive})`;
    });
    parts.push(`(CASE ${alias}.${table.sql(byType.typeColumn)} ${branches.join(' ')} ELSE 0 END)`);
  }
  return parts.length === 0 ? null : parts.join(' AND ');
}
