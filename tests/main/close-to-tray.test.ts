import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { CloseGuard } from '#main/close-guard';
import { CloseToTray } from '#main/close-to-tray';
import { startsHidden } from '#main/login-item';
import { trayIconPaths } from '#main/tray';

vi.mock('electron', () => ({}));

/** A window and an app that behave like Electron's for close and quit. */
class FakeWindow extends EventEmitter {
  destroyed = false;
  visible = true;
  hide = vi.fn(() => (this.visible = false));
  isDestroyed = () => this.destroyed;
  close() {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.emit('close', event);
    if (!event.defaultPrevented) {
      this.destroyed = true;
      this.emit('closed');
    }
  }
}
class FakeApp extends EventEmitter {
  quitted = false;
  constructor(private readonly windows: FakeWindow[]) {
    super();
  }
  quit() {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    for (const window of this.windows) if (!window.isDestroyed()) window.close();
    if (this.windows.every((window) => window.isDestroyed())) this.quitted = true;
  }
}

describe('close to tray', () => {
  function setup(enabled: boolean) {
    const stored: { trayExplained?: boolean } = {};
    const explain = vi.fn();
    const window = new FakeWindow();
    const app = new FakeApp([window]);
    // A page that answers flush requests at once.
    const bridge = { isReady: () => true, emit: vi.fn((_name: string, payload: { requestId: number }) => queueMicrotask(() => guard.acknowledge(payload.requestId))) };
    const guard = new CloseGuard(bridge as never);
    guard.guardQuit(app);
    const closeToTray = new CloseToTray({ enabled: () => enabled, explained: () => stored.trayExplained === true, markExplained: () => (stored.trayExplained = true), explain });
    closeToTray.watch(app);
    guard.attach(window, () => closeToTray.hideInstead(window));
    return { window, app, explain, bridge, stored };
  }

  it('hides the window after the page flushed, and explains it once', async () => {
    const { window, explain, bridge, stored } = setup(true);
    window.close();
    expect(window.hide).not.toHaveBeenCalled();
    await Promise.resolve();
    expect(bridge.emit).toHaveBeenCalledWith('app.flushRequested', { requestId: 1 });
    expect(window.hide).toHaveBeenCalledOnce();
    expect(window.destroyed).toBe(false);
    expect(explain).toHaveBeenCalledOnce();
    expect(stored.trayExplained).toBe(true);
    window.close();
    await Promise.resolve();
    expect(window.hide).toHaveBeenCalledTimes(2);
    expect(explain).toHaveBeenCalledOnce();
  });

  it('a real quit quits, even with the window hidden in the tray', async () => {
    const { window, app } = setup(true);
    window.close();
    await Promise.resolve();
    app.quit();
    await Promise.resolve();
    expect(window.destroyed).toBe(true);
    expect(app.quitted).toBe(true);
    expect(window.hide).toHaveBeenCalledOnce();
  });

  it('closes for real when the setting is off', async () => {
    const { window, explain } = setup(false);
    window.close();
    await Promise.resolve();
    expect(window.destroyed).toBe(true);
    expect(window.hide).not.toHaveBeenCalled();
    expect(explain).not.toHaveBeenCalled();
  });
});

describe('starting up', () => {
  it('starts hidden when asked or opened at login', () => {
    expect(startsHidden(['/opt/Afterview/afterview', '--hidden'], false)).toBe(true);
    expect(startsHidden(['/Applications/Afterview.app'], true)).toBe(true);
    expect(startsHidden(['/opt/Afterview/afterview'], false)).toBe(false);
  });

  it('uses template tray images on macOS', () => {
    expect(trayIconPaths('/icons', 'darwin').idle).toMatch(/trayTemplate\.png$/);
    expect(trayIconPaths('/icons', 'linux')).toEqual({ idle: expect.stringMatching(/tray\.png$/), due: expect.stringMatching(/tray-due\.png$/) });
  });
});
