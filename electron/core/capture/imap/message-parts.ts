import { randomBytes } from 'node:crypto';
import type { MessageStructureObject } from 'imapflow';
import { MAX_INVITE_BYTES } from '../read-invites';

/** Of a message's text, the first bytes are enough for a summary; HTML carries its styles first. */
const PLAIN_TEXT_BYTES = 64 * 1024;
const HTML_TEXT_BYTES = 256 * 1024;
/** Base64 makes an invitation about a third larger on the wire. */
const CALENDAR_PART_BYTES = Math.ceil(MAX_INVITE_BYTES * 1.4);

export interface PartToFetch {
  /** The IMAP section: "1.2", or "TEXT" for the body of a message that is not multipart. */
  section: string;
  /** Bytes to fetch at most (the start of the part), or null for the whole part. */
  maxLength: number | null;
}

/**
 * What to fetch of a message to make a touchpoint of it: its header (always),
 * the start of its text, and its calendar invitations. Attachments, pictures
 * and forwarded messages are never downloaded.
 */
export interface PartsPlan {
  /** The message is a single part: the header and `TEXT` are the message. */
  single: boolean;
  parts: PartToFetch[];
}

function isCalendar(node: MessageStructureObject): boolean {
  const type = node.type.toLowerCase();
  const name = String(node.dispositionParameters?.filename ?? node.parameters?.name ?? '');
  return type === 'text/calendar' || type === 'application/ics' || /\.ics$/i.test(name);
}

function isAttachment(node: MessageStructureObject): boolean {
  return node.disposition?.toLowerCase() === 'attachment';
}

export function planParts(structure: MessageStructureObject | undefined): PartsPlan {
  if (!structure) return { single: true, parts: [] };
  if (!structure.childNodes) {
    const type = structure.type.toLowerCase();
    if (isCalendar(structure)) return { single: true, parts: (structure.size ?? 0) <= CALENDAR_PART_BYTES ? [{ section: 'TEXT', maxLength: null }] : [] };
    if (type === 'text/plain') return { single: true, parts: [{ section: 'TEXT', maxLength: PLAIN_TEXT_BYTES }] };
    if (type === 'text/html') return { single: true, parts: [{ section: 'TEXT', maxLength: HTML_TEXT_BYTES }] };
    return { single: true, parts: [] };
  }
  let plain: string | null = null;
  let html: string | null = null;
  const calendars: string[] = [];
  const walk = (node: MessageStructureObject) => {
    const type = node.type.toLowerCase();
    // A forwarded message's own parts are not this message's words.
    if (type === 'message/rfc822') return;
    if (node.childNodes) {
      for (const child of node.childNodes) walk(child);
      return;
    }
    if (!node.part) return;
    if (isCalendar(node)) {
      if ((node.size ?? 0) <= CALENDAR_PART_BYTES && calendars.length < 5) calendars.push(node.part);
    } else if (type === 'text/plain' && !isAttachment(node)) plain ??= node.part;
    else if (type === 'text/html' && !isAttachment(node)) html ??= node.part;
  };
  walk(structure);
  const parts: PartToFetch[] = [];
  if (plain) parts.push({ section: plain, maxLength: PLAIN_TEXT_BYTES });
  else if (html) parts.push({ section: html, maxLength: HTML_TEXT_BYTES });
  for (const section of calendars) parts.push({ section, maxLength: null });
  return { single: false, parts };
}

/** The FETCH items of a plan: the header, and each part with its MIME header. */
export function fetchItems(plan: PartsPlan): (string | { key: string; maxLength: number })[] {
  const items: (string | { key: string; maxLength: number })[] = [];
  for (const part of plan.parts) {
    if (!plan.single) items.push(`${part.section}.MIME`);
    items.push(part.maxLength === null ? part.section : { key: part.section, maxLength: part.maxLength });
  }
  return items;
}

/** The body part imapflow returned for a section, whatever key its partial answer came under ("1", "1]<0>"). */
function partBody(bodyParts: Map<string, Buffer> | undefined, section: string): Buffer | null {
  if (!bodyParts) return null;
  const wanted = section.toLowerCase();
  for (const [key, value] of bodyParts) {
    if (key.toLowerCase().replace(/\]?<\d+>$/, '') === wanted) return value;
  }
  return null;
}

const HEADERS_TO_REPLACE = /^(content-type|content-transfer-encoding|content-disposition|mime-version)$/i;

/**
 * A message of its own made from the fetched pieces, which the e-mail reader
 * reads like any .eml: the original header, and the chosen parts each with its
 * own MIME header, in a multipart/mixed of a fresh boundary.
 */
export function assembleMessage(plan: PartsPlan, header: Buffer, bodyParts: Map<string, Buffer> | undefined): Buffer {
  if (plan.single) {
    const text = plan.parts.length > 0 ? partBody(bodyParts, 'TEXT') : null;
    return Buffer.concat([header, text ?? Buffer.alloc(0)]);
  }
  const boundary = `afterview-${randomBytes(16).toString('hex')}`;
  const chunks: Buffer[] = [withoutMimeHeaders(header), Buffer.from(`MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n`)];
  for (const part of plan.parts) {
    const mime = partBody(bodyParts, `${part.section}.mime`);
    const body = partBody(bodyParts, part.section);
    if (!mime || !body) continue;
    chunks.push(Buffer.from(`--${boundary}\r\n`), mime, body, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** The header block without its MIME fields (folded lines included) and without the blank line that ends it. */
function withoutMimeHeaders(header: Buffer): Buffer {
  const lines = header.toString('latin1').replace(/(\r?\n)+$/, '').split(/\r?\n/);
  const kept: string[] = [];
  let dropping = false;
  for (const line of lines) {
    if (/^[ \t]/.test(line)) {
      if (!dropping) kept.push(line);
      continue;
    }
    const name = line.slice(0, Math.max(0, line.indexOf(':'))).trim();
    dropping = HEADERS_TO_REPLACE.test(name);
    if (!dropping) kept.push(line);
  }
  return Buffer.from(kept.map((line) => `${line}\r\n`).join(''), 'latin1');
}
