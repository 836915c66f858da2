import { isMailAddress } from './links';

/**
 * A mailto: link with recipient, subject and plain-text body, always one the
 * link policy (links.ts) lets through. Mail clients and operating systems cut
 * long URLs (about 2,000 characters is safe), so a long body is shortened at a
 * paragraph and the caller copies the full text.
 */
export const MAILTO_SAFE_LENGTH = 2000;

export interface Mailto {
  url: string;
  /** True when the body had to be shortened to fit. */
  truncated: boolean;
}

/** A lone half of a surrogate pair cannot be %-encoded: it becomes the replacement character. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text as mail expects it: CRLF line breaks, no other control characters. */
const encode = (value: string) =>
  encodeURIComponent(
    value
      .replace(LONE_SURROGATE, '\uFFFD')
      .replace(/\r\n?|\n/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/\n/g, '\r\n'),
  );

/** A subject is one line: line breaks and other control characters become spaces. */
// eslint-disable-next-line no-control-regex
const oneLine = (value: string) => value.replace(/[\u0000-\u001f\u007f]+/g, ' ');

export function buildMailto(to: string | null, subject: string, body: string, limit = MAILTO_SAFE_LENGTH): Mailto {
  // Addresses the policy would refuse are left out; the user fills in the field.
  const recipient = to && isMailAddress(to) ? to : '';
  const head = `mailto:${encodeURIComponent(recipient).replace(/%40/g, '@')}?subject=${encode(oneLine(subject))}`;
  const full = `${head}&body=${encode(body)}`;
  if (full.length <= limit) return { url: full, truncated: false };
  const note = '\n\n[The rest of this note is on your clipboard: paste it here.]';
  const paragraphs = body.split(/\n{2,}/);
  let kept = '';
  for (const paragraph of paragraphs) {
    const candidate = kept ? `${kept}\n\n${paragraph}` : paragraph;
    if (`${head}&body=${encode(candidate + note)}`.length > limit) break;
    kept = candidate;
  }
  if (!kept) {
    // One huge paragraph: cut by characters, never inside an escape sequence.
    // Cut by code points so an emoji's surrogate pair is never split.
    const chars = Array.from(body);
    let low = 0;
    let high = chars.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (`${head}&body=${encode(chars.slice(0, mid).join('') + note)}`.length <= limit) low = mid;
      else high = mid - 1;
    }
    kept = chars.slice(0, low).join('');
  }
  return { url: `${head}&body=${encode(kept + note)}`, truncated: true };
}
