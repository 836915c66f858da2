import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { APP_USER_MODEL_ID, applyAppUserModelId } from '#main/app-identity';
import { trayIconPaths } from '#main/tray';

vi.mock('electron', () => ({}));

const root = resolve('.');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
  appId: string;
  files: string[];
  electronFuses?: Record<string, boolean>;
  linux: { icon: string };
  deb?: { depends?: string[] };
};

/** electron-builder's own deb dependencies, read from the installed electron-builder: used only when `depends` is absent. */
function electronBuilderDefaultDebDepends(): string[] {
  const require = createRequire(join(root, 'package.json'));
  const source = readFileSync(require.resolve('app-builder-lib/out/targets/FpmTarget.js'), 'utf8');
  const list = /case "deb":\s*return (\[[^\]]*\])/.exec(source)?.[1];
  if (!list) throw new Error('electron-builder no longer lists its default deb dependencies where this test looks');
  return JSON.parse(list) as string[];
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it('keeps every dependency electron-builder would give the deb, and adds what Electron also loads', () => {
    const depends = config.deb?.depends ?? [];
    const defaults = electronBuilderDefaultDebDepends();
    expect(defaults).toEqual(expect.arrayContaining(['libgtk-3-0', 'xdg-utils', 'libnotify4', 'libsecret-1-0']));
    expect(depends).toEqual(expect.arrayContaining(defaults));
    expect(depends).toEqual(expect.arrayContaining(['libasound2', 'libgbm1']));
    expect(new Set(depends).size).toBe(depends.length);
  });

  it('flips the Electron fuses in the packaged app', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('gives Windows the same AppUserModelId as the app sets for itself', () => {
    expect(config.appId).toBe(APP_USER_MODEL_ID);
    const packaged = { isPackaged: true, setAppUserModelId: vi.fn() };
    applyAppUserModelId(packaged, 'win32', 'C:\\Afterview\\Afterview.exe');
    expect(packaged.setAppUserModelId).toHaveBeenCalledWith(config.appId);
    // Unpackaged there is no shortcut with that id: Windows then knows the app by its executable.
    const development = { isPackaged: false, setAppUserModelId: vi.fn() };
    applyAppUserModelId(development, 'win32', 'C:\\dev\\electron.exe');
    expect(development.setAppUserModelId).toHaveBeenCalledWith('C:\\dev\\electron.exe');
    const linux = { isPackaged: true, setAppUserModelId: vi.fn() };
    applyAppUserModelId(linux, 'linux', '/opt/Afterview/afterview');
    expect(linux.setAppUserModelId).not.toHaveBeenCalled();
  });

  it("names the Linux icons so that the size electron-builder reads from each name is the image's own", () => {
    const dir = join(root, config.linux.icon);
    const names = readdirSync(dir);
    // electron-builder 26's reading of a size from a name in the icon folder (iconConverter.js).
    const sized = names.filter((name) => /^(\d+)(?:x\d+)?\.png$/i.test(name));
    expect(sized.map((name) => Number.parseInt(name, 10)).sort((a, b) => a - b)).toEqual([16, 32, 48, 64, 128, 256, 512, 1024]);
    for (const name of sized) {
      const { width, height } = pngSize(join(dir, name));
      expect({ name, width, height }).toEqual({ name, width: Number.parseInt(name, 10), height: Number.parseInt(name, 10) });
    }
    // Nothing else in the folder has a number an older reader could take for a size (trayTemplate@2x.png read as 2 px).
    expect(names.filter((name) => !sized.includes(name) && /\d/.test(name))).toEqual([]);
  });

  it('packages the tray images, outside the app icon folder', () => {
    const trayDir = join(root, 'resources', 'tray');
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      const { idle, due } = trayIconPaths(trayDir, platform);
      expect(existsSync(idle) && existsSync(due)).toBe(true);
    }
    // macOS picks the @2x image beside its template by name.
    expect(existsSync(join(trayDir, 'trayTemplate@2x.png'))).toBe(true);
    expect(config.files).toContain('resources/tray/**');
    expect(readdirSync(join(root, config.linux.icon)).some((name) => name.startsWith('tray'))).toBe(false);
  });
});
