import { randomUUID } from 'node:crypto';
import type { ContactChannel } from '../../../../shared/domain/fields';
import type { Db } from '../connection';

export const TOUCHPOINT_KINDS = ['thank_you', 'rejection_reply', 'follow_up', 'reference_brief', 'stay_in_touch', 'linkedin_invite', 'other'] as const;
export type TouchpointKind = (typeof TOUCHPOINT_KINDS)[number];

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

/** The log of every contact with an employer: what was said, on which channel, which way. */
export function createTouchpointsRepository(db: Db) {
  const insert = db.prepare(`
    INSERT INTO touchpoints (id, opening_id, contact_id, channel, direction, kind, occurred_at, summary, letter_id, created_at, updated_at)
    VALUES (@id, @openingId, @contactId, @channel, @direction, @kind, @occurredAt, @summary, @letterId, @now, @now)`);
  const ofOpening = db.prepare<[string], Touchpoint>(`
    SELECT ${COLUMNS} FROM touchpoints WHERE opening_id = ? AND deleted_at IS NULL ORDER BY occurred_at DESC, id`);

  return {
    /** Call inside the transaction of what the touchpoint records. */
    create(input: NewTouchpoint, now: string): Touchpoint {
      const id = randomUUID();
      insert.run({ ...input, id, now });
      return { ...input, id, createdAt: now, updatedAt: now };
    },
    /** Newest first. */
    listOfOpening: (openingId: string): Touchpoint[] => ofOpening.all(openingId),
  };
}
export type TouchpointsRepository = ReturnType<typeof createTouchpointsRepository>;
