import { EventEmitter } from 'node:events';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { watchHistoryGestures } from '#main/history-gestures';
import { appMenuTemplate } from '#main/menu';

vi.mock('electron', () => ({}));

describe("the window's own back and forward", () => {
  it("on Windows and Linux, hands the mouse's back and forward buttons (app-command) to the page", () => {
    for (const platform of ['win32', 'linux'] as const) {
      const window = new EventEmitter();
      const navigate = vi.fn();
      watchHistoryGestures(window as never, platform, navigate);
      window.emit('app-command', {}, 'browser-backward');
      window.emit('app-command', {}, 'browser-forward');
      window.emit('app-command', {}, 'media-play-pause');
      window.emit('swipe', {}, 'left');
      expect(navigate.mock.calls).toEqual([['back'], ['forward']]);
    }
  });

  it('on macOS, a swipe left goes back and right goes forward', () => {
    const window = new EventEmitter();
    const navigate = vi.fn();
    watchHistoryGestures(window as never, 'darwin', navigate);
    window.emit('swipe', {}, 'left');
    window.emit('swipe', {}, 'right');
    window.emit('swipe', {}, 'up');
    expect(navigate.mock.calls).toEqual([['back'], ['forward']]);
  });
});

describe('Go ▸ Back and Forward', () => {
  const goMenu = (platform: NodeJS.Platform, command = vi.fn()) => {
    const template = appMenuTemplate(platform, false, 'Afterview', { navigate: vi.fn(), command });
    return (template.find((menu) => menu.label === '&Go')!.submenu as MenuItemConstructorOptions[]).slice(0, 2);
  };

  it("show the browsers' keys for this platform and ask the page to go", () => {
    const command = vi.fn();
    const [back, forward] = goMenu('linux', command);
    expect([back!.label, back!.accelerator, forward!.label, forward!.accelerator]).toEqual(['Back', 'Alt+Left', 'Forward', 'Alt+Right']);
    (back!.click as () => void)();
    (forward!.click as () => void)();
    expect(command.mock.calls).toEqual([['goBack'], ['goForward']]);
    expect(goMenu('darwin').map((item) => item.accelerator)).toEqual(['Cmd+[', 'Cmd+]']);
    // The page handles the keys; registering them here too would go two steps per press.
    expect(goMenu('win32').every((item) => item.registerAccelerator === false)).toBe(true);
  });
});
