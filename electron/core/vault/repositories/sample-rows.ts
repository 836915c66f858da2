import { AppError } from '#core/errors';
import type { Db } from '../connection';
import { sampleRowsTable } from '../tables/sample-rows';
import { insertSql } from '../tables/sql';

/** The tables the sample writes to; migration 0007 marks rows of exactly these. */
const MARKED_TABLES = ['companies', 'openings', 'contacts', 'interviews', 'notes', 'research_entries', 'letters', 'touchpoints', 'references'] as const;
type MarkedTable = (typeof MARKED_TABLES)[number];

/** Tables of links, marked by the pair they link ("a/b"); their rows go with either end. */
const LINKS = [
  { table: 'interview_team', pair: ['interview_id', 'contact_id'] },
  { table: 'opening_references', pair: ['opening_id', 'reference_id'] },
] as const;

/** Children before parents, so no cascade ever reaches further than the sample rows themselves. */
const DELETE_ORDER: MarkedTable[] = ['notes', 'touchpoints', 'letters', 'research_entries', 'interviews', 'references', 'openings', 'contacts', 'companies'];

const isOwn = (table: MarkedTable, alias: string) =>
  `NOT EXISTS (SELECT 1 FROM sample_rows s WHERE s.table_name = '${table}' AND s.row_id = ${alias}.id)`;
/** A link the user made (not one the sample did). */
const isOwnLink = (table: 'interview_team' | 'opening_references', alias: string, pair: [string, string]) =>
  `NOT EXISTS (SELECT 1 FROM sample_rows s WHERE s.table_name = '${table}' AND s.row_id = ${alias}.${pair[0]} || '/' || ${alias}.${pair[1]})`;
const ownTeamLink = (alias: string) => isOwnLink('interview_team', alias, ['interview_id', 'contact_id']);
const ownReferenceLink = (alias: string) => isOwnLink('opening_references', alias, ['opening_id', 'reference_id']);
const noteParents = (type: string) => `SELECT n.parent_id FROM notes n WHERE n.parent_type = '${type}' AND ${isOwn('notes', 'n')}`;

/**
 * For each sample table, the sample rows something of the user's hangs on: the
 * user's opening at a sample company, their note on a sample interview, a
 * sample reference they used for their own opening. Those rows stay, as the
 * user's, so removing the sample never takes (or orphans) their work.
 */
const BUILT_ON: Record<MarkedTable, string[]> = {
  companies: [
    `SELECT o.company_id FROM openings o WHERE ${isOwn('openings', 'o')}`,
    `SELECT p.company_id FROM contacts p WHERE p.company_id IS NOT NULL AND ${isOwn('contacts', 'p')}`,
    `SELECT r.company_id FROM research_entries r WHERE ${isOwn('research_entries', 'r')}`,
    noteParents('company'),
  ],
  openings: [
    `SELECT i.opening_id FROM interviews i WHERE ${isOwn('interviews', 'i')}`,
    `SELECT l.opening_id FROM letters l WHERE ${isOwn('letters', 'l')}`,
    `SELECT t.opening_id FROM touchpoints t WHERE t.opening_id IS NOT NULL AND ${isOwn('touchpoints', 't')}`,
    `SELECT x.opening_id FROM opening_references x WHERE ${ownReferenceLink('x')}`,
    noteParents('opening'),
  ],
  interviews: [`SELECT l.interview_id FROM letters l WHERE l.interview_id IS NOT NULL AND ${isOwn('letters', 'l')}`, noteParents('interview')],
  contacts: [
    `SELECT l.contact_id FROM letters l WHERE l.contact_id IS NOT NULL AND ${isOwn('letters', 'l')}`,
    `SELECT t.contact_id FROM touchpoints t WHERE t.contact_id IS NOT NULL AND ${isOwn('touchpoints', 't')}`,
    `SELECT r.contact_id FROM "references" r WHERE r.contact_id IS NOT NULL AND ${isOwn('references', 'r')}`,
    // On the team of an interview that stays, or put on a team by the user.
    `SELECT x.contact_id FROM interview_team x JOIN interviews i ON i.id = x.interview_id WHERE ${isOwn('interviews', 'i')} OR ${ownTeamLink('x')}`,
    'SELECT c.contact_id FROM cards c',
    noteParents('contact'),
  ],
  letters: [`SELECT t.letter_id FROM touchpoints t WHERE t.letter_id IS NOT NULL AND ${isOwn('touchpoints', 't')}`],
  references: [`SELECT x.reference_id FROM opening_references x WHERE ${ownReferenceLink('x')}`],
  notes: [],
  research_entries: [],
  touchpoints: [],
};

export interface SampleRemoval {
  /** Sample rows deleted. */
  removed: number;
  /** Sample rows kept because the user's own work hangs on them; they are the user's now. */
  kept: number;
}

