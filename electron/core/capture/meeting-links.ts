import { isSafeExternalUrl } from '#shared/domain/links';

export const MEETING_PROVIDERS = ['zoom', 'teams', 'meet', 'webex'] as const;
export type MeetingProvider = (typeof MEETING_PROVIDERS)[number];

export interface MeetingLink {
  url: string;
  /** Null for a web link that is not one of the known video services. */
  provider: MeetingProvider | null;
}

// Stops at what ends a link in the places invites put them: spaces, angle brackets (Outlook's
// "Join<https://…>"), quotes and HTML.
const LINK = /https:\/\/[^\s<>"'`{}|\\^[\]]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)*]+$/;

/** The video service a join link belongs to, or null for any other page (a help page, a download). */
export function meetingProvider(url: string): MeetingProvider | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase();
  const path = parsed.pathname;
  const under = (domain: string) => host === domain || host.endsWith(`.${domain}`);
  if ((under('zoom.us') || under('zoomgov.com')) && /^\/(j|my|w|s|wc\/join)\//i.test(path)) return 'zoom';
  if (under('teams.microsoft.com') && /^\/(l\/meetup-join|meet)\//i.test(path)) return 'teams';
  if (under('teams.live.com') && /^\/meet\//i.test(path)) return 'teams';
  if (host === 'meet.google.com' && /^\/([a-z]{3}-[a-z]{4}-[a-z]{3}|lookup\/[^/]+)\/?$/i.test(path)) return 'meet';
  if (under('webex.com') && /^\/(meet\/|join\/|wbxmjs\/joinservice\/|[^/]+\/j\.php|[^/]+\/(m|e)\.php|webappng\/sites\/[^/]+\/meeting\/)/i.test(path)) return 'webex';
  return null;
}

/** Every https link in a text, trimmed of the punctuation that ends a sentence, in order. */
export function linksIn(text: string): string[] {
  const links: string[] = [];
  for (const match of text.slice(0, 200_000).matchAll(LINK)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, '');
    if (isSafeExternalUrl(url)) links.push(url);
  }
  return links;
}

/**
 * The join link of a meeting, from the places a calendar put it, most
 * trustworthy first (a conference property, then the location, then the
 * description). A known video service wins anywhere; a plain web link counts
 * only where it was the whole of a dedicated place (a conference property or
 * the location), since descriptions hold links of every kind.
 */
export function findMeetingLink(sources: readonly { text: string; dedicated: boolean }[]): MeetingLink | null {
  for (const source of sources) {
    for (const url of linksIn(source.text)) {
      const provider = meetingProvider(url);
      if (provider) return { url, provider };
    }
  }
  for (const source of sources) {
    if (!source.dedicated) continue;
    const [first] = linksIn(source.text);
    if (first) return { url: first, provider: null };
  }
  return null;
}
