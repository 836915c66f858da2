// Builds a second copy of better-sqlite3's addon for Electron's ABI, so the
// desktop app (`npm start`) and the Node test suite (`npm test`) both work
// from one `npm install`, with no manual rebuild in between. The Node build in
// node_modules stays untouched; the Electron build lands in .native/ and is
// handed to better-sqlite3 as `nativeBinding` by electron/main (paths.ts).
//
// The build is @electron/rebuild's, Electron's own tool: a published Electron
// prebuild when there is one, else a compile against Electron's headers.
// `npm install` runs this (postinstall) and never fails because of it: the
// tests need only the Node build. `npm run rebuild:electron` runs it again,
// forced, and fails loudly; the desktop app names that command when the
// Electron build is missing (electron/main/native-sqlite.ts).
import { cpSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REBUILD_COMMAND = 'npm run rebuild:electron';

/**
 * @param {{
 *   root: string,
 *   force?: boolean,
 *   env?: Record<string, string | undefined>,
 *   arch?: string,
 *   platform?: string,
 *   rebuild?: (options: Record<string, unknown>) => Promise<unknown>,
 *   log?: (line: string) => void,
 * }} options
 * @returns {Promise<'built' | 'current' | 'skipped'>}
 */
export async function prepareElectronSqlite({ root, force = false, env = process.env, arch = process.arch, platform = process.platform, rebuild, log = console.log }) {
  const require = createRequire(join(root, 'package.json'));
  const outDir = join(root, '.native');
  const outFile = join(outDir, 'better_sqlite3.node');
  const stampFile = join(outDir, 'stamp.json');
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version;
  const stamp = JSON.stringify({ electronVersion, sqliteVersion, platform, arch });

  if (!force && existsSync(outFile) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return 'current';
  if (!force && env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') {
    // Said to have no Electron here (CI, the browser preview): its headers cannot be fetched either.
    log(`[afterview] ELECTRON_SKIP_BINARY_DOWNLOAD is set, so the SQLite engine was not built for Electron. The tests do not need it; before \`npm start\`, run: ${REBUILD_COMMAND}`);
    return 'skipped';
  }

  log(`[afterview] Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}…`);
  // A private copy with a package.json naming only it, so the Node build in node_modules stays as it is.
  const work = join(root, 'node_modules', '.afterview-electron-native');
  rmSync(work, { recursive: true, force: true });
  const moduleCopy = join(work, 'node_modules', 'better-sqlite3');
  const nodeBuild = join(sqliteDir, 'build');
  cpSync(sqliteDir, moduleCopy, { recursive: true, filter: (source) => source !== nodeBuild && !source.startsWith(nodeBuild + sep) });
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'afterview-electron-native', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }));
  try {
    const run = rebuild ?? (await import('@electron/rebuild')).rebuild;
    await run({ buildPath: work, electronVersion, arch, platform, onlyModules: ['better-sqlite3'], force: true, mode: 'sequential' });
    const built = join(moduleCopy, 'build', 'Release', 'better_sqlite3.node');
    if (!existsSync(built)) throw new Error(`the build left no ${join('build', 'Release', 'better_sqlite3.node')}`);
    mkdirSync(outDir, { recursive: true });
    copyFileSync(built, outFile);
    writeFileSync(stampFile, stamp);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  log(`[afterview] Electron build of better-sqlite3 written to ${outFile}`);
  return 'built';
}

/** What to tell someone whose build failed: what happened, what still works, and the one command to try again. */
export function buildFailureMessage(error) {
  const reason = error instanceof Error ? error.message : String(error);
  return [
    `[afterview] Could not build the SQLite engine for Electron: ${reason}`,
    '[afterview] The tests (npm test) and the browser preview still work. The desktop app (npm start) will not open its vault until this build succeeds.',
    '[afterview] It needs an internet connection (Electron prebuilds or headers) and, without a prebuild, a C++ compiler with Python (node-gyp).',
    `[afterview] Then run: ${REBUILD_COMMAND}`,
  ].join('\n');
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const force = process.argv.includes('--force');
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  prepareElectronSqlite({ root, force }).catch((error) => {
    console.warn(buildFailureMessage(error));
    // From `npm install` a failed Electron build must not fail the install (the tests do not need it);
    // asked for by name, it fails.
    if (force) process.exitCode = 1;
  });
}
