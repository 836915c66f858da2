import { randomUUID } from 'node:crypto';
import type { ContactChannel } from '#shared/domain/fields';
import type { TouchpointKind, TouchpointView } from '#shared/domain/touchpoint';
import { AppError } from '#core/errors';
import type { Db } from '../connection';
import { contactsTable } from '../tables/contacts';
import { interviewsTable } from '../tables/interviews';
import { live, liveParents, notTrashed } from '../tables/live';
import { insertSql, selectList } from '../tables/sql';
import { touchpointsTable } from '../tables/touchpoints';

export { TOUCHPOINT_KINDS, type TouchpointKind } from '#shared/domain/touchpoint';

export interface NewTouchpoint {
  openingId: string | null;
  contactId: string | null;
  channel: ContactChannel;
  direction: 'inbound' | 'outbound';
  kind: TouchpointKind;
  occurredAt: string;
  summary: string;
  /** The letter this contact sent, when it was one. */
  letterId: string | null;
  /** The e-mail it was captured from: a message is logged once. */
  messageId?: string | null;
}

export interface Touchpoint extends NewTouchpoint {
  id: string;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = selectList(touchpointsTable);

/** A touchpoint with the names a list shows; hidden with its opening or, for contact-only ones, its contact. */
const VIEW = `
  SELECT t.id, t.opening_id AS openingId, t.contact_id AS contactId, ct.name AS contactName,
    CASE WHEN o.id IS NULL THEN NULL ELSE o.role || ' at ' || co.name END AS openingName,
    t.channel, t.direction, t.kind, t.occurred_at AS occurredAt, t.summary, t.letter_id AS letterId, t.created_at AS createdAt
  FROM touchpoints t
    LEFT JOIN contacts ct ON ct.id = t.contact_id AND ${live(contactsTable, 'ct')}
    LEFT JOIN openings o ON o.id = t.opening_id
    LEFT JOIN companies co ON co.id = o.company_id
  WHERE ${live(touchpointsTable, 't', { openingId: 'o' })}`;
const NEWEST_FIRST = 'ORDER BY t.occurred_at DESC, t.id';

/** The log of every contact with an employer: what was said, on which channel, which way. */
export function createTouchpointsRepository(db: Db) {
  const insert = db.prepare(insertSql(touchpointsTable, { values: { messageId: '@messageId' } }));
  // Deleted ones count: a message the user put in the trash is not logged again.
  const byMessage = db.prepare<[string], { id: string }>('SELECT id FROM touchpoints WHERE message_id = ?');
  const ofOpening = db.prepare<[string], Touchpoint>(`
    SELECT ${COLUMNS} FROM touchpoints t WHERE t.opening_id = ? AND ${notTrashed(touchpointsTable)} ${NEWEST_FIRST}`);
  const viewsOfOpening = db.prepare<[string], TouchpointView>(`${VIEW} AND t.opening_id = ? ${NEWEST_FIRST}`);
  const viewsOfContact = db.prepare<[string], TouchpointView>(`${VIEW} AND t.contact_id = ? ${NEWEST_FIRST}`);
  const viewsOfBoth = db.prepare<{ openingId: string; contactId: string }, TouchpointView>(
    `${VIEW} AND t.opening_id = @openingId AND t.contact_id = @contactId ${NEWEST_FIRST}`,
  );
  const viewById = db.prepare<[string], TouchpointView>(`${VIEW} AND t.id = ?`);
  const markDeleted = db.prepare(`UPDATE touchpoints AS t SET deleted_at = @now, updated_at = @now WHERE t.id = @id AND ${live(touchpointsTable)}`);
  // Back from the trash only while its opening is not there itself.
  const unmarkDeleted = db.prepare(`
    UPDATE touchpoints AS t SET deleted_at = NULL, updated_at = @now
    WHERE t.id = @id AND t.deleted_at IS NOT NULL AND ${liveParents(touchpointsTable) ?? '1'}`);
  const lastInterviewEnd = db.prepare<{ openingId: string; now: string }, { at: string | null }>(`
    SELECT MAX(i.ends_at) AS at FROM interviews i WHERE i.opening_id = @openingId AND ${notTrashed(interviewsTable)} AND i.ends_at <= @now`);

  const notFound = () => new AppError('NOT_FOUND', 'This touchpoint no longer exists.');

  return {
    /** Call inside the transaction of what the touchpoint records. */
    create(input: NewTouchpoint, now: string): Touchpoint {
      const id = randomUUID();
      insert.run({ ...input, messageId: input.messageId ?? null, id, now });
      return { ...input, id, createdAt: now, updatedAt: now };
    },
    /** Whether a touchpoint (in the trash or not) was logged from this e-mail. */
    loggedFrom: (messageId: string): boolean => byMessage.get(messageId) !== undefined,
    /** Newest first. */
    listOfOpening: (openingId: string): Touchpoint[] => ofOpening.all(openingId),
    /** Newest first, with names; by opening, by contact, or both. */
    views(filter: { openingId?: string; contactId?: string }): TouchpointView[] {
      if (filter.openingId && filter.contactId) return viewsOfBoth.all({ openingId: filter.openingId, contactId: filter.contactId });
      if (filter.openingId) return viewsOfOpening.all(filter.openingId);
      return filter.contactId ? viewsOfContact.all(filter.contactId) : [];
    },
    view(id: string): TouchpointView {
      const view = viewById.get(id);
      if (!view) throw notFound();
      return view;
    },
    /** Hides the touchpoint; `restore` brings it back (the undo of a deletion). */
    softDelete(id: string, now: string): { id: string; deletedAt: string } {
      if (markDeleted.run({ id, now }).changes === 0) throw notFound();
      return { id, deletedAt: now };
    },
    restore(id: string, now: string): TouchpointView {
      if (unmarkDeleted.run({ id, now }).changes === 0) throw notFound();
      return viewById.get(id)!;
    },
    /** When the last interview so far ended: the start of the wait for an answer. */
    lastInterviewEnd: (openingId: string, now: string): string | null => lastInterviewEnd.get({ openingId, now })?.at ?? null,
  };
}
export type TouchpointsRepository = ReturnType<typeof createTouchpointsRepository>;
