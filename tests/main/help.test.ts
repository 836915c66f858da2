import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { openVault } from '#core/vault/connection';
import { createCompaniesRepository } from '#core/vault/repositories/companies';
import { createOpeningsRepository } from '#core/vault/repositories/openings';
import { aboutText, macAboutPanelOptions } from '#main/about';
import { createHelpActions, licencesFilePath, runtimeFacts, type HelpDeps } from '#main/help-actions';
import { appMenuTemplate } from '#main/menu';
import { newOpeningSchema } from '#shared/domain/opening';
import { thirdPartyNotices } from '../../scripts/third-party-notices.mjs';
import { tempDir, type TempDir } from '#support/temp-vault';

vi.mock('electron', () => ({}));

const ABOUT = { appName: 'Afterview', version: '0.1.0', electron: '45.5.0', chrome: '142.0.7444.52', node: '22.20.0' };

function helpMenuOf(platform: NodeJS.Platform, actions: Parameters<typeof appMenuTemplate>[3]) {
  const menu = appMenuTemplate(platform, false, 'Afterview', actions).find((entry) => entry.label === '&Help')!;
  return { menu, items: (menu.submenu as MenuItemConstructorOptions[]).filter((item) => item.type !== 'separator') };
}

const click = (items: MenuItemConstructorOptions[], label: string) => (items.find((item) => item.label === label)!.click as () => void)();

describe('the Help menu', () => {
  it('on Windows and Linux: how Afterview works, the shortcuts, diagnostics, the log, the licences and About', () => {
    const navigate = vi.fn();
    const command = vi.fn();
    const help = { about: vi.fn(), copyDiagnostics: vi.fn(), openLogFolder: vi.fn(), openLicences: vi.fn() };
    for (const platform of ['win32', 'linux'] as const) {
      const { menu, items } = helpMenuOf(platform, { navigate, command, help });
      expect(menu.role).toBe('help');
      expect(items.map((item) => item.label)).toEqual(['How Afterview Works', 'Keyboard Shortcuts', 'Copy Diagnostics for a Bug Report…', 'Open Log Folder', 'Open-Source Licences', 'About Afterview']);
    }
    const { items } = helpMenuOf('linux', { navigate, command, help });
    for (const label of ['How Afterview Works', 'Keyboard Shortcuts', 'Copy Diagnostics for a Bug Report…', 'Open Log Folder', 'Open-Source Licences', 'About Afterview']) click(items, label);
    expect(navigate).toHaveBeenCalledWith('/guide');
    expect(command).toHaveBeenCalledWith('showShortcuts');
    expect(help.copyDiagnostics).toHaveBeenCalled();
    expect(help.openLogFolder).toHaveBeenCalled();
    expect(help.openLicences).toHaveBeenCalled();
    expect(help.about).toHaveBeenCalled();
  });

  it('on macOS leaves About to the app menu, whose standard panel shows the same facts', () => {
    const { items } = helpMenuOf('darwin', { navigate: vi.fn(), command: vi.fn() });
    expect(items.map((item) => item.label)).not.toContain('About Afterview');
    const appMenu = appMenuTemplate('darwin', false).at(0)!.submenu as MenuItemConstructorOptions[];
    expect(appMenu[0]!.role).toBe('about');
    const panel = macAboutPanelOptions({ ...ABOUT, vaultPath: '/Users/ana/Library/Application Support/Afterview/vault/vault.afterview.sqlite' });
    expect(panel).toMatchObject({ applicationVersion: '0.1.0', version: 'Electron 45.5.0 · Chromium 142.0.7444.52' });
    expect(panel.credits).toContain('/Users/ana/Library/Application Support/Afterview/vault');
    expect(panel.credits).toMatch(/licences/i);
  });
});

describe('About', () => {
  it("says the version, Electron's and Chromium's, where the vault is, and where the licences are", () => {
    const { message, detail } = aboutText({ ...ABOUT, vaultPath: '/home/ana/.config/Afterview/vault/vault.afterview.sqlite' });
    expect(message).toBe('Afterview 0.1.0');
    expect(detail).toContain('Electron 45.5.0 · Chromium 142.0.7444.52 · Node 22.20.0');
    expect(detail).toContain('/home/ana/.config/Afterview/vault/vault.afterview.sqlite');
    expect(detail).toMatch(/Open-Source Licences/);
  });
});

