import type { TrashItem, TrashKind } from '#shared/domain/trash';
import { AppError } from '#core/errors';
import type { AttachmentStore } from '../attachments';
import type { Db } from '../connection';
import { openingsTable } from '../tables/openings';
import { selectList } from '../tables/sql';

const OPENING_LABEL = `c.name || ' · ' || o.role`;
const INTERVIEW_TITLE = `coalesce(i.title, 'Round ' || i.round || ' interview')`;

/** Everything marked deleted, with a readable title and where it was. */
const LIST_TRASH = `
  SELECT 'opening' AS kind, o.id, o.role AS title, c.name AS context, ${selectList(openingsTable, 'o', ['deletedAt'])}
  FROM openings o JOIN companies c ON c.id = o.company_id WHERE o.deleted_at IS NOT NULL
  UNION ALL
  SELECT 'interview', i.id, ${INTERVIEW_TITLE}, ${OPENING_LABEL}, i.deleted_at
  FROM interviews i JOIN openings o ON o.id = i.opening_id JOIN companies c ON c.id = o.company_id WHERE i.deleted_at IS NOT NULL
  UNION ALL
  SELECT 'contact', p.id, p.name, c.name, p.deleted_at
  FROM contacts p LEFT JOIN companies c ON c.id = p.company_id WHERE p.deleted_at IS NOT NULL
  UNION ALL
  SELECT 'note', n.id, n.title, CASE n.parent_type
      WHEN 'opening' THEN (SELECT ${OPENING_LABEL} FROM openings o JOIN companies c ON c.id = o.company_id WHERE o.id = n.parent_id)
      WHEN 'interview' THEN (SELECT ${OPENING_LABEL} || ' · ' || ${INTERVIEW_TITLE}
        FROM interviews i JOIN openings o ON o.id = i.opening_id JOIN companies c ON c.id = o.company_id WHERE i.id = n.parent_id)
      WHEN 'company' THEN (SELECT name FROM companies WHERE id = n.parent_id)
      WHEN 'contact' THEN (SELECT name FROM contacts WHERE id = n.parent_id)
    END, n.deleted_at
  FROM notes n WHERE n.deleted_at IS NOT NULL
  UNION ALL
  SELECT 'research', r.id, r.title, c.name, r.deleted_at
  FROM research_entries r JOIN companies c ON c.id = r.company_id WHERE r.deleted_at IS NOT NULL
  UNION ALL
  SELECT 'letter', l.id, CASE l.kind WHEN 'thank_you' THEN 'Thank-you note to ' ELSE 'Reply to ' END || l.recipient_name, ${OPENING_LABEL}, l.deleted_at
  FROM letters l JOIN openings o ON o.id = l.opening_id JOIN companies c ON c.id = o.company_id WHERE l.deleted_at IS NOT NULL
  UNION ALL
  SELECT 'reference', r.id, r.name, r.relationship, r.deleted_at FROM "references" r WHERE r.deleted_at IS NOT NULL
  UNION ALL
  SELECT 'card', k.id, k.original_name, p.name, k.deleted_at
  FROM cards k JOIN contacts p ON p.id = k.contact_id WHERE k.deleted_at IS NOT NULL
  ORDER BY deletedAt DESC, kind, id`;

const TABLES: Record<TrashKind, string> = {
  opening: 'openings',
  interview: 'interviews',
  contact: 'contacts',
  note: 'notes',
  research: 'research_entries',
  letter: 'letters',
  reference: '"references"',
  card: 'cards',
};

/** A parent still in the trash, which must come back before its child can. */
interface DeletedParent {
  kind: 'opening' | 'interview' | 'contact';
  title: string;
}
const PARENT_NAMES: Record<DeletedParent['kind'], string> = { opening: 'opening', interview: 'interview', contact: 'contact' };

