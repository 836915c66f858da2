import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createTrustedOrigins, guardPermissions, guardWebContents, installSecurityGuards } from '#main/security';

vi.mock('electron', () => ({}));

class FakeContents extends EventEmitter {
  windowOpenHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

function navigate(contents: FakeContents, eventName: string, url: string) {
  const event = { preventDefault: vi.fn() };
  contents.emit(eventName, event, url);
  return event.preventDefault.mock.calls.length > 0;
}

const origins = createTrustedOrigins('app://afterview');

describe('web contents guards', () => {
  it('blocks navigation away from our origin, safe-looking links too: the page opens links through the core', () => {
    const contents = new FakeContents();
    guardWebContents(contents as never, origins);
    expect(navigate(contents, 'will-navigate', 'app://afterview/index.html#/pipeline')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'mailto:ana@example.com')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, 'will-redirect', 'http://127.0.0.1:9/')).toBe(true);
  });

  it('denies every new window', () => {
    const contents = new FakeContents();
    guardWebContents(contents as never, origins);
    for (const url of ['https://jobs.example/1', 'mailto:ana@example.com?subject=Thanks', 'http://plain.example', 'file:///C:/Windows', 'javascript:alert(1)', 'app://afterview/index.html']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
  });

  it('refuses webviews', () => {
    const contents = new FakeContents();
    guardWebContents(contents as never, origins);
    expect(navigate(contents, 'will-attach-webview', '')).toBe(true);
  });

  it('applies the guards to every web contents the app creates', () => {
    const app = new EventEmitter();
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    installSecurityGuards(app as never, session as never, origins);
    const contents = new FakeContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler).toBeDefined();
    expect(session.setPermissionRequestHandler).toHaveBeenCalled();
  });
});

describe('permissions', () => {
  function guarded() {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    guardPermissions(session as never, origins);
    const request = (permission: string, requestingUrl?: string) => {
      const callback = vi.fn();
      session.setPermissionRequestHandler.mock.calls[0]![0]({}, permission, callback, requestingUrl === undefined ? undefined : { requestingUrl });
      return callback.mock.calls[0]![0] as boolean;
    };
    const check = (permission: string, origin: string) => session.setPermissionCheckHandler.mock.calls[0]![0]({}, permission, origin) as boolean;
    return { request, check };
  }

  it('denies every permission request and check', () => {
    const { request, check } = guarded();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(request(permission, 'app://afterview/index.html'), permission).toBe(false);
      expect(check(permission, 'app://afterview'), permission).toBe(false);
    }
  });

  it('allows exactly the sanitized clipboard write, to our own page only, so "copy as rich text" works', () => {
    const { request, check } = guarded();
    expect(request('clipboard-sanitized-write', 'app://afterview/index.html')).toBe(true);
    expect(check('clipboard-sanitized-write', 'app://afterview')).toBe(true);
    expect(request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(request('clipboard-sanitized-write')).toBe(false);
    expect(check('clipboard-sanitized-write', 'https://evil.example')).toBe(false);
  });
});

describe('trusted origins', () => {
  it('trusts our scheme and, in development only, the dev server', () => {
    expect(origins.isTrusted('app://afterview/index.html')).toBe(true);
    expect(origins.isTrusted('app://other/index.html')).toBe(false);
    expect(origins.isTrusted('http://localhost:5173/')).toBe(false);
    expect(createTrustedOrigins('app://afterview', 'http://localhost:5173').isTrusted('http://localhost:5173/x')).toBe(true);
    expect(origins.isTrusted('garbage')).toBe(false);
  });
});
