import { randomUUID } from 'node:crypto';
import type { TouchpointView } from '#shared/domain/touchpoint';
import { AppError } from '#core/errors';
import type { Db } from '../connection';
import { contactsTable } from '../tables/contacts';
import { interviewsTable } from '../tables/interviews';
import { live, liveParents, notTrashed } from '../tables/live';
import { insertSql, rowDefaults, selectList } from '../tables/sql';
import type { Row } from '../tables/table';
import { touchpointsTable } from '../tables/touchpoints';

export { TOUCHPOINT_KINDS, type TouchpointKind } from '#shared/domain/touchpoint';

export type Touchpoint = Row<typeof touchpointsTable>;

export type NewTouchpoint = Omit<Touchpoint, 'id' | 'createdAt' | 'updatedAt'> & {
  /** The e-mail it was captured from: a message is logged once. */
  messageId?: string | null;
};

const COLUMNS = selectList(touchpointsTable);

/** A touchpoint with the names a list shows; hidden with its opening or, for contact-only ones, its contact. */
const VIEW = `
  SELECT ${selectList(touchpointsTable, 't', touchpointsTable.rowKeysWithout('updatedAt'))}, ct.name AS contactName,
    CASE WHEN o.id IS NULL THEN NULL ELSE o.role || ' at ' || co.name END AS openingName
  FROM touchpoints t
    LEFT JOIN contacts ct ON ct.id = t.contact_id AND ${live(contactsTable, 'ct')}
    LEFT JOIN openings o ON o.id = t.opening_id
    LEFT JOIN companies co ON co.id = o.company_id
  WHERE ${live(touchpointsTable, 't', { openingId: 'o' })}`;
const NEWEST_FIRST = 'ORDER BY t.occurred_at DESC, t.id';

const NEW_TOUCHPOINT = rowDefaults(touchpointsTable);

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
      const { messageId = null, ...fields } = input;
      insert.run({ ...NEW_TOUCHPOINT, ...fields, messageId, id, now });
      return { ...NEW_TOUCHPOINT, ...fields, id, createdAt: now, updatedAt: now } as Touchpoint;
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
