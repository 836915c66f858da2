import type { SafeStorage } from 'electron';
import { NO_KEYCHAIN_REASON, type Keychain, type KeychainStatus } from '#core/keys/keychain';

type SafeStoragePart = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

/**
 * The keychain port over Electron's safeStorage: the macOS Keychain, Windows
 * DPAPI, or on Linux the Secret Service (GNOME Keyring) or KWallet. Linux
 * without either falls back to a fixed, public password ("basic_text"):
 * anyone with the disk could open what it seals, so it counts as no keychain.
 */
export function createSafeStorageKeychain(safeStorage: SafeStoragePart, platform: NodeJS.Platform): Keychain {
  const status = (): KeychainStatus => {
    if (!safeStorage.isEncryptionAvailable()) return { available: false, reason: NO_KEYCHAIN_REASON };
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      return { available: false, reason: 'This computer has no keyring (such as GNOME Keyring or KWallet) that Afterview can keep the key in. Use a passphrase instead.' };
    }
    return { available: true };
  };
  return {
    status,
    seal(secret) {
      if (!status().available) throw new Error(NO_KEYCHAIN_REASON);
      return safeStorage.encryptString(secret);
    },
    open: (blob) => safeStorage.decryptString(blob),
  };
}
