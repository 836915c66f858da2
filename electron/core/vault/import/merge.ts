import type { Db } from '../db';
import { foreignKeys, quotedName as quoted, shapeOf, userTables } from './schema';

/**
 * How an export meets the vault it comes into. A record is the same record
 * when it has the same id (its primary key); then:
 * - not in the vault: it is added;
 * - in the vault, identical: nothing to do;
 * - in the vault, different: the vault's version is kept, untouched.
 * So an import only ever adds; what the user has is never overwritten. Two
 * kinds of record are matched by what makes them unique instead of by id: a
 * company by its name (the vault allows one "Acme"), and a built-in letter
 * template by its kind; records pointing at them follow.
 */
export interface TablePlan {
  table: string;
  inExport: number;
  added: number;
  same: number;
  kept: number;
}

/** (table, column) pairs whose foreign key points at `parent`. */
function childrenOf(db: Db, parent: string): { table: string; column: string }[] {
  return userTables(db).flatMap((table) =>
    foreignKeys(db, table)
      .filter((key) => key.table === parent)
      .map((key) => ({ table, column: key.from })),
  );
}

/** Gives a staging record the vault's id for it, and every record pointing at it too (the staging vault has foreign keys off). */
function moveId(staging: Db, table: string, from: string, to: string, extra: { table: string; column: string; where?: string }[]): void {
  const children: { table: string; column: string; where?: string }[] = [...childrenOf(staging, table), ...extra];
  for (const child of children) {
    staging.prepare(`UPDATE ${quoted(child.table)} SET ${quoted(child.column)} = ? WHERE ${quoted(child.column)} = ?${child.where ? ` AND ${child.where}` : ''}`).run(to, from);
  }
  staging.prepare(`UPDATE ${quoted(table)} SET id = ? WHERE id = ?`).run(to, from);
}

/** Matches the staging vault's companies and built-in templates to the vault's own, by name and by kind. */
export function matchUniqueRecords(vault: Db, staging: Db): void {
  staging.transaction(() => {
    const vaultCompany = vault.prepare<[string], { id: string }>('SELECT id FROM companies WHERE name_key = ?');
    const vaultHas = (table: string) => vault.prepare<[string], { id: string }>(`SELECT id FROM ${quoted(table)} WHERE id = ?`);
    const hasCompany = vaultHas('companies');
    const stagingHasCompany = staging.prepare<[string], { id: string }>('SELECT id FROM companies WHERE id = ?');
    for (const company of staging.prepare<[], { id: string; nameKey: string }>('SELECT id, name_key AS nameKey FROM companies').all()) {
      if (hasCompany.get(company.id)) continue;
      const same = vaultCompany.get(company.nameKey);
      if (same && !stagingHasCompany.get(same.id)) {
        moveId(staging, 'companies', company.id, same.id, [
          { table: 'notes', column: 'parent_id', where: "parent_type = 'company'" },
          { table: 'sample_rows', column: 'row_id', where: "table_name = 'companies'" },
        ]);
      }
    }

    const hasTemplate = vaultHas('letter_templates');
    const vaultBuiltIn = vault.prepare<[string], { id: string }>('SELECT id FROM letter_templates WHERE kind = ? AND built_in = 1');
    const vaultDefault = vault.prepare<[string], { id: string }>('SELECT id FROM letter_templates WHERE kind = ? AND is_default = 1');
    for (const template of staging.prepare<[], { id: string; kind: string; builtIn: number; isDefault: number }>('SELECT id, kind, built_in AS builtIn, is_default AS isDefault FROM letter_templates').all()) {
      if (hasTemplate.get(template.id)) continue;
      const builtIn = template.builtIn === 1 ? vaultBuiltIn.get(template.kind) : undefined;
      if (builtIn) moveId(staging, 'letter_templates', template.id, builtIn.id, []);
      // One default per kind: the vault's stays the default.
      else if (template.isDefault === 1 && vaultDefault.get(template.kind)) staging.prepare('UPDATE letter_templates SET is_default = 0 WHERE id = ?').run(template.id);
    }
  })();
}

/** Runs `work` with the staging vault attached to the vault's connection as "import". */
function withStaging<T>(vault: Db, stagingPath: string, work: () => T): T {
  vault.prepare("ATTACH DATABASE ? AS import").run(stagingPath);
  try {
    return work();
  } finally {
    vault.exec('DETACH DATABASE import');
  }
}

const matchOn = (key: string[]) => key.map((column) => `m.${quoted(column)} = s.${quoted(column)}`).join(' AND ');

/** For each table: what the export holds, what would be added, what is already here alike, and what is here in another version. */
export function planImport(vault: Db, stagingPath: string): TablePlan[] {
  return withStaging(vault, stagingPath, () =>
    userTables(vault).map((table) => {
      const { columns, key } = shapeOf(vault, table);
      const name = quoted(table);
      const inExport = vault.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM import.${name}`).get()!.n;
      const added = vault.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM import.${name} s WHERE NOT EXISTS (SELECT 1 FROM main.${name} m WHERE ${matchOn(key)})`).get()!.n;
      const alike = columns.map((column) => `m.${quoted(column)} IS s.${quoted(column)}`).join(' AND ');
      const same = vault.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM import.${name} s WHERE EXISTS (SELECT 1 FROM main.${name} m WHERE ${matchOn(key)} AND ${alike})`).get()!.n;
      return { table, inExport, added, same, kept: inExport - added - same };
    }),
  );
}

/** Parents before the records that point at them, so the search index reads a company's name when its openings come in. */
function parentsFirst(vault: Db, tables: string[]): string[] {
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const key of foreignKeys(vault, table)) if (tables.includes(key.table)) visit(key.table);
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered;
}

/**
 * Adds every record of the staging vault the vault does not have, in one
 * transaction: all of it, or (on any failure) none. Answers how many rows
 * of each table came in.
 */
export function applyImport(vault: Db, stagingPath: string): Record<string, number> {
  return withStaging(vault, stagingPath, () =>
    vault.transaction(() => {
      // Records may come in any order within the transaction; their references are checked at its end.
      vault.pragma('defer_foreign_keys = ON');
      const added: Record<string, number> = {};
      for (const table of parentsFirst(vault, userTables(vault))) {
        const { columns, key } = shapeOf(vault, table);
        const list = columns.map(quoted).join(', ');
        const name = quoted(table);
        added[table] = vault.prepare(`INSERT INTO main.${name} (${list}) SELECT ${list} FROM import.${name} s WHERE NOT EXISTS (SELECT 1 FROM main.${name} m WHERE ${matchOn(key)})`).run().changes;
      }
      return added;
    })(),
  );
}
