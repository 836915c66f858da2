import type { Db } from '../db';

/**
 * The search index's SQL, made from declarations: one FTS5 index of title and
 * body for every kind (search_fts), a titles-only one to rank title hits
 * first (search_titles), and search_docs mapping each index rowid to its row.
 * Triggers keep them in step with the tables. Trashed rows stay indexed and
 * are left out when searching, so a restore needs no reindex.
 *
 * Migrations call these functions with their own copy of the sources (a
 * shipped migration never changes with the repositories): change what they
 * generate for a given source only in ways a shipped migration may run again.
 */

/** One searchable kind: its table, and the text it is found by (SQL over the alias `s`, a row of `table`). */
export interface SearchSource {
  kind: string;
  /** The table's SQL name, unquoted. */
  table: string;
  title: string;
  body: string;
  /** The columns whose change means the row must be indexed again. */
  watched: readonly string[];
  /**
   * Text read from another table (an opening's company name): a change of
   * `column` there indexes again the rows whose `via` holds its id.
   */
  borrows?: readonly { table: string; column: string; via: string }[];
}

const quoted = (table: string) => `"${table}"`;

/** Drops the index entries of the rows of `source` matching `where` (over the alias `s`). */
function unindex(source: SearchSource, where: string): string {
  const docs = `SELECT d.id FROM search_docs d JOIN ${quoted(source.table)} s ON d.kind = '${source.kind}' AND d.ref_id = s.id WHERE ${where}`;
  return `
    DELETE FROM search_fts WHERE rowid IN (${docs});
    DELETE FROM search_titles WHERE rowid IN (${docs});
    DELETE FROM search_docs WHERE id IN (${docs});`;
}

/**
 * Indexes the rows of `source` matching `where`. Each gets a fresh, larger
 * rowid, so the index's rowid order is the order of last change: the newest
 * matches are read first without ranking every match.
 */
function index(source: SearchSource, where: string): string {
  return `
    INSERT INTO search_docs (kind, ref_id) SELECT '${source.kind}', s.id FROM ${quoted(source.table)} s WHERE ${where} ORDER BY s.updated_at, s.id;
    ${indexText(source, where)}`;
}

/** Fills both indexes from rows that already have their search_docs entry. */
function indexText(source: SearchSource, where: string): string {
  const rows = `FROM ${quoted(source.table)} s JOIN search_docs d ON d.kind = '${source.kind}' AND d.ref_id = s.id WHERE ${where}`;
  return `
    INSERT INTO search_fts (rowid, title, body) SELECT d.id, ${source.title}, ${source.body} ${rows};
    INSERT INTO search_titles (rowid, title) SELECT d.id, ${source.title} ${rows};`;
}

function reindex(source: SearchSource, where: string): string {
  return `${unindex(source, where)}
    ${index(source, where)}`;
}

/** The names of the triggers `sourceTriggers` makes, for a later migration that replaces them. */
export function triggerNames(source: SearchSource): string[] {
  return [
    `${source.table}_search_insert`,
    `${source.table}_search_update`,
    `${source.table}_search_delete`,
    ...(source.borrows ?? []).map((borrow) => `${borrow.table}_search_${source.table}`),
  ];
}

/** The triggers that keep one source's rows indexed as they are added, changed and deleted for good. */
export function sourceTriggers(source: SearchSource): string {
  const [insert, update, remove, ...borrowed] = triggerNames(source);
  const changed = source.watched.map((column) => `OLD.${column} IS NOT NEW.${column}`).join(' OR ');
  const table = quoted(source.table);
  return `
    CREATE TRIGGER ${insert} AFTER INSERT ON ${table} BEGIN
      ${index(source, 's.id = NEW.id')}
    END;
    CREATE TRIGGER ${update} AFTER UPDATE OF ${source.watched.join(', ')} ON ${table}
    WHEN ${changed} BEGIN
      ${reindex(source, 's.id = NEW.id')}
    END;
    CREATE TRIGGER ${remove} BEFORE DELETE ON ${table} BEGIN
      ${unindex(source, 's.id = OLD.id')}
    END;
    ${(source.borrows ?? [])
      .map(
        (borrow, at) => `
    CREATE TRIGGER ${borrowed[at]} AFTER UPDATE OF ${borrow.column} ON ${quoted(borrow.table)}
    WHEN OLD.${borrow.column} IS NOT NEW.${borrow.column} BEGIN
      ${reindex(source, `s.${borrow.via} = NEW.id`)}
    END;`,
      )
      .join('\n')}`;
}

/** The three tables of the index, empty. search_docs names no list of kinds: a new source needs no new table. */
const SEARCH_TABLES = `
  CREATE TABLE search_docs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    ref_id TEXT NOT NULL,
    UNIQUE (kind, ref_id)
  ) STRICT;
  CREATE VIRTUAL TABLE search_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
  CREATE VIRTUAL TABLE search_titles USING fts5(title, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');`;

/**
 * Makes the index again from nothing: the triggers of `previous` dropped, the
 * tables made anew with the triggers of `sources`, and every row indexed,
 * oldest change first over every kind so the newest get the largest rowids.
 */
export function rebuildSearchIndex(db: Db, previous: readonly SearchSource[], sources: readonly SearchSource[]): void {
  for (const name of previous.flatMap(triggerNames)) db.exec(`DROP TRIGGER IF EXISTS ${name}`);
  db.exec('DROP TABLE IF EXISTS search_docs; DROP TABLE IF EXISTS search_fts; DROP TABLE IF EXISTS search_titles;');
  db.exec(SEARCH_TABLES);
  db.exec(sources.map(sourceTriggers).join('\n'));
  const everything = sources.map((source) => `SELECT '${source.kind}' AS kind, id, updated_at FROM ${quoted(source.table)}`).join(' UNION ALL ');
  db.exec(`INSERT INTO search_docs (kind, ref_id) SELECT kind, id FROM (${everything}) ORDER BY updated_at, kind, id`);
  for (const source of sources) db.exec(indexText(source, '1'));
}

/**
 * For a later migration that changes what one kind is found by (a new column
 * in its text) or adds a kind (`previous` null): its triggers are made again
 * and its rows indexed again. They take the newest end of the order, among
 * themselves by their last change; rebuildSearchIndex keeps the exact order
 * at the cost of indexing everything.
 */
export function replaceSearchSource(db: Db, previous: SearchSource | null, next: SearchSource): void {
  for (const name of previous ? triggerNames(previous) : []) db.exec(`DROP TRIGGER IF EXISTS ${name}`);
  db.exec(sourceTriggers(next));
  db.exec(reindex(next, '1'));
}
