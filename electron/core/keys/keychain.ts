/**
 * The operating system's keychain as the core sees it: a port, because only
 * the desktop shell can reach it (Electron's safeStorage: the macOS Keychain,
 * Windows DPAPI, the Secret Service or KWallet on Linux). It seals the vault
 * key into a blob that only this user on this computer can open; the blob is
 * kept beside the vault, the key itself never is.
 */
export type KeychainStatus = { available: true } | { available: false; reason: string };

export interface Keychain {
  /** Whether sealing here really protects: false where the system would keep the secret in a form anyone with the disk could read. */
  status(): KeychainStatus;
  seal(secret: string): Buffer;
  /** Throws when this user or computer cannot open the blob (another account, a reset keyring). */
  open(blob: Buffer): string;
}

/** Said when no keychain can be used at all: the browser preview, a test. */
export const NO_KEYCHAIN_REASON = 'Afterview cannot reach a system keychain here. Use a passphrase instead.';
