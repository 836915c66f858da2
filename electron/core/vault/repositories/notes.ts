import { randomUUID } from 'node:crypto';
import { EMPTY_DOC, MAX_NOTE_JSON_CHARS, type DocNode, type Note, type NoteParent, type NoteSummary } from '#shared/domain/note';
import type { Deleted } from '#shared/domain/trash';
import { EXCERPT_SOURCE_CHARS, excerptOf, plainTextOf } from '#core/documents/plain-text';
import { withSafeLinks } from '#core/documents/safe-links';
import { AppError } from '#core/errors';
import type { Db } from '../connection';
import { live, liveParents, notTrashed } from '../tables/live';
import { notesTable } from '../tables/notes';
import { insertSql, rowDefaults, rowReader, selectList, updateSql } from '../tables/sql';
import { missing } from '../missing';

export interface NewNote {
  parentType: NoteParent;
  parentId: string;
  title: string;
}

export interface NoteSave {
  id: string;
  title: string;
  doc: DocNode;
}

interface SummaryRow extends Omit<NoteSummary, 'excerpt'> {
  excerptSource: string;
}

/** A list shows the note without its document, and the start of its text (computed here, not stored) for the excerpt. */
const SUMMARY_COLUMNS = `${selectList(notesTable, 'n', notesTable.rowKeysWithout('doc', 'revision'))},
  substr(n.${notesTable.sql('plainText')}, 1, ${EXCERPT_SOURCE_CHARS}) AS excerptSource`;
const NOTE_COLUMNS = selectList(notesTable, 'n');
const readNote = rowReader(notesTable);
/** A new note's text is empty until its first save. */
const NEW_NOTE = { ...rowDefaults(notesTable), doc: JSON.stringify(EMPTY_DOC) };
const MAX_MENTIONS = 20;

/** Matches the text literally: %, _ and the escape character lose their LIKE meaning. */
export function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function toSummary({ excerptSource, ...row }: SummaryRow): NoteSummary {
  return { ...row, excerpt: excerptOf(excerptSource) };
}

export function createNotesRepository(db: Db) {
  const parentIsLive = db.prepare<{ parentType: string; parentId: string }, { live: number }>(
    `SELECT ${liveParents(notesTable, 'x')} AS live FROM (SELECT @parentType AS parent_type, @parentId AS parent_id) x`,
  );
  const insert = db.prepare(insertSql(notesTable, { values: { plainText: "''" } }));
  const byId = db.prepare<[string], object>(`SELECT ${NOTE_COLUMNS} FROM notes n WHERE n.id = ? AND ${live(notesTable, 'n')}`);
  // One statement that writes and answers: a save never re-reads the note.
  const save = db.prepare<{ id: string; title: string; doc: string; plainText: string; now: string }, { revision: number }>(
    updateSql(notesTable, { set: { revision: 'revision + 1' }, alias: 'n', where: notTrashed(notesTable)!, returning: 'revision' }),
  );
  const markDeleted = db.prepare(`UPDATE notes AS n SET deleted_at = @now WHERE n.id = @id AND ${live(notesTable, 'n')}`);
  const ofParent = db.prepare<{ parentType: string; parentId: string }, SummaryRow>(`
    SELECT ${SUMMARY_COLUMNS} FROM notes n
    WHERE n.parent_type = @parentType AND n.parent_id = @parentId AND ${notTrashed(notesTable)}
    ORDER BY n.created_at DESC, n.id`);
  const mentioning = db.prepare<{ pattern: string; contactId: string }, SummaryRow>(`
    SELECT ${SUMMARY_COLUMNS} FROM notes n
    WHERE n.plain_text LIKE @pattern ESCAPE '\\' AND NOT (n.parent_type = 'contact' AND n.parent_id = @contactId)
      AND ${live(notesTable, 'n')}
    ORDER BY n.updated_at DESC, n.id
    LIMIT ${MAX_MENTIONS}`);

  const create = db.transaction((input: NewNote, now: string): Note => {
    if (!parentIsLive.get(input)?.live) throw missing(input.parentType);
    const id = randomUUID();
    insert.run({ ...NEW_NOTE, ...input, id, now });
    return readNote(byId.get(id)!);
  });

  const saveNote = db.transaction((input: NoteSave, now: string) => {
    const doc = withSafeLinks(input.doc);
    const json = JSON.stringify(doc);
    if (json.length > MAX_NOTE_JSON_CHARS) {
      throw new AppError('INVALID_INPUT', 'This note is too long to save. Move part of it into a new note and try again.', 'doc');
    }
    const saved = save.get({ id: input.id, title: input.title, doc: json, plainText: plainTextOf(doc), now });
    if (!saved) throw missing('note');
    return { id: input.id, revision: saved.revision, updatedAt: now };
  });

  const softDelete = db.transaction((id: string, now: string): Deleted => {
    if (markDeleted.run({ id, now }).changes === 0) throw missing('note');
    return { kind: 'note', id, deletedAt: now };
  });

  return {
    create,
    save: saveNote,
    softDelete,
    get(id: string): Note {
      const row = byId.get(id);
      if (!row) throw missing('note');
      return readNote(row);
    },
    /** Newest first, by creation: an autosaving note does not jump around the list. */
    summariesOf: (parentType: NoteParent, parentId: string): NoteSummary[] => ofParent.all({ parentType, parentId }).map(toSummary),
    /** Other visible notes whose text contains the name, most recently edited first. */
    mentioning: (name: string, contactId: string): NoteSummary[] =>
      mentioning.all({ pattern: likeContaining(name), contactId }).map(toSummary),
  };
}
export type NotesRepository = ReturnType<typeof createNotesRepository>;
