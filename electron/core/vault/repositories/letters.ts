import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  Letter,
  LetterKind,
  letterSaveSchema,
  LetterSummary,
  letterTrackSchema,
  markPostedSchema,
  markSentSchema,
} from '#shared/domain/letter';
import { letterClock } from '#shared/domain/countdown';
import { MAX_NOTE_JSON_CHARS, type DocNode } from '#shared/domain/note';
import type { PlaybookSettings } from '#shared/domain/playbook';
import type { Deleted } from '#shared/domain/trash';
import { DAY_MS } from '#shared/domain/zoned-time';
import { withSafeLinks } from '#core/documents/safe-links';
import { AppError } from '#core/errors';
import { docToPlainText } from '#core/export/doc-html';
import type { Db } from '../connection';
import { contactsTable } from '../tables/contacts';
import { lettersTable } from '../tables/letters';
import { live, notTrashed } from '../tables/live';
import { openingsTable } from '../tables/openings';
import { insertSql, rowDefaults, rowReader, selectList, updateSql } from '../tables/sql';
import { missing } from '../missing';
import type { TouchpointsRepository } from './touchpoints';

export type LetterSave = z.output<typeof letterSaveSchema>;
export type MarkSent = z.output<typeof markSentSchema>;
export type LetterTrack = z.output<typeof letterTrackSchema>;
export type MarkPosted = z.output<typeof markPostedSchema>;

/** A letter as drafted by the core: from a template, to one person. */
export interface NewLetter {
  kind: LetterKind;
  openingId: string;
  interviewId: string | null;
  contactId: string | null;
  recipientName: string;
  recipientTitle: string | null;
  recipientEmail: string | null;
  subject: string;
  doc: DocNode;
  startedAt: string;
  dueAt: string;
  templateId: string | null;
}

/** A thank-you note of an interview, deleted or not, as the team-change rules see it. */
export interface ThankYouRow {
  id: string;
  contactId: string | null;
  revision: number;
  sent: boolean;
  deleted: boolean;
}

// The e-mail follows the contact (a card collected later fills it in); name and
// title stay as they were written on the letter.
const CURRENT_EMAIL = { recipientEmail: 'coalesce(p.email, l.recipient_email)' };
const OPENING_NAMES = `${selectList(openingsTable, 'o', ['role'])}, c.name AS companyName`;
/** A list shows letters without their text. */
const SUMMARY_COLUMNS = `${selectList(lettersTable, 'l', lettersTable.rowKeysWithout('doc', 'revision'), CURRENT_EMAIL)}, ${OPENING_NAMES}`;
const LETTER_COLUMNS = `${selectList(lettersTable, 'l', lettersTable.rowKeys(), CURRENT_EMAIL)}, ${OPENING_NAMES}`;
const readLetter = rowReader<typeof lettersTable, Pick<Letter, 'role' | 'companyName'>>(lettersTable);
/** A new letter is a draft nobody has touched (revision 0), not sent, not posted. */
const NEW_LETTER = rowDefaults(lettersTable);
const FROM_LIVE_LETTERS = `FROM letters l JOIN openings o ON o.id = l.opening_id JOIN companies c ON c.id = o.company_id
  LEFT JOIN contacts p ON p.id = l.contact_id AND ${live(contactsTable)}
  WHERE ${live(lettersTable, 'l')}`;
// Unsent first, the most urgent on top; then what was sent, newest first.
const ORDER = 'ORDER BY l.sent_at IS NOT NULL, CASE WHEN l.sent_at IS NULL THEN l.due_at END, l.sent_at DESC, l.id';

function storedBody(doc: DocNode): { doc: string; plainText: string } {
  const safe = withSafeLinks(doc);
  const json = JSON.stringify(safe);
  if (json.length > MAX_NOTE_JSON_CHARS) {
    throw new AppError('INVALID_INPUT', 'This letter is too long to save. Shorten it and try again.', 'doc');
  }
  return { doc: json, plainText: docToPlainText(safe) };
}

