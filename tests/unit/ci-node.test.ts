import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, type TempDir } from '#support/temp-vault';

const NODE_SH = resolve('.ci/node.sh');

/**
 * .ci/run's Node bootstrap, run in bash against stand-ins: a `node` of the
 * given major, and an `npm` whose `pack` makes a node-linux-* tarball the way
 * the registry's looks (bin/node, include/node), logging each call.
 */
describe('.ci/node.sh', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = tempDir('afterview-ci-node-');
  });
  afterEach(() => dir.remove());

  function standIns(machineNodeMajor: number): string {
    const bin = dir.file('bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'node'), `#!/bin/sh\nif [ "$1" = "--version" ]; then echo v${machineNodeMajor}.20.2; else echo ${machineNodeMajor}; fi\n`);
    writeFileSync(
      join(bin, 'npm'),
      `#!/bin/sh
echo "$@" >> "${dir.file('npm.log')}"
[ "$1" = pack ] || exit 1
spec="$3"; name="\${spec%@*}"; version="\${spec##*@}"
mkdir -p build/package/bin build/package/include/node
printf '#!/bin/sh\\nif [ "$1" = "--version" ]; then echo v%s; else echo 22; fi\\n' "$version" > build/package/bin/node
chmod +x build/package/bin/node
echo '/* node.h */' > build/package/include/node/node.h
tar -czf "$name-$version.tgz" -C build package
rm -rf build
echo "$name-$version.tgz"
`,
    );
    chmodSync(join(bin, 'node'), 0o755);
    chmodSync(join(bin, 'npm'), 0o755);
    return bin;
  }

  function run(bin: string) {
    const script = `set -euo pipefail; source "${NODE_SH}"; ensure_node; echo "node=$(node --version)"; echo "nodedir=\${npm_config_nodedir:-}"`;
    const result = spawnSync('bash', ['-c', script], {
      encoding: 'utf8',
      env: { PATH: `${bin}:/usr/bin:/bin`, HOME: dir.dir, XDG_CACHE_HOME: dir.file('cache') },
    });
    expect(result.status, result.stderr).toBe(0);
    return result.stdout;
  }

  it('brings Node 22 from the registry package onto PATH, with its headers for native addons, when the machine has Node 20', () => {
    const out = run(standIns(20));
    expect(out).toMatch(/^node=v22\.\d+\.\d+$/m);
    const nodedir = /^nodedir=(.+)$/m.exec(out)?.[1] ?? '';
    expect(nodedir).toContain(dir.file('cache'));
    expect(existsSync(join(nodedir, 'include', 'node', 'node.h'))).toBe(true);
    expect(readFileSync(dir.file('npm.log'), 'utf8')).toMatch(/^pack --silent node-linux-(x64|arm64)@22\.\d+\.\d+$/m);
  });

  it('reuses the unpacked Node on the next run, without asking the registry again', () => {
    const bin = standIns(20);
    run(bin);
    const out = run(bin);
    expect(out).toMatch(/^node=v22\./m);
    expect(readFileSync(dir.file('npm.log'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('leaves a machine that already has Node 22 as it is', () => {
    const out = run(standIns(22));
    expect(out).toMatch(/^node=v22\.20\.2$/m);
    expect(out).toMatch(/^nodedir=$/m);
    expect(existsSync(dir.file('npm.log'))).toBe(false);
  });
});
