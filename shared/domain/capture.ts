import { z } from 'zod';
import { dateSchema, idSchema, instantSchema, LIMITS, plainText, requiredText } from './fields';
import { newInterviewSchema } from './interview';
import { directionSchema } from './touchpoint';

/**
 * What the capture reads from calendar invites (.ics) and e-mails (.eml) and
 * proposes; nothing is saved until the user confirms. Mirrors the core's
 * InviteProposal and TouchpointProposal (electron/core/capture/).
 */

/** An invitation is a few kilobytes; the core refuses more than 2 MB with its own message. */
export const MAX_INVITE_TEXT = 2 * 1024 * 1024 + 1024;
/** An .eml sent from the page, base64: what fits in one request (the mailbox sync reads larger ones). */
export const MAX_EMAIL_FILE_BYTES = 6 * 1024 * 1024;

export const invitePersonSchema = z.object({
  name: z.string().nullable(),
  address: z.string().nullable(),
  role: z.enum(['chair', 'required', 'optional', 'non-participant']).nullable(),
  response: z.enum(['needs-action', 'accepted', 'declined', 'tentative', 'delegated']).nullable(),
  self: z.boolean(),
});

export const inviteProposalSchema = z.object({
  uid: z.string(),
  sequence: z.number().int(),
  method: z.string().nullable(),
  cancelled: z.boolean(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  timeZoneSource: z.enum(['event', 'calendar', 'fallback']),
  allDay: z.boolean(),
  floating: z.boolean(),
  location: z.string().nullable(),
  meetingUrl: z.string().nullable(),
  meetingProvider: z.string().nullable(),
  format: z.enum(['onsite', 'phone', 'video']).nullable(),
  organizer: invitePersonSchema.nullable(),
  attendees: z.array(invitePersonSchema),
  recurrenceId: z.string().nullable(),
  recurrence: z.object({ rule: z.string(), occurrence: z.enum(['next', 'last', 'first']) }).nullable(),
  description: z.string(),
  notes: z.array(z.string()),
});
export type InviteProposalView = z.infer<typeof inviteProposalSchema>;

/** Someone the invite or the e-mail names, matched to a contact by address when one has it. */
export const proposedPersonSchema = z.object({
  name: z.string().nullable(),
  address: z.string().nullable(),
  organizer: z.boolean(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
});
export type ProposedPerson = z.infer<typeof proposedPersonSchema>;

/**
 * What confirming an invite would do: create an interview, update the one
 * imported from an earlier version, cancel it, or nothing (an older or the
 * same version, or a cancellation of an interview never imported).
 */
export const INVITE_ACTIONS = ['create', 'update', 'cancel', 'unchanged', 'outdated', 'nothing-to-cancel', 'already-cancelled'] as const;
export type InviteAction = (typeof INVITE_ACTIONS)[number];

export const importedInterviewSchema = z.object({
  interviewId: z.string(),
  openingId: z.string(),
  openingName: z.string(),
  sequence: z.number().int(),
  cancelledAt: z.string().nullable(),
});

export const inviteReadingSchema = z.object({
  proposal: inviteProposalSchema,
  /** The people on the invite but the user, the organiser first. */
  people: z.array(proposedPersonSchema),
  existing: importedInterviewSchema.nullable(),
  action: z.enum(INVITE_ACTIONS),
  /** The opening this invite most likely belongs to: the imported interview's, or the matched people's company's. */
  suggestedOpeningId: z.string().nullable(),
});
export type InviteReading = z.infer<typeof inviteReadingSchema>;

export const readInviteInputSchema = z
  .object({
    text: z.string({ error: 'The invitation must be text.' }).min(1, { error: 'Paste the text of an invitation, or choose its .ics file.' }).max(MAX_INVITE_TEXT, { error: 'This is far larger than an invitation (at most 2 MB). Is it a whole calendar export?' }),
  })
  .strict();

/** What an invite's interview is known by: its UID (with the occurrence it replaces) and version. */
export const inviteKeySchema = z
  .object(
    {
      uid: requiredText('Invitation id', 1000),
      recurrenceId: z.string({ error: 'The occurrence must be a time.' }).max(64).nullable().default(null),
      sequence: z.number({ error: 'The invitation’s version must be a number.' }).int().min(0, { error: 'The invitation’s version must be 0 or more.' }).max(1_000_000),
    },
    { error: 'Say which invitation this is.' },
  )
  .strict();

export const confirmInviteSchema = z
  .object({
    invite: inviteKeySchema,
    interview: newInterviewSchema,
    /** The mailbox's offer this came from, which is then no longer offered. */
    offerId: idSchema.optional(),
  })
  .strict();
export type ConfirmInvite = z.output<typeof confirmInviteSchema>;

/** A cancellation confirmed: the invite's key, and the mailbox's offer it came from, if any. */
export const cancelInviteSchema = z
  .object({ ...inviteKeySchema.shape, offerId: idSchema.optional() })
  .strict();
export type CancelInvite = z.output<typeof cancelInviteSchema>;

export const inviteOfferSchema = z.object({
  id: z.string(),
  messageId: z.string(),
  reading: inviteReadingSchema,
  createdAt: z.string(),
});
export type InviteOffer = z.infer<typeof inviteOfferSchema>;

export const mailPersonSchema = z.object({ name: z.string().nullable(), address: z.string() });

export const readEmailInputSchema = z
  .object({
    /** The .eml file's bytes, base64. */
    base64: z
      .string({ error: 'The e-mail must be a file.' })
      .min(1, { error: 'This file is empty: it holds no e-mail.' })
      .max(Math.ceil(MAX_EMAIL_FILE_BYTES / 3) * 4, { error: `This e-mail is larger than Afterview reads from a file (${MAX_EMAIL_FILE_BYTES / 1_048_576} MB). The mailbox sync reads larger ones.` })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'The e-mail file did not arrive whole. Choose it again.' }),
  })
  .strict();

