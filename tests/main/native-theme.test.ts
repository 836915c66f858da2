import { describe, expect, it, vi } from 'vitest';
import { applyThemeChoice, windowBackground } from '#main/native-theme';
import { appMenuTemplate } from '#main/menu';
import { THEME_BACKGROUNDS } from '#shared/domain/theme';

vi.mock('electron', () => ({}));

/** Electron's nativeTheme, as far as the adapter uses it: the system says dark or not; themeSource overrides it. */
function standInNativeTheme(systemDark: boolean) {
  return {
    themeSource: 'system' as 'system' | 'light' | 'dark',
    get shouldUseDarkColors() {
      return this.themeSource === 'system' ? systemDark : this.themeSource === 'dark';
    },
  };
}

describe('native theme adapter', () => {
  it('hands the appearance choice to Electron, so native menus and prefers-color-scheme follow it', () => {
    const nativeTheme = standInNativeTheme(false);
    applyThemeChoice(nativeTheme, 'dark');
    expect(nativeTheme.themeSource).toBe('dark');
    expect(nativeTheme.shouldUseDarkColors).toBe(true);
    applyThemeChoice(nativeTheme, 'system');
    expect(nativeTheme.themeSource).toBe('system');
    expect(nativeTheme.shouldUseDarkColors).toBe(false);
  });

  it('starts a window on the background of the theme it will show', () => {
    expect(windowBackground(standInNativeTheme(true), 'system')).toBe(THEME_BACKGROUNDS.dark);
    expect(windowBackground(standInNativeTheme(true), 'light')).toBe(THEME_BACKGROUNDS.light);
    expect(windowBackground(standInNativeTheme(false), 'dark')).toBe(THEME_BACKGROUNDS.dark);
    expect(windowBackground(standInNativeTheme(false), 'system')).toBe(THEME_BACKGROUNDS.light);
  });
});

describe('the Go menu', () => {
  it('lists every screen with its shortcut, shown but left to the page, and its items reach the page', () => {
    const navigate = vi.fn();
    const command = vi.fn();
    const go = appMenuTemplate('linux', false, 'Afterview', { navigate, command }).find((menu) => menu.label === '&Go')!;
    const items = (go.submenu as Electron.MenuItemConstructorOptions[]).filter((item) => item.type !== 'separator');
    expect(items.map((item) => [item.label, item.accelerator])).toEqual([
      ['Back', 'Alt+Left'],
      ['Forward', 'Alt+Right'],
      ['Search…', 'CmdOrCtrl+K'],
      ['Today', 'CmdOrCtrl+1'],
      ['Pipeline', 'CmdOrCtrl+2'],
      ['Contacts', 'CmdOrCtrl+3'],
      ['Companies', 'CmdOrCtrl+4'],
      ['References', 'CmdOrCtrl+5'],
      ['Templates', 'CmdOrCtrl+6'],
      ['Trash', 'CmdOrCtrl+7'],
      ['Backups', 'CmdOrCtrl+8'],
      ['Insights', 'CmdOrCtrl+9'],
      ['Settings', 'CmdOrCtrl+,'],
    ]);
    expect(items.every((item) => item.registerAccelerator === false)).toBe(true);
    const click = (label: string) => (items.find((item) => item.label === label)!.click as () => void)();
    click('Pipeline');
    click('Search…');
    expect(navigate).toHaveBeenCalledWith('/pipeline');
    expect(command.mock.calls).toEqual([['openSearch']]);
  });
});

describe('the File menu', () => {
  it('starts with New Opening on Ctrl/Cmd+N, shown but left to the page, which it asks for the form', () => {
    const command = vi.fn();
    for (const platform of ['linux', 'darwin'] as const) {
      const file = appMenuTemplate(platform, false, 'Afterview', { navigate: vi.fn(), command }).find((menu) => menu.label === '&File')!;
      const items = file.submenu as Electron.MenuItemConstructorOptions[];
      expect(items[0]).toMatchObject({ label: 'New Opening', accelerator: 'CmdOrCtrl+N', registerAccelerator: false });
      // Closing the window (macOS) or quitting stays at the end of the menu.
      expect(items.at(-1)?.role).toBe(platform === 'darwin' ? 'close' : 'quit');
      (items[0]!.click as () => void)();
    }
    expect(command.mock.calls).toEqual([['addOpening'], ['addOpening']]);
  });
});
