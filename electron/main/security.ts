import type { App, Session, WebContents } from 'electron';

/** Origins our own renderer is served from. */
export interface TrustedOrigins {
  isTrusted(url: string): boolean;
}

export function createTrustedOrigins(appOrigin: string, devServerUrl?: string): TrustedOrigins {
  const origins = new Set([originOf(appOrigin)]);
  if (devServerUrl) origins.add(originOf(devServerUrl));
  return { isTrusted: (url) => origins.has(originOf(url)) };
}

/** Scheme and host, also for our custom scheme (whose URL.origin is "null" in Node). */
function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : 'invalid:';
  } catch {
    return 'invalid:';
  }
}

/** The one permission the page needs: writing rich text to the clipboard ("copy as rich text"). */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/**
 * Denies every permission (camera, notifications from the page, geolocation…)
 * except the clipboard write above, and that only to our own page.
 */
export function guardPermissions(session: Session, origins: TrustedOrigins): void {
  const allowed = (permission: string, url: string | undefined) => ALLOWED_PERMISSIONS.has(permission) && !!url && origins.isTrusted(url);
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(allowed(permission, details?.requestingUrl)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowed(permission, requestingOrigin));
}

/**
 * Guards every web contents the app ever creates: no navigation away from our
 * origin, no new windows, no webviews. The page never opens a link by
 * navigating: it asks the core (shell.openExternal), where the link policy
 * runs and a refusal is told to the user. Whatever still tries to leave here
 * (a link dropped on the window, a middle click the page missed) goes nowhere.
 */
export function guardWebContents(contents: WebContents, origins: TrustedOrigins): void {
  contents.on('will-navigate', (event, url) => {
    if (!origins.isTrusted(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!origins.isTrusted(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function installSecurityGuards(app: App, session: Session, origins: TrustedOrigins): void {
  guardPermissions(session, origins);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, origins));
}
