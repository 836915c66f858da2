import { openExternal } from '../api';
import { messageOf } from './message-of';

/** A link that was not opened, and why. */
export interface LinkNotOpened {
  href: string;
  message: string;
}

const listeners = new Set<(notice: LinkNotOpened) => void>();

/**
 * Hands a link to the browser or mail app through the shell, from anywhere
 * (a link on a page, a link in a note). When the policy refuses it or the
 * system cannot open it, the page says so (LinkNotices): never silently.
 */
export async function openLink(href: string): Promise<boolean> {
  try {
    await openExternal(href);
    return true;
  } catch (caught) {
    const notice = { href, message: messageOf(caught) };
    listeners.forEach((listener) => listener(notice));
    return false;
  }
}

/** Calls `listener` for each link that was not opened; returns the unsubscribe. */
export function onLinkNotOpened(listener: (notice: LinkNotOpened) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
