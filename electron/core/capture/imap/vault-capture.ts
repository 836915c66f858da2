import type { InviteOffer } from '#shared/domain/capture';
import { AppError } from '#core/errors';
import type { createTouchpointLog } from '#core/touchpoints/touchpoint-log';
import type { Db } from '#core/vault/connection';
import type { InviteOffersRepository } from '#core/vault/repositories/invite-offers';
import type { TouchpointsRepository } from '#core/vault/repositories/touchpoints';
import { shorten } from '../captured-text';
import type { InviteImport } from '../invite-import';
import type { InviteProposal } from '../invite-proposal';
import type { PeopleMatch } from '../people-match';
import type { CaptureVault, CapturedBatch, SyncedTouchpoint } from './capture-vault';

interface Deps {
  touchpoints: TouchpointsRepository;
  offers: InviteOffersRepository;
  touchpointLog: ReturnType<typeof createTouchpointLog>;
  people: PeopleMatch;
  invites: InviteImport;
  now: () => Date;
}

/** What a touchpoint from an e-mail says: its subject, then its first words. */
export function touchpointSummary(subject: string, summary: string): string {
  const text = subject && summary ? `${subject} — ${summary}` : subject || summary;
  return shorten(text, 2000);
}

/**
 * The mailbox sync's vault port over SQLite: each message logged once (by
 * Message-ID, a deleted touchpoint included) as a touchpoint with the contact
 * whose address it carries and that contact's opening, the same way a
 * touchpoint logged by hand is; the invitations found kept as offers.
 */
export function createVaultCapture(db: Db, deps: Deps) {
  function logOne(touchpoint: SyncedTouchpoint, nowIso: string): void {
    if (deps.touchpoints.loggedFrom(touchpoint.messageId)) return;
    const address = touchpoint.counterparts.find((person) => touchpoint.contactAddresses.includes(person.address))?.address ?? touchpoint.contactAddresses[0] ?? null;
    const contact = deps.people.contactOf(address);
    const openingId = contact ? deps.people.openingFor([{ name: contact.name, address, organizer: false, contactId: contact.id, contactName: contact.name }]) : null;
    // A message dated ahead of this computer's clock is logged as of now: it has arrived.
    const occurredAt = touchpoint.occurredAt > nowIso ? nowIso : touchpoint.occurredAt;
    const summary = touchpointSummary(touchpoint.subject, touchpoint.summary);
    const fields = { contactId: contact?.id ?? null, channel: 'email' as const, direction: touchpoint.direction, kind: 'other' as const, occurredAt, summary, messageId: touchpoint.messageId };
    if (openingId) deps.touchpointLog.log({ ...fields, openingId }, nowIso);
    else deps.touchpoints.create({ ...fields, openingId: null, letterId: null }, nowIso);
  }

  function offer(invite: InviteProposal, messageId: string, nowIso: string): void {
    // One already imported at this version or later is not offered again.
    const action = deps.invites.reading(invite).action;
    if (action === 'unchanged' || action === 'outdated' || action === 'already-cancelled' || action === 'nothing-to-cancel') return;
    deps.offers.add(
      { inviteUid: invite.uid, inviteSequence: invite.sequence, recurrenceId: invite.recurrenceId, cancelled: invite.cancelled, messageId, proposal: invite, startsAt: invite.startsAt },
      nowIso,
    );
  }

  const record = db.transaction((batch: CapturedBatch): void => {
    const nowIso = deps.now().toISOString();
    for (const touchpoint of batch.touchpoints) logOne(touchpoint, nowIso);
    for (const found of batch.invites) offer(found.invite, found.messageId, nowIso);
  });

  const port: CaptureVault = {
    knownAddresses: () => deps.people.knownAddresses(),
    alreadyLogged: (messageId) => deps.touchpoints.loggedFrom(messageId),
    record,
  };

  return {
    port,
    /** Invitations found in the mailbox and not yet imported or dismissed, read again against the vault as it is now. */
    offers(): InviteOffer[] {
      return deps.offers.waiting().map((row) => ({ id: row.id, messageId: row.messageId, createdAt: row.createdAt, reading: deps.invites.reading(row.proposal as InviteProposal) }));
    },
    offersWaiting: (): number => deps.offers.countWaiting(),
    /** Imported or dismissed: no longer offered. */
    resolveOffer(id: string, nowIso: string): void {
      if (!deps.offers.resolve(id, nowIso)) throw new AppError('NOT_FOUND', 'This invitation is no longer waiting: it was imported or dismissed.');
    },
  };
}
export type VaultCapture = ReturnType<typeof createVaultCapture>;
