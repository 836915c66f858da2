/**
 * The one policy for links the app hands to the operating system, used by
 * both shells (through the core's shell.openExternal), by the editor's paste
 * filter and by every screen that shows a link. An opened link runs outside
 * the sandbox, so only two kinds leave:
 *
 * - web pages over https, without a user name or password in the address;
 * - e-mails (mailto:) that fill in recipients, subject and text and nothing
 *   else: only the fields to, cc, bcc, subject and body (any case, each at most
 *   once), every address a plain one, and line breaks only in the body. Other
 *   fields (attach=, headers of any kind) could make the mail app attach a file
 *   or forge a header.
 *
 * Everything else (file:, javascript:, http:, custom schemes) stays closed.
 * A refusal comes with a reason the page shows as it is.
 */
export type LinkCheck = { ok: true; url: string } | { ok: false; reason: string };

/** Longer than any address a person or buildMailto writes (mailto.ts keeps to 2,000). */
export const MAX_LINK_LENGTH = 8192;

const MAIL_FIELDS: ReadonlySet<string> = new Set(['to', 'cc', 'bcc', 'subject', 'body']);
const ADDRESS_FIELDS: ReadonlySet<string> = new Set(['to', 'cc', 'bcc']);

/** Every C0 control character and DEL. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
/** The same, except the line breaks and tabs a message's text may hold. */
// eslint-disable-next-line no-control-regex
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** A plain address: no spaces, no controls, none of the characters that separate or quote addresses. */
// eslint-disable-next-line no-control-regex
const MAIL_ADDRESS = /^[^\s\u0000-\u001f\u007f@<>()[\]\\,;:"?&%]+@[^\s\u0000-\u001f\u007f@<>()[\]\\,;:"?&%/]+$/;

/** True for an address the policy lets into a mailto link. */
export function isMailAddress(value: string): boolean {
  return value.length <= 320 && MAIL_ADDRESS.test(value);
}

/** Whether the app may hand this link to the operating system, and the exact text it hands over. */
export function checkExternalLink(value: unknown): LinkCheck {
  if (typeof value !== 'string' || value.trim() === '') return refuse('There is no address to open.');
  if (value.length > MAX_LINK_LENGTH) return refuse('This link is too long to be a real address, so Afterview did not open it.');
  // The URL parser silently drops tabs and line breaks: what it checked would not be what leaves.
  if (CONTROL.test(value)) return refuse('This link holds invisible control characters, so Afterview did not open it.');
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return refuse('This is not a complete web or e-mail address, so Afterview did not open it.');
  }
  if (url.protocol === 'https:') {
    if (url.hostname === '') return refuse('This web address names no site, so Afterview did not open it.');
    if (url.username !== '' || url.password !== '') {
      return refuse('This web address carries a user name or password, a common way to disguise where a link really goes, so Afterview did not open it.');
    }
    return { ok: true, url: url.href };
  }
  if (url.protocol === 'mailto:') return checkMailto(url);
  return refuse(`Afterview opens only web pages (https://) and e-mails (mailto:). A “${shown(url.protocol.slice(0, -1))}:” link could open files or run programs on your computer, so it stays closed.`);
}

/** True when checkExternalLink lets the link through. */
export function isSafeExternalUrl(value: unknown): boolean {
  return checkExternalLink(value).ok;
}

function checkMailto(url: URL): LinkCheck {
  if (url.hash !== '') return refuse('This e-mail link carries a “#” part no mail app uses, so Afterview did not open it.');
  const recipients = url.pathname === '' ? [] : url.pathname.split(',');
  for (const raw of recipients) {
    const address = decode(raw);
    if (address === null) return garbled();
    if (!isMailAddress(address)) return notAnAddress(address);
  }
  const seen = new Set<string>();
  const query = url.search.slice(1);
  for (const pair of query === '' ? [] : query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const rawName = decode(equals < 0 ? pair : pair.slice(0, equals));
    const text = decode(equals < 0 ? '' : pair.slice(equals + 1));
    if (rawName === null || text === null) return garbled();
    const name = rawName.toLowerCase();
    if (!MAIL_FIELDS.has(name)) {
      return refuse(`This e-mail link also asks your mail app for “${shown(rawName)}”. E-mail links may only fill in the recipients, the subject and the text, so Afterview did not open it.`);
    }
    if (seen.has(name)) return refuse(`This e-mail link gives its “${name}” twice, so Afterview did not open it.`);
    seen.add(name);
    if (name === 'body') {
      if (CONTROL_IN_TEXT.test(text)) return refuse('The text of this e-mail link holds invisible control characters, so Afterview did not open it.');
      continue;
    }
    if (CONTROL.test(text)) {
      return refuse(`This e-mail link hides a line break in its “${name}”, which could slip extra lines into the message’s headers, so Afterview did not open it.`);
    }
    if (ADDRESS_FIELDS.has(name)) {
      for (const address of text.split(',')) {
        if (!isMailAddress(address.trim())) return notAnAddress(address.trim());
      }
    }
  }
  return { ok: true, url: url.href };
}

function decode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** A name or address from the link, short enough to quote in a sentence. */
function shown(value: string): string {
  const flat = value.replace(/\s+/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

function refuse(reason: string): LinkCheck {
  return { ok: false, reason };
}

function garbled(): LinkCheck {
  return refuse('This e-mail link is garbled (a broken %-code), so Afterview did not open it.');
}

function notAnAddress(address: string): LinkCheck {
  return address === ''
    ? refuse('This e-mail link has an empty recipient, so Afterview did not open it.')
    : refuse(`“${shown(address)}” is not an e-mail address Afterview can use, so it did not open this e-mail link.`);
}
