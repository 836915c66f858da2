import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildFailureMessage, prepareElectronSqlite, REBUILD_COMMAND } from '../../scripts/electron-native.mjs';
import { tempDir, type TempDir } from '../support/temp-vault';

/** A project folder as npm leaves it: Electron's package and better-sqlite3 with its Node build. */
function project(dir: TempDir): string {
  const root = dir.dir;
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'afterview' }));
  mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
  writeFileSync(join(root, 'node_modules', 'electron', 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
  const sqlite = join(root, 'node_modules', 'better-sqlite3');
  mkdirSync(join(sqlite, 'build', 'Release'), { recursive: true });
  mkdirSync(join(sqlite, 'lib'), { recursive: true });
  writeFileSync(join(sqlite, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.11.1', main: 'lib/index.js' }));
  writeFileSync(join(sqlite, 'lib', 'index.js'), '');
  writeFileSync(join(sqlite, 'build', 'Release', 'better_sqlite3.node'), 'node build');
  return root;
}

describe('scripts/electron-native.mjs', () => {
  let dir: TempDir;
  let root: string;
  const log = vi.fn();
  beforeEach(() => {
    dir = tempDir('afterview-native-');
    root = project(dir);
    log.mockClear();
  });
  afterEach(() => dir.remove());

  /** @electron/rebuild as far as the script sees it: it compiles the module it is pointed at. */
  const compiles = vi.fn(async (options: Record<string, unknown>) => {
    const module = join(options.buildPath as string, 'node_modules', 'better-sqlite3');
    // It is handed a copy without the Node build, never the one the tests load.
    expect(existsSync(join(module, 'lib', 'index.js'))).toBe(true);
    expect(existsSync(join(module, 'build'))).toBe(false);
    mkdirSync(join(module, 'build', 'Release'), { recursive: true });
    writeFileSync(join(module, 'build', 'Release', 'better_sqlite3.node'), 'electron build');
  });

  it("builds better-sqlite3 with @electron/rebuild for this Electron into .native/, leaving the tests' Node build alone", async () => {
    compiles.mockClear();
    expect(await prepareElectronSqlite({ root, env: {}, arch: 'x64', platform: 'linux', rebuild: compiles, log })).toBe('built');
    expect(compiles).toHaveBeenCalledWith(expect.objectContaining({ electronVersion: '45.5.0', arch: 'x64', onlyModules: ['better-sqlite3'], force: true }));
    expect(readFileSync(join(root, '.native', 'better_sqlite3.node'), 'utf8')).toBe('electron build');
    expect(readFileSync(join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe('node build');
    expect(existsSync(join(root, 'node_modules', '.afterview-electron-native'))).toBe(false);

    // The next install finds it current; asked by name, it builds again.
    expect(await prepareElectronSqlite({ root, env: {}, arch: 'x64', platform: 'linux', rebuild: compiles, log })).toBe('current');
    expect(compiles).toHaveBeenCalledTimes(1);
    expect(await prepareElectronSqlite({ root, force: true, env: {}, arch: 'x64', platform: 'linux', rebuild: compiles, log })).toBe('built');
    expect(compiles).toHaveBeenCalledTimes(2);
  });

  it('on a machine without Electron, skips the build and says which command makes it later', async () => {
    const rebuild = vi.fn();
    expect(await prepareElectronSqlite({ root, env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, rebuild, log })).toBe('skipped');
    expect(rebuild).not.toHaveBeenCalled();
    expect(log.mock.calls.flat().join('\n')).toContain(REBUILD_COMMAND);
  });

  it('a failed build leaves no half-made engine behind and explains what to do', async () => {
    const failing = vi.fn().mockRejectedValue(new Error('gyp ERR! find Python'));
    await expect(prepareElectronSqlite({ root, env: {}, rebuild: failing, log })).rejects.toThrow('gyp ERR! find Python');
    expect(existsSync(join(root, '.native', 'better_sqlite3.node'))).toBe(false);
    expect(existsSync(join(root, 'node_modules', '.afterview-electron-native'))).toBe(false);
    const message = buildFailureMessage(new Error('gyp ERR! find Python'));
    expect(message).toContain('gyp ERR! find Python');
    expect(message).toContain('npm test');
    expect(message).toContain(`Then run: ${REBUILD_COMMAND}`);
  });
});
