import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronShell, lookAgainOnWake } from '#main/electron-shell';
import type { TrayActions } from '#main/tray';

vi.mock('electron', () => ({}));

class FakeNotification extends EventEmitter {
  static created: FakeNotification[] = [];
  static supported = true;
  static isSupported = () => FakeNotification.supported;
  constructor(readonly options: { title: string; body: string; icon?: string; silent?: boolean }) {
    super();
    FakeNotification.created.push(this);
  }
  show = vi.fn();
}

class FakeTray extends EventEmitter {
  static created: FakeTray[] = [];
  image: unknown;
  tooltip = '';
  menu: { label?: string }[] = [];
  destroyed = false;
  constructor(image: unknown) {
    super();
    this.image = image;
    FakeTray.created.push(this);
  }
  setImage(image: unknown) {
    this.image = image;
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setTitle() {}
  setContextMenu(menu: { label?: string }[]) {
    this.menu = menu;
  }
  destroy() {
    this.destroyed = true;
  }
}

let actions: TrayActions & { [K in keyof TrayActions]: ReturnType<typeof vi.fn> };
let openExternal: ReturnType<typeof vi.fn<(url: string) => Promise<void>>>;
const printer = { pdf: vi.fn(), close: vi.fn() };

function desktopShell() {
  const shell = { openExternal: (url: string) => openExternal(url) };
  return {
    shell,
    port: createElectronShell({
      electron: { shell, Notification: FakeNotification as never, Tray: FakeTray as never, Menu: { buildFromTemplate: (template) => template as never } },
      trayIcons: { idle: 'idle' as never, due: 'due' as never },
      platform: 'linux',
      actions,
      printer,
      iconPath: '/icons/icon-512.png',
    }),
  };
}

beforeEach(() => {
  FakeNotification.created = [];
  FakeNotification.supported = true;
  FakeTray.created = [];
  openExternal = vi.fn<(url: string) => Promise<void>>().mockResolvedValue(undefined);
  actions = { open: vi.fn(), snooze: vi.fn(), done: vi.fn(), showWindow: vi.fn(), quit: vi.fn() } as never;
});

describe('the desktop adapter of the shell port', () => {
  it('hands a link to shell.openExternal exactly as given, and passes its failure on', async () => {
    const { port } = desktopShell();
    const mail = 'mailto:ana@northwind.example?subject=Thanks&body=Dear%20Ana%2C%0D%0A%0D%0AThank%20you.';
    await port.openExternal(mail);
    expect(openExternal).toHaveBeenCalledWith(mail);
    openExternal.mockRejectedValueOnce(new Error('no handler'));
    await expect(port.openExternal('mailto:x@example.com')).rejects.toThrow('no handler');
  });

  it('looks shell.openExternal up at each call, so the desktop tests can stand in for the mail app', async () => {
    const { port, shell } = desktopShell();
    const standIn = vi.fn().mockResolvedValue(undefined);
    shell.openExternal = standIn;
    await port.openExternal('https://jobs.example/1');
    expect(standIn).toHaveBeenCalledWith('https://jobs.example/1');
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('shows a notification with its text and the app icon; a click opens its reminder, or Today for a summary', () => {
    const { port } = desktopShell();
    port.notify({ title: 'Thank Ana Ruiz', body: 'Due in 22 h. Within a day.', reminderKey: 'thank_you:l1' });
    port.notify({ title: '5 things need you', body: '• a', reminderKey: null });
    const [one, summary] = FakeNotification.created;
    expect(one!.options).toEqual({ title: 'Thank Ana Ruiz', body: 'Due in 22 h. Within a day.', silent: false, icon: '/icons/icon-512.png' });
    expect(one!.show).toHaveBeenCalledOnce();
    one!.emit('click');
    summary!.emit('click');
    expect(actions.open.mock.calls).toEqual([['thank_you:l1'], [null]]);
  });

  it('says whether the system can show notifications, and shows none where it cannot', () => {
    const { port } = desktopShell();
    expect(port.canNotify()).toBe(true);
    FakeNotification.supported = false;
    expect(port.canNotify()).toBe(false);
    port.notify({ title: 't', body: 'b', reminderKey: null });
    expect(FakeNotification.created).toEqual([]);
  });

  it('makes the tray on first use and shows the count in its icon, tooltip and menu', () => {
    const { port } = desktopShell();
    expect(FakeTray.created).toEqual([]);
    port.showDue({ count: 2, items: [{ key: 'k1', title: 'Thank Ana Ruiz', when: 'overdue' }] });
    port.showDue({ count: 0, items: [] });
    expect(FakeTray.created).toHaveLength(1);
    const [tray] = FakeTray.created;
    expect(tray!.image).toBe('idle');
    expect(tray!.tooltip).toBe('Afterview — nothing due');
    port.showDue({ count: 2, items: [{ key: 'k1', title: 'Thank Ana Ruiz', when: 'overdue' }] });
    expect(tray!.image).toBe('due');
    expect(tray!.tooltip).toBe('Afterview — 2 due');
    expect(tray!.menu.map((entry) => entry.label)).toEqual(['2 items due', undefined, 'Thank Ana Ruiz — overdue', undefined, 'Open Afterview', 'Quit Afterview']);
    port.destroy();
    expect(tray!.destroyed).toBe(true);
  });

  it('prints with the printer it was given', () => {
    expect(desktopShell().port.printer).toBe(printer);
  });

  it('looks again after resume and unlock, not on suspend', () => {
    const powerMonitor = new EventEmitter();
    const wake = vi.fn();
    lookAgainOnWake(powerMonitor, wake);
    powerMonitor.emit('suspend');
    expect(wake).not.toHaveBeenCalled();
    powerMonitor.emit('resume');
    powerMonitor.emit('unlock-screen');
    expect(wake).toHaveBeenCalledTimes(2);
  });
});
