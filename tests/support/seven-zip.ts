/**
 * 7-Zip, the archiver the protected export is checked against: Debian's
 * `7zip` package (its binary is `7z` from Debian 13, `7zz` before). In CI it
 * must be there (.ci/run installs it); elsewhere its tests are skipped with a
 * message.
 */
import { spawnSync } from 'node:child_process';

const NAMES = ['7z', '7zz'];

/** The 7-Zip binary on PATH, or null. */
export function sevenZipBinary(): string | null {
  return NAMES.find((name) => spawnSync(name, ['i'], { stdio: 'ignore' }).status === 0) ?? null;
}

export function sevenZipAvailable(): boolean {
  if (sevenZipBinary()) return true;
  if (process.env.CI) throw new Error('7-Zip is not installed, and CI must check the protected export with it: .ci/run installs 7zip.');
  console.warn('Skipping the 7-Zip checks: 7-Zip is not installed (apt-get install 7zip).');
  return false;
}

/** Runs 7-Zip; answers its exit status and what it printed. The password goes as -p<password>, as a user would type it. */
export function sevenZip(args: string[], cwd?: string): { status: number; output: string } {
  const binary = sevenZipBinary();
  if (!binary) throw new Error('7-Zip is not installed');
  const result = spawnSync(binary, args, { cwd, encoding: 'utf8' });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}
