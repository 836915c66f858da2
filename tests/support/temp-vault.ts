import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openVault, type OpenVaultOptions, type Vault } from '#core/vault/connection';

export interface TempDir {
  dir: string;
  file(name: string): string;
  remove(): void;
}

export function tempDir(prefix = 'afterview-test-'): TempDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, file: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh vault on a temp file; `cleanup` closes it and removes the folder. */
export function tempVault(options?: OpenVaultOptions): Vault & { cleanup(): void; dirPath: string } {
  const dir = tempDir();
  const vault = openVault(dir.file('vault.afterview.sqlite'), options);
  return Object.assign(vault, {
    dirPath: dir.dir,
    cleanup() {
      if (vault.db.open) vault.close();
      dir.remove();
    },
  });
}
