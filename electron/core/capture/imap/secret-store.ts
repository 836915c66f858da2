/**
 * Where the mailbox password is kept: a port, so that the core never sees
 * how. The desktop keeps it with Electron's safeStorage (the system's
 * keychain) in a file of its own beside the vault, never in the vault; the
 * preview and the tests keep it in memory for the session.
 */
export interface SecretStore {
  /** 'keychain': encrypted by the system; 'session': in memory until the app quits; 'unavailable': cannot be kept at all. */
  readonly kind: 'keychain' | 'session' | 'unavailable';
  read(): string | null;
  /** Keeps the secret; throws an AppError with a message for the user when it cannot. */
  save(secret: string): void;
  clear(): void;
}

/** A secret kept in memory only: the preview's, the tests', and the desktop's where the system has no keychain. */
export function sessionSecretStore(): SecretStore {
  let secret: string | null = null;
  return {
    kind: 'session',
    read: () => secret,
    save: (value) => {
      secret = value;
    },
    clear: () => {
      secret = null;
    },
  };
}