export const emailReadingSchema = z.object({
  messageId: z.string(),
  occurredAt: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  directionFrom: z.enum(['own-address', 'sent-folder', 'guess']),
  from: mailPersonSchema.nullable(),
  subject: z.string(),
  summary: z.string(),
  /** The people on the other side, each matched to a contact when one has the address. */
  people: z.array(proposedPersonSchema),
  /** A touchpoint already logged from this message (from a file or the mailbox). */
  alreadyLogged: z.boolean(),
  suggestedOpeningId: z.string().nullable(),
  invites: z.array(inviteReadingSchema),
  notes: z.array(z.string()),
});
export type EmailReading = z.infer<typeof emailReadingSchema>;

export const confirmEmailSchema = z
  .object({
    openingId: idSchema,
    contact: z.union([
      z.object({ contactId: idSchema }).strict(),
      z.object({ name: requiredText('Name', LIMITS.name), email: requiredText('E-mail', LIMITS.email) }).strict(),
      z.null(),
    ]),
    direction: directionSchema,
    occurredAt: instantSchema,
    summary: plainText('Summary', LIMITS.shortText * 4),
    messageId: requiredText('Message-ID', 1000),
  })
  .strict();
export type ConfirmEmail = z.output<typeof confirmEmailSchema>;

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
export const MAX_OWN_ADDRESSES = 20;

export const ownAddressesSchema = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .max(LIMITS.email, { error: 'An address is too long.' })
      .refine((value) => ADDRESS.test(value), { error: 'Each address must look like name@example.com.' }),
  )
  .max(MAX_OWN_ADDRESSES, { error: `Keep at most ${MAX_OWN_ADDRESSES} of your addresses.` })
  .transform((list) => [...new Set(list)]);

export const MAILBOX_SECURITY = ['tls', 'starttls', 'none'] as const;

/** The mailbox account as kept in the vault: never the password. */
export const mailboxAccountSchema = z
  .object({
    host: requiredText('Mail server', 253),
    port: z.number({ error: 'The port must be a number.' }).int({ error: 'The port must be a whole number.' }).min(1, { error: 'The port must be from 1 to 65535.' }).max(65_535, { error: 'The port must be from 1 to 65535.' }),
    security: z.enum(MAILBOX_SECURITY, { error: 'Choose how to connect: TLS or STARTTLS.' }),
    user: requiredText('User name', LIMITS.email),
    /** Only mail sent on or after this day is read. */
    since: dateSchema,
    /** The user's explicit choice to connect without encryption to a server on this computer. */
    allowUnencryptedOnThisComputer: z.boolean().default(false),
  })
  .strict();
export type MailboxAccountSettings = z.output<typeof mailboxAccountSchema>;

export const captureSettingsSchema = z
  .object({
    ownAddresses: ownAddressesSchema.default([]),
    mailbox: mailboxAccountSchema.nullable().default(null),
  })
  .strict();
export type CaptureSettings = z.output<typeof captureSettingsSchema>;

export const saveOwnAddressesSchema = z.object({ ownAddresses: z.array(z.unknown(), { error: 'Your addresses must be a list.' }).pipe(ownAddressesSchema) }).strict();

/** Connects the mailbox: the account, and the password when it is new or changed (absent: the one kept is used). */
export const connectMailboxSchema = z
  .object({
    account: z.object(mailboxAccountSchema.shape, { error: 'Enter the mailbox’s server, port and user name.' }).strict(),
    password: z.string().min(1, { error: 'Enter the password of your mailbox (or an app password).' }).max(1024).optional(),
  })
  .strict();

export const MAILBOX_STATES = ['idle', 'connecting', 'searching', 'reading', 'paused', 'finished', 'cancelled', 'failed'] as const;
export const FAILURE_KINDS = ['settings', 'tls-required', 'auth', 'unreachable', 'tls', 'dropped', 'mailbox', 'server', 'vault'] as const;

export const mailboxProgressSchema = z.object({
  mailbox: z.string().nullable(),
  mailboxesDone: z.number().int(),
  mailboxesTotal: z.number().int(),
  found: z.number().int(),
  read: z.number().int(),
  logged: z.number().int(),
  skipped: z.number().int(),
  unreadable: z.number().int(),
  invites: z.number().int(),
});
export type MailboxProgress = z.infer<typeof mailboxProgressSchema>;

export const mailboxStatusSchema = z.object({
  account: mailboxAccountSchema.nullable(),
  passwordSaved: z.boolean(),
  /** Where the password is kept: the system's keychain, or (the preview, tests) this session's memory only. */
  passwordStore: z.enum(['keychain', 'session', 'unavailable']),
  state: z.enum(MAILBOX_STATES),
  progress: mailboxProgressSchema.nullable(),
  lastResult: z
    .object({
      outcome: z.enum(['finished', 'cancelled', 'failed']),
      at: z.string(),
      progress: mailboxProgressSchema,
      failure: z.object({ kind: z.enum(FAILURE_KINDS), message: z.string() }).nullable(),
    })
    .nullable(),
  /** Invitations found in the mailbox, waiting for the user. */
  invitesWaiting: z.number().int(),
});
export type MailboxStatus = z.infer<typeof mailboxStatusSchema>;