describe('the Help actions', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = tempDir('afterview-help-');
  });
  afterEach(() => dir.remove());

  function setUp(answer: number, vault: HelpDeps['vault'] = () => null) {
    const dialog = { showMessageBox: vi.fn(async (_options: Electron.MessageBoxOptions) => ({ response: answer, checkboxChecked: false })), showErrorBox: vi.fn() };
    const clipboard = { writeText: vi.fn() };
    const shell = { openPath: vi.fn(async (_path: string) => ''), showItemInFolder: vi.fn() };
    const actions = createHelpActions({
      dialog: dialog as never,
      clipboard,
      shell,
      window: () => null,
      about: ABOUT,
      vaultPath: join(dir.dir, 'vault.afterview.sqlite'),
      vault,
      facts: () => runtimeFacts({ getVersion: () => '0.1.0', isPackaged: true, getLocale: () => 'en-GB' }, true),
      logsDir: join(dir.dir, 'logs'),
      licencesPath: join(dir.dir, 'THIRD-PARTY-NOTICES.txt'),
      log: vi.fn(),
    });
    return { actions, dialog, clipboard, shell };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('copies diagnostics with versions, the system, and the vault in numbers, never its content or its path, after showing them', async () => {
    const vault = openVault(join(dir.dir, 'vault.afterview.sqlite'));
    try {
      const openings = createOpeningsRepository(vault.db, createCompaniesRepository(vault.db));
      openings.create(newOpeningSchema.parse({ companyName: 'Secret Employer GmbH', role: 'Confidential Role' }), '2026-03-02T09:00:00.000Z');
      writeFileSync(join(vault.attachmentsDir, 'offer-letter.pdf'), 'x'.repeat(2048));
      const { actions, dialog, clipboard } = setUp(0, () => vault);
      actions.copyDiagnostics();
      await settle();
      const shown = dialog.showMessageBox.mock.calls[0]![0].detail!;
      const copied = clipboard.writeText.mock.calls[0]![0] as string;
      expect(shown).toContain(copied);
      expect(copied).toMatch(/^Afterview 0\.1\.0$/m);
      expect(copied).toContain(`Node ${process.versions.node}`);
      expect(copied).toContain(`locale en-GB`);
      expect(copied).toMatch(/Vault: schema \d+ · database [\d.]+ KB/);
      expect(copied).toContain('1 attachments, 2.0 KB');
      expect(copied).toMatch(/openings 1\b/);
      expect(copied).toMatch(/companies 1\b/);
      expect(copied).not.toMatch(/Secret Employer|Confidential|offer-letter/);
      expect(copied).not.toContain(dir.dir);
    } finally {
      vault.close();
    }
  });

  it('copies nothing when the user cancels', async () => {
    const { actions, clipboard } = setUp(1);
    actions.copyDiagnostics();
    await settle();
    expect(clipboard.writeText).not.toHaveBeenCalled();
  });

  it('opens the log folder and the licences with the OS, and says so when it cannot', async () => {
    const { actions, shell, dialog } = setUp(0);
    actions.openLogFolder();
    expect(shell.openPath).toHaveBeenCalledWith(join(dir.dir, 'logs'));
    shell.openPath.mockResolvedValueOnce('No application knows how to open it');
    actions.openLicences();
    await settle();
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Afterview could not open the licences', expect.stringContaining('No application'));
  });

  it("About's buttons copy the versions, show the vault's folder and open the licences", async () => {
    for (const [answer, check] of [
      [1, ({ clipboard }: ReturnType<typeof setUp>) => expect(clipboard.writeText.mock.calls[0]![0]).toContain('Afterview 0.1.0\nElectron 45.5.0')],
      [2, ({ shell }: ReturnType<typeof setUp>) => expect(shell.showItemInFolder).toHaveBeenCalledWith(join(dir.dir, 'vault.afterview.sqlite'))],
      [3, ({ shell }: ReturnType<typeof setUp>) => expect(shell.openPath).toHaveBeenCalledWith(join(dir.dir, 'THIRD-PARTY-NOTICES.txt'))],
    ] as const) {
      const context = setUp(answer);
      context.actions.about();
      await settle();
      check(context);
    }
  });
});

describe('the licences', () => {
  it('list everything the app ships with its licence text, and none of the build tools', () => {
    const text = thirdPartyNotices(resolve('.'));
    expect(text).toMatch(/^Electron \d+\.\d+\.\d+ \(MIT\)/m);
    expect(text).toMatch(/LICENSES\.chromium\.html/);
    expect(text).toMatch(/^better-sqlite3-multiple-ciphers [\d.]+ \(MIT\)/m);
    expect(text).toMatch(/^react [\d.]+ \(MIT\)/m);
    expect(text).toMatch(/^electron-log [\d.]+ \(MIT\)/m);
    expect(text).toMatch(/Permission is hereby granted/);
    expect(text).toMatch(/SIL OPEN FONT LICENSE/i);
    expect(text).toMatch(/Spelling dictionaries \(SCOWL.*en-US\.LICENSE/);
    expect(text).not.toMatch(/^(vitest|eslint|typescript|playwright-core) /m);
  });

  it('are written by the build and packaged beside the app, where About and Help find them', () => {
    const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toContain('scripts/third-party-notices.mjs');
    expect(pkg.scripts.dist).toMatch(/^npm run build && electron-builder/);
    const builder = parse(readFileSync(resolve('electron-builder.yml'), 'utf8')) as { extraResources: { from: string; to: string }[] };
    expect(builder.extraResources).toContainEqual({ from: 'out/licenses', to: 'licenses' });
    expect(licencesFilePath(true, '/opt/Afterview/resources', '/opt/Afterview/resources/app.asar')).toBe(join('/opt/Afterview/resources', 'licenses', 'THIRD-PARTY-NOTICES.txt'));
    expect(licencesFilePath(false, '/x', resolve('.'))).toBe(resolve('out', 'licenses', 'THIRD-PARTY-NOTICES.txt'));
    expect(existsSync(resolve('scripts/third-party-notices.mjs'))).toBe(true);
  });
});
