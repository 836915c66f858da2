import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { IDLE_CHECK_MS, watchLockTriggers } from '#main/lock-triggers';
import { createSafeStorageKeychain } from '#main/safe-storage-keychain';
import type { LockPolicy } from '#shared/domain/encryption';

vi.mock('electron', () => ({}));

/** safeStorage as Electron has it: a reversible seal only this user can open, and on Linux the backend it chose. */
function fakeSafeStorage(available: boolean, backend = 'gnome_libsecret') {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('base64')}`),
    decryptString: (blob: Buffer) => {
      const text = blob.toString();
      if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(7), 'base64').toString();
    },
    getSelectedStorageBackend: () => backend as 'gnome_libsecret',
  };
}

describe('the system keychain, through safeStorage', () => {
  it('seals a key and opens it again, without keeping it in clear', () => {
    const keychain = createSafeStorageKeychain(fakeSafeStorage(true), 'linux');
    expect(keychain.status()).toEqual({ available: true });
    const blob = keychain.seal('ab'.repeat(32));
    expect(blob.toString()).not.toContain('ab'.repeat(32));
    expect(keychain.open(blob)).toBe('ab'.repeat(32));
  });

  it('counts Linux without a keyring as no keychain, and says why', () => {
    const keychain = createSafeStorageKeychain(fakeSafeStorage(true, 'basic_text'), 'linux');
    const status = keychain.status();
    expect(status.available).toBe(false);
    expect(!status.available && status.reason).toMatch(/no keyring/);
    expect(() => keychain.seal('secret')).toThrow();
    // The same backend name means nothing elsewhere.
    expect(createSafeStorageKeychain(fakeSafeStorage(true, 'basic_text'), 'darwin').status()).toEqual({ available: true });
  });

  it('is unavailable where safeStorage cannot encrypt', () => {
    expect(createSafeStorageKeychain(fakeSafeStorage(false), 'win32').status().available).toBe(false);
  });
});

describe('what locks the vault', () => {
  function setup(policy: LockPolicy | null) {
    const powerMonitor = Object.assign(new EventEmitter(), { idle: 0, getSystemIdleTime() { return this.idle; } });
    let tick: () => void = () => undefined;
    const lock = vi.fn();
    const stop = watchLockTriggers({
      powerMonitor: powerMonitor as never,
      policy: () => policy,
      lock,
      setInterval: (run, ms) => {
        expect(ms).toBe(IDLE_CHECK_MS);
        tick = run;
        return 1;
      },
      clearInterval: vi.fn(),
    });
    return { powerMonitor, lock, stop, tick: () => tick() };
  }

  it('locks when the computer locks its screen or sleeps, if the policy says so', () => {
    const on = setup({ idleMinutes: null, onSleep: true });
    on.powerMonitor.emit('lock-screen');
    on.powerMonitor.emit('suspend');
    expect(on.lock).toHaveBeenCalledTimes(2);
    const off = setup({ idleMinutes: null, onSleep: false });
    off.powerMonitor.emit('suspend');
    expect(off.lock).not.toHaveBeenCalled();
  });

  it('locks once the computer has been idle for the policy’s minutes, not before', () => {
    const watched = setup({ idleMinutes: 15, onSleep: false });
    watched.powerMonitor.idle = 14 * 60 + 59;
    watched.tick();
    expect(watched.lock).not.toHaveBeenCalled();
    watched.powerMonitor.idle = 15 * 60;
    watched.tick();
    expect(watched.lock).toHaveBeenCalledTimes(1);
  });

  it('does nothing for a vault that cannot lock, and stops listening when stopped', () => {
    const plain = setup(null);
    plain.powerMonitor.idle = 10_000;
    plain.tick();
    plain.powerMonitor.emit('suspend');
    expect(plain.lock).not.toHaveBeenCalled();
    const watched = setup({ idleMinutes: 5, onSleep: true });
    watched.stop();
    watched.powerMonitor.emit('suspend');
    expect(watched.lock).not.toHaveBeenCalled();
  });
});
