// Builds a second copy of better-sqlite3's addon for Electron's ABI, so the
// desktop app (`npm start`) and the Node test suite (`npm test`) both work
// from one `npm install`, with no manual rebuild in between. The Node build in
// node_modules stays untouched; the Electron build lands in .native/ and is
// handed to better-sqlite3 as `nativeBinding` by electron/main.
import { existsSync, mkdirSync, cpSync, copyFileSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const outDir = join(root, '.native');
const outFile = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'stamp.json');

function electronBinaryPresent() {
  try {
    const pkgDir = dirname(require.resolve('electron/package.json'));
    return existsSync(join(pkgDir, 'path.txt'));
  } catch {
    return false;
  }
}

async function main() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1' || !electronBinaryPresent()) {
    console.log('[afterview] Electron binary not installed; skipping the Electron build of better-sqlite3.');
    return;
  }
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const sqliteVersion = JSON.parse(readFileSync(require.resolve('better-sqlite3/package.json'), 'utf8')).version;
  const stamp = { electronVersion, sqliteVersion, platform: process.platform, arch: process.arch };
  if (existsSync(outFile) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === JSON.stringify(stamp)) {
    return;
  }
  console.log(`[afterview] Preparing better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}…`);
  // Work on a private copy so the Node build in node_modules stays as it is.
  const work = join(root, 'node_modules', '.afterview-electron-native');
  rmSync(work, { recursive: true, force: true });
  const moduleCopy = join(work, 'better-sqlite3');
  cpSync(dirname(require.resolve('better-sqlite3/package.json')), moduleCopy, { recursive: true });
  rmSync(join(moduleCopy, 'build'), { recursive: true, force: true });
  // Same order as better-sqlite3's own install: a published Electron prebuild,
  // else a compile against Electron's headers with npm's node-gyp.
  const target = [`--runtime=electron`, `--target=${electronVersion}`, `--arch=${process.arch}`];
  const prebuilt = run(process.execPath, [require.resolve('prebuild-install/bin.js'), ...target, `--platform=${process.platform}`], moduleCopy);
  if (!prebuilt) {
    const nodeGyp = process.env.npm_config_node_gyp;
    if (!nodeGyp) throw new Error('no Electron prebuild was found and npm did not provide node-gyp to compile one');
    const compiled = run(process.execPath, [nodeGyp, 'rebuild', '--release', ...target, '--dist-url=https://electronjs.org/headers'], moduleCopy);
    if (!compiled) throw new Error('compiling better-sqlite3 against Electron failed');
  }
  mkdirSync(outDir, { recursive: true });
  copyFileSync(join(moduleCopy, 'build', 'Release', 'better_sqlite3.node'), outFile);
  writeFileSync(stampFile, JSON.stringify(stamp));
  rmSync(work, { recursive: true, force: true });
  console.log(`[afterview] Electron build of better-sqlite3 written to ${outFile}`);
}

function run(command, args, cwd) {
  return spawnSync(command, args, { cwd, stdio: 'inherit' }).status === 0;
}

main().catch((error) => {
  // A failed Electron build must not break `npm install` for tests; the app
  // reports the missing addon clearly at start instead.
  console.warn(`[afterview] Could not build better-sqlite3 for Electron: ${error?.message ?? error}`);
});
