import { checkExternalLink, isSafeExternalUrl } from '#shared/domain/links';
import { openLink } from '../ui/open-link';

/** The message shown when a typed link is refused. */
export const UNSAFE_LINK_MESSAGE = 'Links must start with https:// (a web page) or mailto: (an e-mail address). Other kinds of links could run programs or open files, so Afterview keeps them out.';

/**
 * Turns what the user typed into a link we accept, or null. A bare address
 * like "example.com/jobs" becomes https://…, and "ana@example.com" a mailto:.
 */
export function normalizeLinkInput(raw: string): string | null {
  const value = raw.trim();
  if (value === '') return null;
  if (isSafeExternalUrl(value)) return value;
  // Something with a scheme of its own (javascript:, file:, http:) is refused as typed, never rewritten.
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !/^[^:/@]+:\d+(\/|$)/.test(value)) return null;
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(value)) return isSafeExternalUrl(`mailto:${value}`) ? `mailto:${value}` : null;
  const withScheme = `https://${value.replace(/^\/+/, '')}`;
  if (!isSafeExternalUrl(withScheme)) return null;
  // A web address needs a dot in its host ("example.com"), or it is probably a typo.
  return new URL(withScheme).hostname.includes('.') ? withScheme : null;
}

/**
 * Hands a link in a note to the browser or mail app. The page never
 * navigates: the link goes through the core, where the link policy runs in
 * both shells, and a refusal is told in the page (see ui/open-link.ts).
 */
export function openExternalLink(href: string | null | undefined): void {
  if (href !== null && href !== undefined) void openLink(href);
}

/** Why a typed address was refused: the policy's own reason for a web or mail link, the general rule otherwise. */
export function refusedLinkMessage(raw: string): string {
  const value = raw.trim();
  if (!/^(https|mailto):/i.test(value)) return UNSAFE_LINK_MESSAGE;
  const check = checkExternalLink(value);
  return check.ok ? UNSAFE_LINK_MESSAGE : check.reason;
}
