import type { InviteProposal } from './invite-proposal';

export interface MailPerson {
  /** The display name, or null. */
  name: string | null;
  /** Lower-cased address. */
  address: string;
}

/**
 * A proposed touchpoint read from one e-mail. Nothing here is saved: a file
 * the user dropped is confirmed first; a mailbox sync logs it through its
 * vault port. Instants are UTC ISO strings.
 */
export interface TouchpointProposal {
  /** The Message-ID without brackets: what a touchpoint is logged once by. */
  messageId: string;
  /** The message had no Message-ID; this one is made from its date, sender and subject. */
  messageIdGenerated: boolean;
  occurredAt: string;
  direction: 'inbound' | 'outbound';
  /** How the direction is known: the user's own address as sender or recipient, the Sent folder, or a guess (inbound) when neither says. */
  directionFrom: 'own-address' | 'sent-folder' | 'guess';
  channel: 'email';
  from: MailPerson | null;
  to: MailPerson[];
  cc: MailPerson[];
  /** The people on the other side: the sender of an inbound message, the recipients of an outbound one. */
  counterparts: MailPerson[];
  subject: string;
  /** The message's own first words, quoted replies and signatures left out. */
  summary: string;
  inReplyTo: string | null;
  /** The thread, oldest first. */
  references: string[];
  /** Calendar invitations the message carried, read as in an .ics file. */
  invites: InviteProposal[];
  /** What the user should know about how the message was read, in plain words. */
  notes: string[];
}
