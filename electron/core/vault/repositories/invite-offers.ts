import { randomUUID } from 'node:crypto';
import type { Db } from '../connection';
import { inviteOffersTable } from '../tables/invite-offers';
import { insertSql, rowReader, selectList } from '../tables/sql';
import type { Values } from '../tables/table';

/** An invitation a mailbox sync found, as it is offered. */
export interface NewInviteOffer {
  inviteUid: string;
  inviteSequence: number;
  recurrenceId: string | null;
  cancelled: boolean;
  messageId: string;
  /** The proposal as read, kept as JSON to be read again when the user reviews it. */
  proposal: unknown;
  startsAt: string;
}

const OPEN_KEYS = ['id', 'messageId', 'proposal', 'createdAt'] as const;
/** An offer still waiting: its proposal parsed back from JSON. */
export type WaitingOffer = Values<typeof inviteOffersTable, (typeof OPEN_KEYS)[number]>;
const OPEN = 'io.resolved_at IS NULL';

/**
 * Invitations found in the mailbox, waiting for the user to import or dismiss
 * them. The same invitation (its UID, occurrence, version and whether it
 * cancels) is offered once, however often a sync reads it.
 */
export function createInviteOffersRepository(db: Db) {
  const insert = db.prepare(`${insertSql(inviteOffersTable)} ON CONFLICT DO NOTHING`);
  const open = db.prepare(`SELECT ${selectList(inviteOffersTable, 'io', OPEN_KEYS)} FROM invite_offers io WHERE ${OPEN} ORDER BY io.starts_at, io.id`);
  const readOpen = rowReader(inviteOffersTable, OPEN_KEYS);
  const resolve = db.prepare(`UPDATE invite_offers AS io SET resolved_at = @now WHERE io.id = @id AND ${OPEN}`);
  const countOpen = db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM invite_offers io WHERE ${OPEN}`);

  return {
    /** Call inside the sync's transaction; one already offered is left as it is. */
    add(offer: NewInviteOffer, now: string): void {
      insert.run({ ...offer, id: randomUUID(), cancelled: offer.cancelled ? 1 : 0, proposal: JSON.stringify(offer.proposal), resolvedAt: null, now });
    },
    /** The offers still waiting, earliest meeting first. */
    waiting: (): WaitingOffer[] => open.all().map((row) => readOpen(row as object)),
    countWaiting: (): number => countOpen.get()!.n,
    /** Imported or dismissed: no longer offered. False when it was not waiting. */
    resolve: (id: string, now: string): boolean => resolve.run({ id, now }).changes > 0,
  };
}
export type InviteOffersRepository = ReturnType<typeof createInviteOffersRepository>;
