import { randomUUID } from 'node:crypto';
import type { ContactChannel } from '../../../../shared/domain/fields';
import type { TouchpointKind, TouchpointView } from '../../../../shared/domain/touchpoint';
import { AppError } from '../../errors';
import type { Db } from '../connection';

export { TOUCHPOINT_KINDS, type TouchpointKind } from '../../../../shared/domain/touchpoint';

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
}

export interface Touchpoint extends NewTouchpoint {
  id: string;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = `id, opening_id AS openingId, contact_id AS contactId, channel, direction, kind, occurred_at AS occurredAt,
  summary, letter_id AS letterId, created_at AS createdAt, updated_at AS updatedAt`;

/** A touchpoint with the names a list shows; hidden with its opening or, for contact-only ones, its contact. */
const VIEW = `
  SELECT t.id, t.opening_id AS openingId, t.contact_id AS contactId, ct.name AS contactName,
    CASE WHEN o.id IS NULL THEN NULL ELSE o.role || ' at ' || co.name END AS openingName,
    t.channel, t.direction, t.kind, t.occurred_at AS occurredAt, t.summary, t.letter_id AS letterId, t.created_at AS createdAt
  FROM touchpoints t
    LEFT JOIN contacts ct ON ct.id = t.contact_id AND ct.deleted_at IS NULL
    LEFT JOIN openings o ON o.id = t.opening_id AND o.deleted_at IS NULL
    LEFT JOIN companies co ON co.id = o.company_id
  WHERE t.deleted_at IS NULL AND (t.opening_id IS NULL OR o.id IS NOT NULL)`;
const NEWEST_FIRST = 'ORDER BY t.occurred_at DESC, t.id';

/** The log of every contact with an employer: what was said, on which channel, which way. */
export function createTouchpointsRepository(db: Db) {
  const insert = db.prepare(`
    INSERT INTO touchpoints (id, opening_id, contact_id, channel, direction, kind, occurred_at, summary, letter_id, created_at, updated_at)
    VALUES (@id, @openingId, @contactId, @channel, @direction, @kind, @occurredAt, @summary, @letterId, @now, @now)`);
  const ofOpening = db.prepare<[string], Touchpoint>(`
    SELECT ${COLUMNS} FROM touchpoints WHERE opening_id = ? AND deleted_at IS NULL ORDER BY occurred_at DESC, id`);
  const viewsOfOpening = db.prepare<[string], TouchpointView>(`${VIEW} AND t.opening_id = ? ${NEWEST_FIRST}`);
  const viewsOfContact = db.prepare<[string], TouchpointView>(`${VIEW} AND t.contact_id = ? ${NEWEST_FIRST}`);
  const viewsOfBoth = db.prepare<{ openingId: string; contactId: string }, TouchpointView>(
    `${VIEW} AND t.opening_id = @openingId AND t.contact_id = @contactId ${NEWEST_FIRST}`,
  );
  const viewById = db.prepare<[string], TouchpointView>(`${VIEW} AND t.id = ?`);
  const markDeleted = db.prepare(`
    UPDATE touchpoints SET deleted_at = @now, updated_at = @now
    WHERE id = @id AND deleted_at IS NULL AND (opening_id IS NULL OR opening_id IN (SELECT id FROM openings WHERE deleted_at IS NULL))`);
  const unmarkDeleted = db.prepare(`
    UPDATE touchpoints SET deleted_at = NULL, updated_at = @now
    WHERE id = @id AND deleted_at IS NOT NULL AND (opening_id IS NULL OR opening_id IN (SELECT id FROM openings WHERE deleted_at IS NULL))`);
  const lastInterviewEnd = db.prepare<{ openingId: string; now: string }, { at: string | null }>(`
    SELECT MAX(ends_at) AS at FROM interviews WHERE opening_id = @openingId AND deleted_at IS NULL AND ends_at <= @now`);

  const notFound = () => new AppError('NOT_FOUND', 'This touchpoint no longer exists.');

  return {
    /** Call inside the transaction of what the touchpoint records. */
    create(input: NewTouchpoint, now: string): Touchpoint {
      const id = randomUUID();
      insert.run({ ...input, id, now });
      return { ...input, id, createdAt: now, updatedAt: now };
    },
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