/**
 * The rows of the optional sample vault: whatever `write` adds, in one
 * transaction, is marked, and can be removed later without touching a single
 * row of the user's, nor a sample row the user changed.
 */
export function createSampleRows(db: Db) {
  const count = db.prepare<[], { n: number }>(
    `SELECT COUNT(*) AS n FROM sample_rows WHERE table_name IN (${MARKED_TABLES.map((table) => `'${table}'`).join(', ')})`,
  );
  // Links left between rows that stayed are the user's now.
  const forgetLinks = db.prepare(`DELETE FROM sample_rows WHERE table_name IN (${LINKS.map(({ table }) => `'${table}'`).join(', ')})`);
  const lastRowId = MARKED_TABLES.map((table) => db.prepare<[], { n: number }>(`SELECT coalesce(max(rowid), 0) AS n FROM "${table}"`));
  const markNewer = MARKED_TABLES.map((table) =>
    db.prepare<[number]>(`INSERT OR IGNORE INTO sample_rows (table_name, row_id) SELECT '${table}', id FROM "${table}" WHERE rowid > ?`),
  );
  // Link tables may have no rowid: the pairs already there are remembered instead.
  const linkPairs = LINKS.map(({ table, pair }) => db.prepare<[], { pair: string }>(`SELECT ${pair[0]} || '/' || ${pair[1]} AS pair FROM ${table}`));
  const markLink = db.prepare<{ tableName: string; rowId: string }>(insertSql(sampleRowsTable, { keys: ['tableName', 'rowId'], then: 'ON CONFLICT DO NOTHING' }));
  const unmarkBuiltOn = MARKED_TABLES.flatMap((table) =>
    BUILT_ON[table].map((parents) => db.prepare(`DELETE FROM sample_rows WHERE table_name = '${table}' AND row_id IN (${parents})`)),
  );
  // As the sample leaves each row, so that a row the user changed later (its updated_at moved) is theirs.
  const rememberLoaded = MARKED_TABLES.map((table) =>
    db.prepare(`UPDATE sample_rows SET loaded_at = (SELECT t.updated_at FROM "${table}" t WHERE t.id = sample_rows.row_id) WHERE table_name = '${table}'`),
  );
  const unmarkChanged = MARKED_TABLES.map((table) =>
    db.prepare(`
      DELETE FROM sample_rows WHERE table_name = '${table}'
        AND (loaded_at IS NULL OR loaded_at IS NOT (SELECT t.updated_at FROM "${table}" t WHERE t.id = sample_rows.row_id))`),
  );
  const deleteMarked = DELETE_ORDER.map((table) =>
    db.prepare(`DELETE FROM "${table}" WHERE id IN (SELECT row_id FROM sample_rows WHERE table_name = '${table}')`),
  );

  const load = db.transaction((write: () => void) => {
    if (count.get()!.n > 0) throw new AppError('CONFLICT', 'The sample data is already in your vault.');
    // Tables are rowid tables: whatever this transaction inserts gets a rowid above today's highest.
    const before = lastRowId.map((statement) => statement.get()!.n);
    const linksBefore = linkPairs.map((statement) => new Set(statement.all().map((row) => row.pair)));
    write();
    markNewer.forEach((statement, index) => statement.run(before[index]!));
    linkPairs.forEach((statement, index) => {
      for (const { pair } of statement.all()) if (!linksBefore[index]!.has(pair)) markLink.run({ tableName: LINKS[index]!.table, rowId: pair });
    });
    for (const statement of rememberLoaded) statement.run();
    return { rows: count.get()!.n };
  });

  const remove = db.transaction((): SampleRemoval => {
    const marked = count.get()!.n;
    if (marked === 0) throw new AppError('NOT_FOUND', 'There is no sample data left to remove.');
    // A sample row the user changed is theirs now, like a row they made.
    let unmarked = 0;
    for (const statement of unmarkChanged) unmarked += statement.run().changes;
    // Keeping a row can make its parent needed too (a note on a sample interview keeps the interview, which keeps its opening).
    for (;;) {
      let round = 0;
      for (const statement of unmarkBuiltOn) round += statement.run().changes;
      if (round === 0) break;
      unmarked += round;
    }
    let removed = 0;
    for (const statement of deleteMarked) removed += statement.run().changes;
    forgetLinks.run();
    return { removed, kept: unmarked };
  });

  return {
    /** How many sample rows the vault holds (the banner shows while there are any). */
    rows: (): number => count.get()!.n,
    /** Runs `write` (which adds the sample through the app's own channels) and marks every row it added. */
    load: (write: () => void): { rows: number } => load(write),
    remove: (): SampleRemoval => remove(),
  };
}
export type SampleRows = ReturnType<typeof createSampleRows>;
