import type { InviteProposal } from '../invite-proposal';
import type { MailPerson, TouchpointProposal } from '../touchpoint-proposal';

/** A touchpoint the mailbox sync found, with what matched it to the vault's contacts. */
export interface SyncedTouchpoint extends TouchpointProposal {
  /** The contacts' addresses the message was from or to. */
  contactAddresses: string[];
  /** The mailbox it was read in. */
  mailbox: string;
}

/** An invitation found in a synced message, for the user to confirm as an interview. */
export interface InviteOffer {
  invite: InviteProposal;
  /** The message it came in. */
  messageId: string;
  from: MailPerson | null;
  subject: string;
}

/** What one batch of the sync found: recorded whole or not at all. */
export interface CapturedBatch {
  touchpoints: SyncedTouchpoint[];
  invites: InviteOffer[];
}

/**
 * What the mailbox sync needs from the vault: a port, so that the engine runs
 * and is tested without SQLite, and the vault decides how each is stored.
 */
export interface CaptureVault {
  /** The contacts' e-mail addresses: only mail to or from them is read. */
  knownAddresses(): Iterable<string> | Promise<Iterable<string>>;
  /** Whether a touchpoint with this Message-ID is already logged (by a sync, or from a file). */
  alreadyLogged(messageId: string): boolean | Promise<boolean>;
  /**
   * Records one batch in one transaction: each touchpoint once by its
   * Message-ID (one already there is left alone), and the invites offered.
   * When it throws, nothing of the batch may be kept.
   */
  record(batch: CapturedBatch): void | Promise<void>;
}
