import type { Migration } from './migration';

/** One searchable kind: its table, and the text it is found by (SQL over the alias `s`). */
interface Source {
  kind: string;
  table: string;
  title: string;
  body: string;
  /** The columns whose change means the row must be indexed again. */
  watched: string[];
}

// Repeated here on purpose: a shipped migration never changes with the repositories.
const SOURCES: Source[] = [
  { kind: 'note', table: 'notes', title: 's.title', body: 's.plain_text', watched: ['title', 'plain_text'] },
  {
    kind: 'letter',
    table: 'letters',
    title: `CASE WHEN s.subject <> '' THEN s.subject
      ELSE (CASE s.kind WHEN 'thank_you' THEN 'Thank-you note to ' ELSE 'Reply to ' END) || s.recipient_name END`,
    body: 's.plain_text',
    watched: ['subject', 'plain_text', 'recipient_name', 'kind'],
  },
  {
    kind: 'opening',
    table: 'openings',
    title: 's.role',
    body: `concat_ws(' · ', (SELECT name FROM companies WHERE id = s.company_id), nullif(s.location, ''), nullif(s.next_step, ''))`,
    watched: ['role', 'company_id', 'location', 'next_step'],
  },
  { kind: 'company', table: 'companies', title: 's.name', body: `''`, watched: ['name'] },
  { kind: 'contact', table: 'contacts', title: 's.name', body: `concat_ws(' · ', nullif(s.title, ''), nullif(s.email, ''))`, watched: ['name', 'title', 'email'] },
  { kind: 'research', table: 'research_entries', title: 's.title', body: 's.summary', watched: ['title', 'summary'] },
];

/** Drops the index entries of the rows of `source` matching `where` (over the alias `s`). */
function unindex(source: Source, where: string): string {
  const docs = `SELECT d.id FROM search_docs d JOIN ${source.table} s ON d.kind = '${source.kind}' AND d.ref_id = s.id WHERE ${where}`;
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
function index(source: Source, where: string): string {
  return `
    INSERT INTO search_docs (kind, ref_id) SELECT '${source.kind}', s.id FROM ${source.table} s WHERE ${where};
    ${indexText(source, where)}`;
}

/** Fills both indexes from rows that already have their search_docs entry. */
function indexText(source: Source, where: string): string {
  const rows = `FROM ${source.table} s JOIN search_docs d ON d.kind = '${source.kind}' AND d.ref_id = s.id WHERE ${where}`;
  return `
    INSERT INTO search_fts (rowid, title, body) SELECT d.id, ${source.title}, ${source.body} ${rows};
    INSERT INTO search_titles (rowid, title) SELECT d.id, ${source.title} ${rows};`;
}

function triggers(source: Source): string {
  const changed = source.watched.map((column) => `OLD.${column} IS NOT NEW.${column}`).join(' OR ');
  return `
    CREATE TRIGGER ${source.table}_search_insert AFTER INSERT ON ${source.table} BEGIN
      ${index(source, 's.id = NEW.id')}
    END;
    CREATE TRIGGER ${source.table}_search_update AFTER UPDATE OF ${source.watched.join(', ')} ON ${source.table}
    WHEN ${changed} BEGIN
      ${unindex(source, 's.id = NEW.id')}
      ${index(source, 's.id = NEW.id')}
    END;
    CREATE TRIGGER ${source.table}_search_delete BEFORE DELETE ON ${source.table} BEGIN
      ${unindex(source, 's.id = OLD.id')}
    END;`;
}

const OPENING = SOURCES.find((source) => source.kind === 'opening')!;

/**
 * Search over everything: one FTS5 index of title and body for every kind,
 * a titles-only index to rank title hits first, and search_docs mapping each
 * index rowid to its row. Triggers keep them in step; trashed rows stay
 * indexed and are left out when searching, so a restore needs no reindex.
 */
export const m0005Search: Migration = {
  id: '0005_search',
  up(db) {
    db.exec(`
      CREATE TABLE search_docs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('note','letter','opening','company','contact','research')),
        ref_id TEXT NOT NULL,
        UNIQUE (kind, ref_id)
      ) STRICT;
      CREATE VIRTUAL TABLE search_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
      CREATE VIRTUAL TABLE search_titles USING fts5(title, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
      ${SOURCES.map(triggers).join('\n')}
      -- An opening is found by its company's name, which lives on the company.
      CREATE TRIGGER companies_search_openings AFTER UPDATE OF name ON companies WHEN OLD.name IS NOT NEW.name BEGIN
        ${unindex(OPENING, 's.company_id = NEW.id')}
        ${index(OPENING, 's.company_id = NEW.id')}
      END;
    `);
    // The backfill: oldest change first over every kind, so the newest get the largest rowids.
    const everything = SOURCES.map((source) => `SELECT '${source.kind}' AS kind, id, updated_at FROM ${source.table}`).join(' UNION ALL ');
    db.exec(`INSERT INTO search_docs (kind, ref_id) SELECT kind, id FROM (${everything}) ORDER BY updated_at, kind, id`);
    for (const source of SOURCES) db.exec(indexText(source, '1'));
  },
};
