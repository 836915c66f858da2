// `npm run test:desktop`: drives the real desktop app (Electron) with
// Playwright's Electron support, tests/desktop/. Where no Electron binary is
// installed (npm installed the electron package with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1, or could not download it) it says so and
// exits 0. It is not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/**
 * Where electron/index.js would find the binary, without its side effect:
 * asked for a missing binary, it starts a download.
 */
function electronBinary() {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed (run npm install)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(binary) ? { binary } : { missing: `ELECTRON_OVERRIDE_DIST_PATH names ${binary}, which does not exist` };
  }
  if (!relative) return { missing: 'node_modules/electron has no binary (it was installed without one, e.g. with ELECTRON_SKIP_BINARY_DOWNLOAD=1)' };
  const binary = join(packageDir, 'dist', relative);
  return existsSync(binary) ? { binary } : { missing: `${binary} is missing` };
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
  return result.status ?? 1;
}

function hasCommand(command) {
  return spawnSync(process.platform === 'win32' ? 'where' : 'which', [command], { stdio: 'ignore' }).status === 0;
}

const found = electronBinary();
if (!found.binary) {
  console.log(`[test:desktop] No Electron binary here: ${found.missing}.`);
  console.log('[test:desktop] Nothing to run; the desktop tests need a machine where `npm install` could download Electron. Skipping.');
  process.exit(0);
}

// A window needs a display: on a Linux machine without one, run under a virtual one.
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  if (process.env.AFTERVIEW_UNDER_XVFB || !hasCommand('xvfb-run')) {
    console.error('[test:desktop] There is no display. Install Xvfb (e.g. apt-get install -y xvfb xauth) or run under a desktop session.');
    process.exit(1);
  }
  process.exit(run('xvfb-run', ['-a', process.execPath, fileURLToPath(import.meta.url)], { ...process.env, AFTERVIEW_UNDER_XVFB: '1' }));
}

console.log(`[test:desktop] Electron at ${found.binary}`);
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const built = run(npx, ['electron-vite', 'build']);
if (built !== 0) process.exit(built);
// Playwright finds the same binary through electron/index.js; the flag tells the suite it may run.
process.exit(run(npx, ['vitest', 'run', '--project', 'desktop'], { ...process.env, AFTERVIEW_DESKTOP_TESTS: '1' }));
