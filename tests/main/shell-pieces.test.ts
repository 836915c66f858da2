import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { EventBridge, EVENT_CHANNEL } from '#main/event-bridge';
import { appMenuTemplate } from '#main/menu';
import { defaultVaultPath } from '#main/paths';
import { handleAppProtocol, resolveAppFile } from '#main/protocol';

vi.mock('electron', () => ({}));

describe('application menu', () => {
  const roles = (template: ReturnType<typeof appMenuTemplate>) =>
    template.flatMap((menu) => [menu.role, ...(Array.isArray(menu.submenu) ? menu.submenu.map((item) => item.role) : [])]).filter(Boolean);

  it('offers the standard editing roles on every platform', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      expect(roles(appMenuTemplate(platform, false))).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'windowMenu']));
    }
  });

  it('has the app menu on macOS only, and developer tools only in development', () => {
    expect(appMenuTemplate('darwin', false)[0]!.label).toBe('Afterview');
    expect(appMenuTemplate('win32', false)[0]!.label).toBe('&File');
    expect(roles(appMenuTemplate('linux', false))).not.toContain('toggleDevTools');
    expect(roles(appMenuTemplate('linux', true))).toContain('toggleDevTools');
  });
});

describe('app:// protocol', () => {
  const root = mkdtempSync(join(tmpdir(), 'afterview-renderer-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<html></html>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');

  it('maps our URLs to files inside the renderer folder only', () => {
    expect(resolveAppFile(root, 'app://afterview/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://afterview/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveAppFile(root, 'app://afterview/../../etc/passwd')).toBe(join(root, 'etc', 'passwd'));
    // The URL parser folds dot segments (also %2e%2e) before we see the path…
    expect(resolveAppFile(root, 'app://afterview/%2e%2e/%2e%2e/etc/passwd')).toBe(join(root, 'etc', 'passwd'));
    // …but encoded slashes survive it, so the folder check must catch them.
    expect(resolveAppFile(root, 'app://afterview/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveAppFile(root, 'app://afterview/assets/%00x')).toBeNull();
    expect(resolveAppFile(root, 'app://elsewhere/index.html')).toBeNull();
    expect(resolveAppFile(root, 'https://afterview/index.html')).toBeNull();
  });

  it('serves files with the CSP header and 404s everything else', async () => {
    let handler: ((request: Request) => Promise<Response>) | undefined;
    handleAppProtocol({ handle: (_scheme: string, fn: (request: Request) => Promise<Response>) => (handler = fn) } as never, root);
    const ok = await handler!(new Request('app://afterview/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Content-Type')).toMatch(/text\/html/);
    expect(ok.headers.get('Content-Security-Policy')).toMatch(/default-src 'none'/);
    expect((await handler!(new Request('app://afterview/missing.js'))).status).toBe(404);
    expect((await handler!(new Request('app://afterview/..%2f..%2fsecret'))).status).toBe(404);
  });
});

describe('event bridge', () => {
  it('holds events until the window is ready, then delivers them in order', () => {
    const target = { isDestroyed: () => false, send: vi.fn() };
    const bridge = new EventBridge();
    bridge.attach(target);
    bridge.emit('navigate', { path: '/a' });
    bridge.emit('navigate', { path: '/b' });
    expect(target.send).not.toHaveBeenCalled();
    bridge.markReady();
    expect(target.send.mock.calls).toEqual([
      [EVENT_CHANNEL, { name: 'navigate', payload: { path: '/a' } }],
      [EVENT_CHANNEL, { name: 'navigate', payload: { path: '/b' } }],
    ]);
    bridge.emit('navigate', { path: '/c' });
    expect(target.send).toHaveBeenCalledTimes(3);
  });

  it('queues again after a new window is attached (e.g. reopened from the tray)', () => {
    const bridge = new EventBridge();
    bridge.attach({ isDestroyed: () => false, send: vi.fn() });
    bridge.markReady();
    const second = { isDestroyed: () => false, send: vi.fn() };
    bridge.attach(second);
    bridge.emit('navigate', { path: '/x' });
    expect(second.send).not.toHaveBeenCalled();
    bridge.markReady();
    expect(second.send).toHaveBeenCalledOnce();
  });
});

describe('paths', () => {
  it('keeps the default vault in the user-data folder', () => {
    expect(defaultVaultPath('/home/ana/.config/Afterview')).toBe(join('/home/ana/.config/Afterview', 'vault', 'vault.afterview.sqlite'));
  });

});