export function createLettersRepository(db: Db, touchpoints: TouchpointsRepository) {
  const insert = db.prepare(insertSql(lettersTable, { values: { plainText: '@plainText', templateId: '@templateId' } }));
  const summaries = db.prepare<{ openingId: string | null; interviewId: string | null }, LetterSummary>(`
    SELECT ${SUMMARY_COLUMNS} ${FROM_LIVE_LETTERS}
      AND (@openingId IS NULL OR l.opening_id = @openingId) AND (@interviewId IS NULL OR l.interview_id = @interviewId)
    ${ORDER}`);
  const summaryById = db.prepare<[string], LetterSummary>(`SELECT ${SUMMARY_COLUMNS} ${FROM_LIVE_LETTERS} AND l.id = ?`);
  const letterById = db.prepare<[string], object>(`SELECT ${LETTER_COLUMNS} ${FROM_LIVE_LETTERS} AND l.id = ?`);
  // One statement that writes and answers; a sent letter may be corrected but stays sent.
  const save = db.prepare<{ id: string; subject: string; doc: string; plainText: string; status: string | null; now: string }, { revision: number }>(
    updateSql(lettersTable, {
      set: { revision: 'revision + 1', status: "CASE WHEN status = 'sent' THEN 'sent' ELSE coalesce(@status, status) END" },
      alias: 'l',
      where: live(lettersTable, 'l'),
      returning: 'revision',
    }),
  );
  const markSent = db.prepare(`
    UPDATE letters SET status = 'sent', sent_at = @sentAt, sent_channel = @channel, updated_at = @now WHERE id = @id`);
  const setMailBy = db.prepare(`
    UPDATE letters SET mail_by = @mailBy, posted_at = CASE WHEN @mailBy IS NULL THEN NULL ELSE posted_at END, updated_at = @now
    WHERE id = @id`);
  const setPosted = db.prepare('UPDATE letters SET posted_at = @postedAt, updated_at = @now WHERE id = @id');
  const markDeleted = db.prepare(`UPDATE letters AS l SET deleted_at = @now WHERE l.id = @id AND ${live(lettersTable, 'l')}`);
  const thankYouRows = db.prepare<[string], Omit<ThankYouRow, 'sent' | 'deleted'> & { sent: number; deleted: number }>(`
    SELECT ${selectList(lettersTable, 'l', ['id', 'contactId', 'revision'])}, sent_at IS NOT NULL AS sent, deleted_at IS NOT NULL AS deleted
    FROM letters l WHERE interview_id = ? AND kind = 'thank_you'
    ORDER BY deleted_at IS NOT NULL, deleted_at DESC, created_at DESC, id`);
  const undelete = db.prepare('UPDATE letters SET deleted_at = NULL, updated_at = @now WHERE id = @id');
  const retime = db.prepare(`
    UPDATE letters SET started_at = @startedAt, due_at = @dueAt, updated_at = @now
    WHERE interview_id = @interviewId AND kind = 'thank_you' AND sent_at IS NULL`);
  const redraft = db.prepare(updateSql(lettersTable, { where: 'revision = 0 AND sent_at IS NULL' }));
  const removeUntouched = db.prepare(`UPDATE letters AS l SET deleted_at = @now WHERE l.id = @id AND l.revision = 0 AND l.sent_at IS NULL AND ${notTrashed(lettersTable)}`);
  const unsentClocks = db.prepare<[], { id: string; kind: LetterKind; startedAt: string; dueAt: string }>(
    `SELECT ${selectList(lettersTable, 'l', ['id', 'kind', 'startedAt', 'dueAt'])} FROM letters l WHERE l.sent_at IS NULL`,
  );
  const setDue = db.prepare('UPDATE letters SET due_at = @dueAt WHERE id = @id');
  const rejectionOf = db.prepare<[string], { id: string }>(`
    SELECT l.id FROM letters l WHERE l.opening_id = ? AND l.kind = 'rejection' AND ${live(lettersTable, 'l')}
    ORDER BY l.created_at DESC, l.id LIMIT 1`);

  function summary(id: string): LetterSummary {
    const row = summaryById.get(id);
    if (!row) throw missing('letter');
    return row;
  }

  const markLetterSent = db.transaction((input: MarkSent, now: string): LetterSummary => {
    const letter = summary(input.id);
    if (letter.sentAt) {
      throw new AppError('CONFLICT', `This letter was already marked as sent (${letter.sentAt.slice(0, 10)}).`);
    }
    const sentAt = input.sentAt ? new Date(input.sentAt).toISOString() : now;
    if (Date.parse(sentAt) > Date.parse(now)) {
      throw new AppError('INVALID_INPUT', 'The time it was sent cannot be in the future.', 'sentAt');
    }
    markSent.run({ id: input.id, sentAt, channel: input.channel, now });
    touchpoints.create(
      {
        openingId: letter.openingId,
        contactId: letter.contactId,
        channel: input.channel,
        direction: 'outbound',
        kind: letter.kind === 'thank_you' ? 'thank_you' : 'rejection_reply',
        occurredAt: sentAt,
        summary: letter.subject || `Letter to ${letter.recipientName}`,
        letterId: letter.id,
      },
      now,
    );
    return summary(input.id);
  });

  const setTrack = db.transaction((input: LetterTrack, mailByDays: number, now: string): LetterSummary => {
    const letter = summary(input.id);
    if (input.enabled === (letter.mailBy !== null)) return letter;
    // Whole days as absolute time, counted from when the e-mail went (or now, if not yet).
    const mailBy = input.enabled ? new Date(Date.parse(letter.sentAt ?? now) + mailByDays * DAY_MS).toISOString() : null;
    setMailBy.run({ id: input.id, mailBy, now });
    return summary(input.id);
  });

  const markPosted = db.transaction((input: MarkPosted, now: string): LetterSummary => {
    const letter = summary(input.id);
    if (input.posted && letter.mailBy === null) {
      throw new AppError('CONFLICT', 'Turn on the handwritten letter for this note before marking it posted.');
    }
    if (input.posted !== (letter.postedAt !== null)) setPosted.run({ id: input.id, postedAt: input.posted ? now : null, now });
    return summary(input.id);
  });

  const softDelete = db.transaction((id: string, now: string): Deleted => {
    if (markDeleted.run({ id, now }).changes === 0) throw missing('letter');
    return { kind: 'letter', id, deletedAt: now };
  });

  return {
    /** Call inside the transaction of the change that calls for the letter. */
    insert(letter: NewLetter, now: string): string {
      const id = randomUUID();
      insert.run({ ...NEW_LETTER, ...letter, ...storedBody(letter.doc), id, now });
      return id;
    },
    list: (filter: { openingId?: string; interviewId?: string } = {}): LetterSummary[] =>
      summaries.all({ openingId: filter.openingId ?? null, interviewId: filter.interviewId ?? null }),
    summary,
    require(id: string): Letter {
      const row = letterById.get(id);
      if (!row) throw missing('letter');
      return readLetter(row);
    },
    save: db.transaction((input: LetterSave, now: string) => {
      const saved = save.get({ id: input.id, subject: input.subject, ...storedBody(input.doc), status: input.status ?? null, now });
      if (!saved) throw missing('letter');
      return { id: input.id, revision: saved.revision, updatedAt: now };
    }),
    markSent: markLetterSent,
    setLetterTrack: setTrack,
    markPosted,
    softDelete,

    // What the thank-you rules need; each is called inside the interview's transaction.
    thankYouOf: (interviewId: string): ThankYouRow[] =>
      thankYouRows.all(interviewId).map((row) => ({ ...row, sent: row.sent === 1, deleted: row.deleted === 1 })),
    restore(id: string, now: string): void {
      undelete.run({ id, now });
    },
    /** Moves the clock of the interview's unsent notes (deleted ones too, so a restored note is right). */
    retime(interviewId: string, startedAt: string, dueAt: string, now: string): void {
      retime.run({ interviewId, startedAt, dueAt, now });
    },
    /** Rewrites a draft the user never touched, e.g. after the interview's date was corrected. */
    redraft(id: string, subject: string, doc: DocNode, now: string): void {
      redraft.run({ id, subject, ...storedBody(doc), now });
    },
    removeUntouched(id: string, now: string): void {
      removeUntouched.run({ id, now });
    },
    /**
     * Unsent letters (trashed ones too, so a restored one is right) follow the playbook as saved: each is due
     * that long after its own start (letterClock). Told by every settings save; returns how many moved.
     */
    followPlaybook: db.transaction((playbook: PlaybookSettings): number => {
      let moved = 0;
      for (const letter of unsentClocks.all()) {
        const dueAt = letterClock(letter, playbook).dueAt;
        if (dueAt !== letter.dueAt) moved += setDue.run({ id: letter.id, dueAt }).changes;
      }
      return moved;
    }),
    /** The opening's visible reply to a rejection, if one was drafted. */
    rejectionOf: (openingId: string): string | null => rejectionOf.get(openingId)?.id ?? null,
  };
}
export type LettersRepository = ReturnType<typeof createLettersRepository>;