export function createTrashRepository(db: Db, attachments: AttachmentStore) {
  const list = db.prepare<[], TrashItem>(LIST_TRASH);
  const restore = Object.fromEntries(
    Object.entries(TABLES).map(([kind, table]) => [kind, db.prepare(`UPDATE ${table} SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL`)]),
  ) as Record<TrashKind, ReturnType<Db['prepare']>>;

  const deletedOpeningOfInterview = db.prepare<[string], DeletedParent>(`
    SELECT 'opening' AS kind, ${OPENING_LABEL} AS title
    FROM interviews i JOIN openings o ON o.id = i.opening_id JOIN companies c ON c.id = o.company_id
    WHERE i.id = ? AND o.deleted_at IS NOT NULL`);
  const deletedParentOfNote = db.prepare<{ id: string }, DeletedParent>(`
    SELECT 'opening' AS kind, ${OPENING_LABEL} AS title
      FROM notes n JOIN openings o ON o.id = n.parent_id JOIN companies c ON c.id = o.company_id
      WHERE n.id = @id AND n.parent_type = 'opening' AND o.deleted_at IS NOT NULL
    UNION ALL
    SELECT 'interview', ${OPENING_LABEL} || ' · ' || ${INTERVIEW_TITLE}
      FROM notes n JOIN interviews i ON i.id = n.parent_id JOIN openings o ON o.id = i.opening_id JOIN companies c ON c.id = o.company_id
      WHERE n.id = @id AND n.parent_type = 'interview' AND i.deleted_at IS NOT NULL
    UNION ALL
    SELECT 'opening', ${OPENING_LABEL}
      FROM notes n JOIN interviews i ON i.id = n.parent_id JOIN openings o ON o.id = i.opening_id JOIN companies c ON c.id = o.company_id
      WHERE n.id = @id AND n.parent_type = 'interview' AND i.deleted_at IS NULL AND o.deleted_at IS NOT NULL
    UNION ALL
    SELECT 'contact', p.name
      FROM notes n JOIN contacts p ON p.id = n.parent_id
      WHERE n.id = @id AND n.parent_type = 'contact' AND p.deleted_at IS NOT NULL`);

  const deletedParentOfLetter = db.prepare<[string, string], DeletedParent>(`
    SELECT 'opening' AS kind, ${OPENING_LABEL} AS title
      FROM letters l JOIN openings o ON o.id = l.opening_id JOIN companies c ON c.id = o.company_id
      WHERE l.id = ? AND o.deleted_at IS NOT NULL
    UNION ALL
    SELECT 'interview', ${OPENING_LABEL} || ' · ' || ${INTERVIEW_TITLE}
      FROM letters l JOIN interviews i ON i.id = l.interview_id JOIN openings o ON o.id = i.opening_id JOIN companies c ON c.id = o.company_id
      WHERE l.id = ? AND i.deleted_at IS NOT NULL AND o.deleted_at IS NULL`);

  const deletedContactOfCard = db.prepare<[string], DeletedParent>(`
    SELECT 'contact' AS kind, p.name AS title FROM cards k JOIN contacts p ON p.id = k.contact_id WHERE k.id = ? AND p.deleted_at IS NOT NULL`);

  const countTrash = db.prepare<[], { n: number }>(
    `SELECT ${Object.values(TABLES).map((table) => `(SELECT COUNT(*) FROM ${table} WHERE deleted_at IS NOT NULL)`).join(' + ')} AS n`,
  );
  // Cards in the trash themselves, and those going with a contact in the trash.
  const cardFilesInTrash = db.prepare<[], { fileName: string }>(
    'SELECT file_name AS fileName FROM cards WHERE deleted_at IS NOT NULL OR contact_id IN (SELECT id FROM contacts WHERE deleted_at IS NOT NULL)',
  );
  // Children first; cascades and triggers take interviews, team rows, cards
  // and notes along with their parents. Touchpoints are hidden by their own
  // undo rather than listed here, but go for good with everything else.
  const purge = ['cards', 'notes', 'research_entries', 'letters', 'touchpoints', '"references"', 'interviews', 'contacts', 'openings'].map((table) =>
    db.prepare(`DELETE FROM ${table} WHERE deleted_at IS NOT NULL`),
  );
  // Deleted rows leave their words in the search index's old segments until they merge: merged now.
  const mergeSearchIndex = ['search_fts', 'search_titles'].map((table) => db.prepare(`INSERT INTO ${table} (${table}) VALUES ('optimize')`));

  function deletedParentOf(kind: TrashKind, id: string): DeletedParent | undefined {
    if (kind === 'interview') return deletedOpeningOfInterview.get(id);
    if (kind === 'note') return deletedParentOfNote.get({ id });
    if (kind === 'letter') return deletedParentOfLetter.get(id, id);
    if (kind === 'card') return deletedContactOfCard.get(id);
    return undefined;
  }

  const restoreItem = db.transaction((kind: TrashKind, id: string) => {
    const parent = deletedParentOf(kind, id);
    if (parent) {
      throw new AppError(
        'CONFLICT',
        `This ${kind} belongs to the ${PARENT_NAMES[parent.kind]} “${parent.title}”, which is in the trash too. Restore that first.`,
      );
    }
    if (restore[kind].run(id).changes === 0) throw new AppError('NOT_FOUND', 'That item is not in the trash any more.');
    return { kind, id };
  });

  const purgeAll = db.transaction(() => {
    const removed = countTrash.get()!.n;
    const files = cardFilesInTrash.all().map((row) => row.fileName);
    let deleted = 0;
    for (const statement of purge) deleted += statement.run().changes;
    return { removed, files, deleted };
  });

  return {
    /** Newest deletion first. */
    list: (): TrashItem[] => list.all(),
    restore: restoreItem,
    /**
     * Deletes for good: the connection zeroes what it deletes (secure_delete,
     * set when the vault opens), the search index is merged so no deleted word
     * lingers in it, and the write-ahead log is emptied into the file, so
     * nothing of the deleted items stays readable on disk. Card photos are
     * removed only once the rows are gone for sure.
     */
    empty(): { removed: number } {
      const { removed, files, deleted } = purgeAll();
      if (deleted > 0) {
        for (const statement of mergeSearchIndex) statement.run();
        db.pragma('wal_checkpoint(TRUNCATE)');
      }
      for (const file of files) {
        try {
          attachments.remove(file);
        } catch {
          // A file that cannot be removed (or a tampered name) must not undo the emptied trash.
        }
      }
      return { removed };
    },
  };
}
export type TrashRepository = ReturnType<typeof createTrashRepository>;
