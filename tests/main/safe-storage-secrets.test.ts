import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSafeStorageSecrets } from '#main/safe-storage-secrets';
import { tempDir, type TempDir } from '#support/temp-vault';

vi.mock('electron', () => ({}));

/** A stand-in for Electron's safeStorage: "encrypts" by reversing and tagging, as a keychain would make the bytes unreadable. */
function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}) {
  return {
    isEncryptionAvailable: vi.fn(() => options.available ?? true),
    getSelectedStorageBackend: vi.fn(() => options.backend ?? 'gnome_libsecret'),
    encryptString: vi.fn((text: string) => Buffer.concat([Buffer.from('ENC:'), Buffer.from(text).reverse()])),
    decryptString: vi.fn((bytes: Buffer) => {
      if (!bytes.subarray(0, 4).equals(Buffer.from('ENC:'))) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(bytes.subarray(4)).reverse().toString();
    }),
  };
}

let dir: TempDir;
afterEach(() => dir?.remove());

describe('the mailbox password in the keychain', () => {
  it('is kept encrypted by safeStorage in a file of its own, readable only by the user, and forgotten on clear', () => {
    dir = tempDir();
    const file = join(dir.dir, 'secrets', 'mailbox-password');
    const storage = fakeSafeStorage();
    const secrets = createSafeStorageSecrets(storage, file, 'linux');
    expect(secrets.kind).toBe('keychain');
    expect(secrets.read()).toBeNull();
    secrets.save('app-password 123');
    expect(storage.encryptString).toHaveBeenCalledWith('app-password 123');
    expect(readFileSync(file).toString('latin1')).not.toContain('app-password');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(createSafeStorageSecrets(storage, file, 'linux').read()).toBe('app-password 123');
    secrets.clear();
    expect(existsSync(file)).toBe(false);
    expect(secrets.read()).toBeNull();
  });

  it('a file the keychain cannot open asks for the password again', () => {
    dir = tempDir();
    const file = join(dir.dir, 'mailbox-password');
    const secrets = createSafeStorageSecrets(fakeSafeStorage(), file, 'darwin');
    secrets.save('one');
    const other = fakeSafeStorage();
    other.decryptString.mockImplementation(() => {
      throw new Error('cannot decrypt');
    });
    expect(createSafeStorageSecrets(other, file, 'darwin').read()).toBeNull();
  });

  it.each([
    ['no encryption available', { available: false }, 'win32'],
    ['Linux without a keyring (basic_text)', { backend: 'basic_text' }, 'linux'],
  ] as const)('with %s, keeps it for the session only, never on disk', (_case, options, platform) => {
    dir = tempDir();
    const file = join(dir.dir, 'mailbox-password');
    const storage = fakeSafeStorage(options);
    const secrets = createSafeStorageSecrets(storage, file, platform);
    expect(secrets.kind).toBe('session');
    secrets.save('secret');
    expect(secrets.read()).toBe('secret');
    expect(existsSync(file)).toBe(false);
    expect(storage.encryptString).not.toHaveBeenCalled();
  });
});
