import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { autostartDesktopEntry, setLaunchAtLogin } from '#main/login-item';
import { AfterviewTray, trayMenuTemplate, type TrayActions } from '#main/tray';

vi.mock('electron', () => ({}));

function actions(): TrayActions & Record<string, ReturnType<typeof vi.fn>> {
  return { open: vi.fn(), snooze: vi.fn(), done: vi.fn(), showWindow: vi.fn(), quit: vi.fn() } as never;
}

class FakeTray extends EventEmitter {
  image: unknown;
  tooltip = '';
  title = '';
  menu: unknown;
  constructor(image: unknown) {
    super();
    this.image = image;
  }
  setImage(image: unknown) {
    this.image = image;
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setTitle(text: string) {
    this.title = text;
  }
  setContextMenu(menu: unknown) {
    this.menu = menu;
  }
  destroy() {}
}

const items = [
  { key: 'k1', title: 'Thank Ana Ruiz', when: 'overdue' },
  { key: 'k2', title: 'Debrief your interview', when: 'now' },
];

describe('tray menu', () => {
  it('shows the count, the next items with open/snooze/done, and open and quit', () => {
    const handlers = actions();
    const template = trayMenuTemplate(2, items, handlers);
    expect(template[0]).toMatchObject({ label: '2 items due', enabled: false });
    const first = template.find((entry) => entry.label === 'Thank Ana Ruiz — overdue')!;
    const submenu = first.submenu as { label: string; click(): void }[];
    expect(submenu.map((entry) => entry.label)).toEqual(['Open', 'Snooze 15 minutes', 'Snooze 1 hour', 'Snooze tomorrow morning', 'Done']);
    submenu[0]!.click();
    submenu[2]!.click();
    submenu[4]!.click();
    expect(handlers.open).toHaveBeenCalledWith('k1');
    expect(handlers.snooze).toHaveBeenCalledWith('k1', '1h');
    expect(handlers.done).toHaveBeenCalledWith('k1');
    const labels = template.map((entry) => entry.label);
    expect(labels.slice(-2)).toEqual(['Open Afterview', 'Quit Afterview']);
  });

  it('says when nothing is due and lists at most five items', () => {
    expect(trayMenuTemplate(0, [], actions())[0]!.label).toBe('Nothing due');
    const many = Array.from({ length: 9 }, (_, index) => ({ key: `k${index}`, title: `Item ${index}`, when: 'now' }));
    expect(trayMenuTemplate(9, many, actions()).filter((entry) => entry.submenu)).toHaveLength(5);
  });

  it('switches its icon and tooltip with the count; shows the count as a title on macOS', () => {
    const built: unknown[] = [];
    const electron = { Tray: FakeTray as never, Menu: { buildFromTemplate: (template: unknown) => (built.push(template), template) as never } };
    const tray = new AfterviewTray(electron, { idle: 'idle' as never, due: 'due' as never }, actions(), 'darwin');
    const fake = (tray as unknown as { tray: FakeTray }).tray;
    expect(fake.image).toBe('idle');
    tray.update(2, items);
    expect(fake.image).toBe('due');
    expect(fake.tooltip).toBe('Afterview — 2 due');
    expect(fake.title).toBe('2');
  });

  it('brings the window back on click on Windows and Linux', () => {
    const handlers = actions();
    const electron = { Tray: FakeTray as never, Menu: { buildFromTemplate: (template: unknown) => template as never } };
    const tray = new AfterviewTray(electron, { idle: 'idle' as never, due: 'due' as never }, handlers, 'win32');
    (tray as unknown as { tray: FakeTray }).tray.emit('click');
    expect(handlers.showWindow).toHaveBeenCalled();
  });
});

describe('launch at login', () => {
  it('uses login items on macOS and Windows, starting hidden in the tray', async () => {
    const app = { setLoginItemSettings: vi.fn() };
    await setLaunchAtLogin(app, { platform: 'win32', executable: 'C:\\Afterview.exe', configHome: '' }, true);
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, args: ['--hidden'] });
  });

  it('writes and removes an XDG autostart entry on Linux', async () => {
    const configHome = mkdtempSync(join(tmpdir(), 'afterview-xdg-'));
    const app = { setLoginItemSettings: vi.fn() };
    const env = { platform: 'linux' as const, executable: '/opt/Afterview/Afterview App.AppImage', configHome };
    await setLaunchAtLogin(app, env, true);
    const file = join(configHome, 'autostart', 'afterview.desktop');
    expect(readFileSync(file, 'utf8')).toContain('Exec="/opt/Afterview/Afterview App.AppImage" --hidden');
    await setLaunchAtLogin(app, env, false);
    expect(existsSync(file)).toBe(false);
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('quotes executables with special characters', () => {
    expect(autostartDesktopEntry('/usr/bin/afterview')).toContain('Exec=/usr/bin/afterview --hidden');
    expect(autostartDesktopEntry('/a b/$x')).toContain('Exec="/a b/\\$x" --hidden');
  });
});
