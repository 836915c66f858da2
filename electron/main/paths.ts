import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const VAULT_FILE_NAME = 'vault.afterview.sqlite';

/** The default vault: in the user-data folder, so the app needs no setup. */
export function defaultVaultPath(userData: string): string {
  return join(userData, 'vault', VAULT_FILE_NAME);
}

/**
 * In development better-sqlite3 in node_modules is built for Node (the tests
 * use it); scripts/electron-native.mjs leaves an Electron build in .native/.
 * A packaged app has electron-builder's Electron build in node_modules.
 */
export function sqliteNativeBinding(appPath: string, isPackaged: boolean): string | undefined {
  if (isPackaged) return undefined;
  const candidate = join(appPath, '.native', 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}
