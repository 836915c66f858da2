import { z } from 'zod';
import {
  cancelInviteSchema,
  captureSettingsSchema,
  confirmEmailSchema,
  confirmInviteSchema,
  connectMailboxSchema,
  emailReadingSchema,
  inviteOfferSchema,
  inviteReadingSchema,
  mailboxStatusSchema,
  readEmailInputSchema,
  readInviteInputSchema,
  saveOwnAddressesSchema,
} from '#shared/domain/capture';
import { interviewSchema } from '#shared/domain/interview';
import { touchpointSchema } from '#shared/domain/touchpoint';
import { byId } from '../by-id';
import { noInput } from '../no-input';

/**
 * Interviews from calendar invites and touchpoints from e-mails: a file is
 * read into a proposal (nothing changes), then confirmed. The mailbox sync
 * runs in the background; its progress arrives as 'mailbox.progress' events.
 */
export const captureChannels = {
  /** Reads an .ics file's text (or pasted text) into proposed interviews, one per event. */
  'capture.readInvite': { effect: 'reads', input: readInviteInputSchema, output: z.object({ invites: z.array(inviteReadingSchema) }) },
  /** Creates the interview, or updates the one imported from an earlier version of the same invite. */
  'capture.confirmInvite': { effect: 'writes', input: confirmInviteSchema, output: interviewSchema },
  /** A cancellation from the organiser: the interview imported from the invite is marked cancelled. */
  'capture.cancelInvite': { effect: 'writes', input: cancelInviteSchema, output: interviewSchema },
  /** Reads an .eml file into a proposed touchpoint, with the invitations it carries. */
  'capture.readEmail': { effect: 'reads', input: readEmailInputSchema, output: emailReadingSchema },
  /** Logs the e-mail as a touchpoint, once per Message-ID. */
  'capture.confirmEmail': { effect: 'writes', input: confirmEmailSchema, output: touchpointSchema },
  /** The user's own addresses and the mailbox account (never its password). */
  'capture.settings': { effect: 'reads', input: noInput, output: captureSettingsSchema },
  'capture.saveOwnAddresses': { effect: 'writes', input: saveOwnAddressesSchema, output: captureSettingsSchema },
  /** Invitations the mailbox sync found, waiting to be imported or dismissed. */
  'capture.offers': { effect: 'reads', input: noInput, output: z.array(inviteOfferSchema) },
  'capture.dismissOffer': { effect: 'writes', input: byId, output: z.object({ dismissed: z.boolean() }) },
  'mailbox.status': { effect: 'reads', input: noInput, output: mailboxStatusSchema },
  /** Connects the mailbox and reads it in the background; the account is kept once the server accepts it. */
  'mailbox.connect': { effect: 'writes', input: connectMailboxSchema, output: mailboxStatusSchema },
  /** Reads the connected mailbox again in the background: only what is not logged yet is added. */
  'mailbox.sync': { effect: 'writes', input: noInput, output: mailboxStatusSchema },
  'mailbox.pause': { effect: 'reads', input: noInput, output: mailboxStatusSchema },
  'mailbox.resume': { effect: 'reads', input: noInput, output: mailboxStatusSchema },
  /** Forgets the account and its password; what was logged stays. */
  'mailbox.forget': { effect: 'writes', input: noInput, output: mailboxStatusSchema },
} as const;
