import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * SQL lives under electron/core/vault/ (issue 20): repositories, read models
 * and the vault's own files are the only code that knows tables and
 * statements; every other module asks them. Transactions (`db.transaction`)
 * stay allowed outside: they group repository calls into one unit of work
 * and hold no SQL.
 */
const ROOT = resolve(__dirname, '../..');
const SOURCES = ['electron', 'shared', 'renderer/src'];
const VAULT = 'electron/core/vault/';

/** A statement as the codebase writes them: its keywords in capitals. */
const SQL =
  /\b(SELECT\s+(DISTINCT\s+)?[\w*"(]|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\S+\s+(AS\s+\w+\s+)?SET|DELETE\s+FROM|(CREATE|DROP|ALTER)\s+(UNIQUE\s+|VIRTUAL\s+)?(TABLE|INDEX|TRIGGER|VIEW)|PRAGMA\s|(ATTACH|DETACH)\s+DATABASE|VACUUM|BEGIN(\s+IMMEDIATE)?$|COMMIT$|ROLLBACK$|IS\s+(NOT\s+)?NULL\b)/m;
/** Calls that only a database handle makes: any of them outside the vault is SQL that escaped it. */
const DATABASE_CALLS = new Set(['prepare', 'pragma']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The text of a string or template literal (a template's parts joined), or null for any other node. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' _ ');
  return null;
}

/** Each place in `source` that prepares, runs or spells out SQL, as "line: what". */
function sqlIn(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) => found.push(`${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}: ${what}`);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text;
      if (DATABASE_CALLS.has(name)) at(node, `.${name}(…)`);
      // RegExp#exec takes the text to match; a database's exec takes SQL, written out.
      const first = node.arguments[0];
      if (name === 'exec' && first && literalText(first) !== null) at(node, `.exec(${first.getText(file).slice(0, 40)})`);
    }
    const text = literalText(node);
    if (text !== null && SQL.test(text)) {
      at(node, text.trim().replace(/\s+/g, ' ').slice(0, 60));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('SQL stays in the vault', () => {
  it('is prepared, run and written only under electron/core/vault/', () => {
    const files = SOURCES.flatMap((dir) => sourceFiles(join(ROOT, dir))).filter((path) => !relative(ROOT, path).startsWith(VAULT));
    expect(files.length).toBeGreaterThan(200);
    const outside = files.flatMap((path) => sqlIn(path, readFileSync(path, 'utf8')).map((where) => `${relative(ROOT, path)}:${where}`));
    expect(outside).toEqual([]);
  });

  it('would see a statement prepared, a pragma, a script run, and SQL kept in a string for later', () => {
    const source = [
      "const read = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');",
      "staging.pragma('foreign_keys = OFF');",
      "vault.exec('DETACH DATABASE import');",
      'const OPEN = `resolved_at IS NULL`;',
      "const write = 'INSERT INTO settings (key, value) VALUES (?, ?)';",
      'const sql = `UPDATE ${table} SET id = ? WHERE id = ?`;',
    ].join('\n');
    expect(sqlIn('example.ts', source).map((where) => where.split(':')[0])).toEqual(['1', '1', '2', '3', '3', '4', '5', '6']);
  });

  it('lets a regular expression run, text that only looks like a word of SQL, and a transaction through', () => {
    const source = [
      'const match = /^(\\d+)$/.exec(value);',
      'const named = DAY_MONTH_YEAR.exec(value);',
      "const label = 'Select an opening, then update its stage';",
      "throw new AppError('CONFLICT', 'Update Afterview to restore it. Nothing was deleted from your vault.');",
      'const record = db.transaction((batch) => { for (const row of batch) repository.add(row); });',
    ].join('\n');
    expect(sqlIn('example.ts', source)).toEqual([]);
  });
});
