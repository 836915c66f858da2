import { createdAt, flag, id, instant, integer, json, text } from './column';
import { table } from './table';

/** Invitations a mailbox sync found, waiting for the user to import or dismiss them. */
export const inviteOffersTable = table('invite_offers', 'io', {
  id: id(),
  inviteUid: text(),
  inviteSequence: integer(),
  recurrenceId: text().nullable(),
  cancelled: flag(),
  messageId: text(),
  /** The proposal as read, shown again when the user reviews it. */
  proposal: json<unknown>(),
  startsAt: instant(),
  createdAt: createdAt(),
  /** Imported or dismissed: no longer offered. */
  resolvedAt: instant().nullable(),
});
