import { join } from 'node:path';

export const VAULT_FILE_NAME = 'vault.afterview.sqlite';

/** The default vault: in the user-data folder, so the app needs no setup. */
export function defaultVaultPath(userData: string): string {
  return join(userData, 'vault', VAULT_FILE_NAME);
}
