import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve('.');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  allowScripts?: Record<string, boolean>;
  scripts: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean; version?: string }> };

function floorOf(range: string): [number, number, number] {
  const match = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(range.trim());
  if (!match) throw new Error(`engines.node should be a plain floor (">=22.x.y"), not ${range}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [path] : [];
  });
}

describe('package.json', () => {
  it('asks for Node 22 LTS, the Node inside Electron 45, and the tests run on it', () => {
    const [major, minor] = floorOf(pkg.engines.node);
    expect(major).toBe(22);
    expect(minor).toBeGreaterThanOrEqual(12);
    const [runningMajor, runningMinor] = process.versions.node.split('.').map(Number) as [number, number];
    expect(runningMajor > major || (runningMajor === major && runningMinor >= minor), `the tests run on Node ${process.versions.node}`).toBe(true);
    // The Node types describe the oldest Node the code may meet.
    expect(pkg.devDependencies['@types/node']).toMatch(/^\^22\./);
  });

  it('declares, for each dependency with an install script, whether npm may run it', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([path, entry]) => path.startsWith('node_modules/') && entry.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    const declared = Object.keys(pkg.allowScripts ?? {});
    expect([...new Set(withScripts)].filter((name) => !declared.includes(name))).toEqual([]);
    // The SQLite engine ships its Node-API binary ready: nothing of it runs at install.
    expect(withScripts).not.toContain('better-sqlite3-multiple-ciphers');
  });

  it('has no runtime dependency that no code imports', () => {
    const code = ['electron', 'renderer', 'shared'].flatMap((dir) => sourceFiles(join(root, dir))).map((file) => readFileSync(file, 'utf8'));
    const unused = Object.keys(pkg.dependencies).filter((name) => {
      const imported = new RegExp(`['"]${name.replace(/[/.]/g, '\\$&')}(/[^'"]*)?['"]`);
      return !code.some((text) => imported.test(text));
    });
    expect(unused).toEqual([]);
  });

  it('checks the SQLite engine at install, and compiles it from source with one command where no binary ships', () => {
    expect(pkg.scripts.postinstall).toMatch(/scripts\/sqlite-engine\.mjs$/);
    expect(pkg.scripts['rebuild:sqlite']).toMatch(/scripts\/sqlite-engine\.mjs --build$/);
    // One Node-API binary serves Node and Electron: no separate Electron build.
    expect(pkg.devDependencies['@electron/rebuild']).toBeUndefined();
  });
});
