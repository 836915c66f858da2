import PostalMime, { type Address, type Attachment, type Email } from 'postal-mime';
import { AppError } from '../errors';
import { oneLine } from './captured-text';
import type { InviteProposal } from './invite-proposal';
import { addressSet, normaliseAddress } from './mail-addresses';
import { summarise } from './mail-summary';
import { generatedMessageId, messageIdList, normaliseMessageId } from './message-ids';
import { MAX_INVITE_BYTES, readInvites } from './read-invites';
import type { MailPerson, TouchpointProposal } from './touchpoint-proposal';

/** An e-mail with its attachments; providers cap what they send at 25–35 MB once encoded. */
export const MAX_EMAIL_BYTES = 40 * 1024 * 1024;
const MAX_PEOPLE = 200;

export interface ReadEmailOptions {
  /** The user's own addresses: they tell an outbound message from an inbound one. */
  ownAddresses: Iterable<string>;
  /** For the invitations the message carries (see readInvites). */
  fallbackTimeZone: string;
  now: Date;
  /** When the message has no usable Date: the time the mailbox received it, if known. */
  receivedAt?: Date;
  /** The message was found in the mailbox's Sent folder, so it is outbound whatever its From says. */
  inSentFolder?: boolean;
}

function invalid(message: string): AppError {
  return new AppError('INVALID_INPUT', message);
}

/**
 * Reads an e-mail (.eml bytes, RFC 5322) into a proposed touchpoint. Throws
 * an AppError with a message for the user when the file is not an e-mail or
 * is too large; never anything else.
 */
export async function readEmail(input: Uint8Array | string, options: ReadEmailOptions): Promise<TouchpointProposal> {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size === 0) throw invalid('This file is empty: it holds no e-mail.');
  if (size > MAX_EMAIL_BYTES) throw invalid(`This e-mail is ${(size / 1_048_576).toFixed(0)} MB; Afterview reads e-mails of up to ${MAX_EMAIL_BYTES / 1_048_576} MB.`);
  if (typeof input !== 'string' && looksBinary(input)) throw invalid('This is not an e-mail: the file is not text. Save the message as .eml from your mail program.');
  let email: Email;
  try {
    email = await PostalMime.parse(input, { maxNestingDepth: 50, maxPartCount: 2000, maxHeadersSize: 1024 * 1024, attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    throw invalid(`This e-mail could not be read${error instanceof Error ? ` (${oneLine(error.message, 120)})` : ''}.`);
  }
  if (!hasMessageHeaders(email)) throw invalid('This is not an e-mail: it has no sender, recipient, date or subject. Save the message as .eml from your mail program.');
  return proposalOf(email, options);
}

/** A NUL in the first kilobytes: a picture or a document, not a message. */
function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

function hasMessageHeaders(email: Email): boolean {
  const keys = new Set(email.headers.map((header) => header.key));
  return ['from', 'to', 'date', 'subject', 'message-id'].some((key) => keys.has(key));
}

function people(addresses: readonly Address[] | Address | undefined): MailPerson[] {
  const list = addresses === undefined ? [] : Array.isArray(addresses) ? addresses : [addresses];
  const result: MailPerson[] = [];
  const seen = new Set<string>();
  for (const entry of list) {
    for (const mailbox of entry.group ?? [entry]) {
      const address = normaliseAddress(mailbox.address);
      if (!address || seen.has(address) || result.length >= MAX_PEOPLE) continue;
      seen.add(address);
      const name = oneLine(mailbox.name ?? '', 200);
      result.push({ name: name && name.toLowerCase() !== address ? name.replace(/^"(.*)"$/, '$1') : null, address });
    }
  }
  return result;
}

async function proposalOf(email: Email, options: ReadEmailOptions): Promise<TouchpointProposal> {
  const notes: string[] = [];
  const own = addressSet(options.ownAddresses);
  const [from = null] = people(email.from);
  const to = people(email.to);
  const cc = people(email.cc);
  const bcc = people(email.bcc);
  const subject = oneLine(email.subject ?? '', 500);

  const dated = email.date ? Date.parse(email.date) : NaN;
  const occurredAt = Number.isFinite(dated) ? new Date(dated) : (options.receivedAt ?? options.now);
  if (!Number.isFinite(dated)) notes.push(options.receivedAt ? 'The message has no readable date; the time your mailbox received it is used.' : 'The message has no readable date; today is proposed.');

  const direction = directionOf(from, [...to, ...cc, ...bcc], own, options.inSentFolder ?? false);
  const counterparts = (direction.direction === 'outbound' ? [...to, ...cc, ...bcc] : from ? [from] : []).filter((person) => !own.has(person.address));

  const messageId = normaliseMessageId(email.messageId);
  if (!messageId) notes.push('The message has no Message-ID; one is made from its date, sender and subject.');

  const invites: InviteProposal[] = [];
  const seenInvites = new Set<string>();
  for (const attachment of email.attachments.filter(isCalendar)) {
    try {
      const file = readInvites(calendarText(attachment), { fallbackTimeZone: options.fallbackTimeZone, now: options.now, ownAddresses: own });
      for (const invite of file.invites) {
        // Gmail sends the same invitation twice: inline (text/calendar) and as invite.ics.
        const key = `${invite.uid}\u0000${invite.recurrenceId ?? ''}\u0000${invite.sequence}\u0000${invite.cancelled}`;
        if (seenInvites.has(key)) continue;
        seenInvites.add(key);
        invites.push(invite);
      }
    } catch (error) {
      notes.push(`An attached invitation${attachment.filename ? ` (${oneLine(attachment.filename, 80)})` : ''} could not be read: ${error instanceof AppError ? error.message : 'it is damaged.'}`);
    }
  }

  return {
    messageId: messageId ?? generatedMessageId([Number.isFinite(dated) ? new Date(dated).toISOString() : '', from?.address, to.map((person) => person.address).join(','), subject]),
    messageIdGenerated: !messageId,
    occurredAt: occurredAt.toISOString(),
    ...direction,
    channel: 'email',
    from,
    to,
    cc,
    counterparts,
    subject,
    summary: summarise(email.text ?? ''),
    inReplyTo: normaliseMessageId(email.inReplyTo),
    references: messageIdList(email.references),
    invites,
    notes,
  };
}

function directionOf(from: MailPerson | null, recipients: MailPerson[], own: Set<string>, inSentFolder: boolean): Pick<TouchpointProposal, 'direction' | 'directionFrom'> {
  if (from && own.has(from.address)) return { direction: 'outbound', directionFrom: 'own-address' };
  if (inSentFolder) return { direction: 'outbound', directionFrom: 'sent-folder' };
  if (recipients.some((person) => own.has(person.address))) return { direction: 'inbound', directionFrom: 'own-address' };
  return { direction: 'inbound', directionFrom: 'guess' };
}

function isCalendar(attachment: Attachment): boolean {
  const type = attachment.mimeType.toLowerCase();
  return type === 'text/calendar' || type === 'application/ics' || /\.ics$/i.test(attachment.filename ?? '');
}

function calendarText(attachment: Attachment): Uint8Array {
  const content = attachment.content;
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content instanceof Uint8Array ? content : new Uint8Array(content);
  if (bytes.byteLength > MAX_INVITE_BYTES) throw invalid('it is larger than an invitation can be');
  return bytes;
}
