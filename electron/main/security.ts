import type { App, Session, Shell, WebContents } from 'electron';
import { isSafeExternalUrl } from '../../shared/domain/links';

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

/** Opens a link in the user's browser or mail client, if it is one we allow. */
export function openExternalSafely(shell: Pick<Shell, 'openExternal'>, url: string): boolean {
  if (!isSafeExternalUrl(url)) return false;
  void shell.openExternal(url);
  return true;
}

/** Denies every permission (camera, notifications from the page, geolocation…). */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * Guards every web contents the app ever creates: no navigation away from our
 * origin, no new windows (safe links go to the OS instead), no webviews.
 */
export function guardWebContents(contents: WebContents, origins: TrustedOrigins, shell: Pick<Shell, 'openExternal'>): void {
  contents.on('will-navigate', (event, url) => {
    if (!origins.isTrusted(url)) {
      event.preventDefault();
      openExternalSafely(shell, url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!origins.isTrusted(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(shell, url);
    return { action: 'deny' };
  });
}

export function installSecurityGuards(app: App, session: Session, origins: TrustedOrigins, shell: Pick<Shell, 'openExternal'>): void {
  denyAllPermissions(session);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, origins, shell));
}
