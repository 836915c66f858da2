import { createHash } from 'node:crypto';

/**
 * Message-IDs as the capture keys touchpoints by: without angle brackets or
 * white space, case kept (RFC 5322 compares them exactly). Null for a value
 * that is not one.
 */
export function normaliseMessageId(value: string | null | undefined): string | null {
  return messageIdList(value)[0] ?? null;
}

const BRACKETED = /<([^<>\s]{1,900})>/g;
const MAX_REFERENCES = 50;

/** The ids of In-Reply-To or References, oldest first; of a long thread, the latest fifty. */
export function messageIdList(value: string | null | undefined): string[] {
  if (typeof value !== 'string') return [];
  const text = value.slice(0, 100_000);
  const ids = [...text.matchAll(BRACKETED)].map((match) => match[1]!);
  if (ids.length === 0) {
    // Some senders leave the brackets out.
    const bare = text.trim();
    if (bare && bare.length <= 900 && /^[^\s<>]+@[^\s<>]+$/.test(bare)) ids.push(bare);
  }
  return [...new Set(ids)].slice(-MAX_REFERENCES);
}

/**
 * An id for a message that has none (some scripts and old clients send
 * without): made from what identifies the message, so that the same message,
 * read again from a file or the mailbox, gets the same id. `.invalid` keeps
 * it from ever matching a real one.
 */
export function generatedMessageId(parts: readonly (string | null | undefined)[]): string {
  const digest = createHash('sha256').update(parts.map((part) => part ?? '').join('\u0000')).digest('hex').slice(0, 40);
  return `${digest}@generated.afterview.invalid`;
}
