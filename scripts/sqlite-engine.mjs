// The SQLite engine (better-sqlite3-multiple-ciphers: better-sqlite3 built
// with SQLite3 Multiple Ciphers, for the encrypted vault) is a Node-API addon:
// one binary loads in Node (the tests, the browser preview) and in Electron
// (the desktop app) alike, so nothing is rebuilt for Electron. The package
// ships that binary for Windows, macOS and Linux (glibc and musl), on x64 and
// arm64.
//
// `npm install` runs this (postinstall) to check that the engine loads here;
// on a platform the package has no binary for, it says so and names the one
// command that compiles it from source (`npm run rebuild:sqlite`, which needs
// a C++ compiler and Python for node-gyp). It never fails the install: the
// desktop app explains the same if it starts without an engine
// (electron/main/native-sqlite.ts).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ENGINE_PACKAGE = 'better-sqlite3-multiple-ciphers';
export const REBUILD_COMMAND = 'npm run rebuild:sqlite';

function packageDirIn(root) {
  const require = createRequire(join(root, 'package.json'));
  return { require, dir: dirname(require.resolve(`${ENGINE_PACKAGE}/package.json`)) };
}

/**
 * Whether the engine loads in this Node; says what to do when it does not.
 * @param {{ root: string, load?: (packageDir: string) => void, log?: (line: string) => void }} options
 * @returns {'ready' | 'missing'}
 */
export function checkSqliteEngine({ root, load, log = console.log }) {
  const { require, dir } = packageDirIn(root);
  try {
    (load ?? ((packageDir) => new (require(packageDir))(':memory:').close()))(dir);
    return 'ready';
  } catch (error) {
    log(missingEngineMessage(error));
    return 'missing';
  }
}

/** What someone whose platform has no ready binary is told: what it means, and the one command to try. */
export function missingEngineMessage(error) {
  const reason = error instanceof Error ? error.message : String(error);
  return [
    `[afterview] The SQLite engine does not load on this system (${process.platform}-${process.arch}): ${reason}`,
    `[afterview] ${ENGINE_PACKAGE} ships ready binaries for Windows, macOS and Linux on x64 and arm64; elsewhere it is compiled from source.`,
    `[afterview] With a C++ compiler and Python installed, run: ${REBUILD_COMMAND}`,
  ].join('\n');
}

/** Compiles the engine from source with npm's own node-gyp; the result serves Node and Electron alike. */
export function buildSqliteEngine({ root, env = process.env }) {
  const { dir } = packageDirIn(root);
  const nodeGyp = env.npm_config_node_gyp;
  const [command, args] = nodeGyp && existsSync(nodeGyp) ? [process.execPath, [nodeGyp]] : ['npx', ['--yes', 'node-gyp']];
  const result = spawnSync(command, [...args, 'rebuild', '--release', '--force_build=1'], { cwd: dir, stdio: 'inherit', shell: process.platform === 'win32' && command === 'npx' });
  return result.status ?? 1;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  if (process.argv.includes('--build')) {
    process.exitCode = buildSqliteEngine({ root });
    if (process.exitCode === 0 && checkSqliteEngine({ root }) !== 'ready') process.exitCode = 1;
  } else {
    checkSqliteEngine({ root });
  }
}
