import type { SafeStorage } from 'electron';
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { sessionSecretStore, type SecretStore } from '#core/capture/imap/secret-store';

/**
 * The mailbox password kept with Electron's safeStorage: encrypted by the
 * system's keychain (Keychain on macOS, DPAPI on Windows, the Secret Service
 * or KWallet on Linux) in a file of its own in the user-data folder, never in
 * the vault. Where there is no keychain (safeStorage unavailable, or Linux
 * falling back to its fixed 'basic_text' key, which protects nothing), the
 * password is kept in memory for the session only, and the screen says so.
 */
export function createSafeStorageSecrets(safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & { getSelectedStorageBackend?: () => string }, file: string, platform: NodeJS.Platform = process.platform): SecretStore {
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() : undefined;
  if (!safeStorage.isEncryptionAvailable() || backend === 'basic_text' || backend === 'unknown') {
    rmSync(file, { force: true });
    return sessionSecretStore();
  }
  return {
    kind: 'keychain',
    read() {
      try {
        return safeStorage.decryptString(readFileSync(file));
      } catch {
        // No file yet, or one the keychain can no longer open (another user, a reset keychain): asked for again.
        return null;
      }
    },
    save(secret) {
      mkdirSync(dirname(file), { recursive: true });
      const temporary = `${file}.tmp`;
      writeFileSync(temporary, safeStorage.encryptString(secret), { mode: 0o600 });
      chmodSync(temporary, 0o600);
      renameSync(temporary, file);
    },
    clear() {
      rmSync(file, { force: true });
    },
  };
}
