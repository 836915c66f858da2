import { isSafeExternalUrl } from '../../../shared/domain/links';

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
 * Hands a link to the operating system (browser or mail client). The page
 * never navigates; the desktop shell turns window.open into an external open
 * and checks the address again.
 */
export function openExternalLink(href: string | null | undefined): boolean {
  if (!href || !isSafeExternalUrl(href)) return false;
  window.open(href, '_blank', 'noopener');
  return true;
}
