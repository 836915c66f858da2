import { isChannel, writesVault, type Channel } from '#shared/ipc/contract';
import type { SessionChannel } from '#shared/ipc/channels/vault-lock';
import { isSessionChannel } from '#shared/ipc/channels/vault-lock';
import type { LockPolicy, RewriteProgress, VaultLockStatus } from '#shared/domain/encryption';
import { renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { createBackups } from '../backup/backups';
import { createDispatch, type Dispatch } from '../dispatch';
import { AppError } from '../errors';
import type { HandlersFor } from '../handlers/types';
import type { VaultKey } from '../vault/cipher';
import { openVault, type Vault } from '../vault/connection';
import { syncFolder } from '../vault/durable';
import type { OnVaultStateChange, VaultStateChange } from './vault-state';
import { changeProtection, finishProtectionChange } from './change-protection';
import { DEFAULT_LOCK_POLICY, readKeyFile, writeKeyFile, type KeyFile, type Protection } from './key-file';
import type { Keychain } from './keychain';
import { NO_KEYCHAIN_REASON } from './keychain';
import { checkNewPassphrase, STRONG_COST, type KdfCost } from './passphrase';
import { createRewriteProgress } from './rewrite-progress';
import { stageInThread, type RewriteWorkerScript } from './rewrite-thread';
import { keyFromKeychain, keyFromPassphrase, keyFromRecoveryKey, newVaultKey, protectWithKeychain, protectWithPassphrase, rewrapWithPassphrase } from './protection';

/**
 * The vault as a shell holds it: locked or open, and how it is protected.
 * Both shells (the desktop app, the browser preview) route every call
 * through `dispatch`, which answers the vault's own channels (its lock, its
 * encryption) here and hands the rest to the handlers over the open vault.
 *
 * Locking does not close the vault: the reminders keep ringing (with no
 * content) and nothing the page was saving is cut off; the page simply gets
 * no data until the passphrase is typed again. Changing the protection does
 * close it: a verified backup, then the rewrite (change-protection.ts), then
 * the vault is opened again under its new key and the page reloads.
 */
export interface OpenSession {
  dispatch: Dispatch;
  /** Stops what runs over the vault (timers, jobs); the session closes the vault itself. */
  stop(): void;
}

export interface SessionControl {
  /** Puts a restored database (already under the vault's key) in place of the vault's file, and opens it again. */
  swapVaultFile(database: string): Promise<void>;
  /** Whether `passphrase` is the one the vault's key is kept with (a zip export protected with it); false for a vault without one. Nothing is kept. */
  isVaultPassphrase(passphrase: string): Promise<boolean>;
  /** Tells what runs over this vault when it locks, unlocks or is about to close (CoreContext.onVaultStateChange). */
  onVaultStateChange: OnVaultStateChange;
}

export type SessionEvent =
  | { name: 'vault.lockChanged'; payload: { state: 'open' | 'locked' } }
  | { name: 'vault.reopened'; payload: Record<string, never> }
  | { name: 'vault.rewriteProgress'; payload: RewriteProgress };

export interface VaultSessionOptions {
  vaultPath: string;
  appVersion: string;
  now: () => Date;
  /** The system keychain (the desktop shell's safeStorage); absent in the preview. */
  keychain?: Keychain;
  /** Builds everything a shell runs over an open vault; `control.swapVaultFile` goes to the handlers (CoreContext), for an encrypted vault's restore. */
  start(vault: Vault, control: SessionControl): OpenSession;
  emit(event: SessionEvent): void;
  /** Only tests lower the passphrase's cost. */
  kdfCost?: KdfCost;
  /** The rewrite thread's code: the desktop's bundle passes its built file; from the sources, the TypeScript file. */
  rewriteWorker?: RewriteWorkerScript;
}

/**
 * A note being typed as the vault locks is saved (the page flushes its
 * editors when told of the lock): writes, never reads, are let through this
 * long after a lock, so nothing typed is lost and nothing is shown.
 */
export const LOCK_SAVE_GRACE_MS = 5_000;

const REWRITING = 'Afterview is writing your vault again under its new encryption, which takes a moment. This comes back when it is done.';

const WRONG_PASSPHRASE = 'That passphrase does not open this vault. Check Caps Lock and the keyboard layout, then try again. Nothing was changed.';
const WRONG_RECOVERY_KEY = 'That recovery key does not open this vault. Check each group of four characters, then try again. Nothing was changed.';

export function createVaultSession(options: VaultSessionOptions) {
  const { vaultPath } = options;
  let keyFile: KeyFile | null = null;
  let vault: Vault | null = null;
  let running: OpenSession | null = null;
  let locked = false;
  /** When the vault last locked: saves the page was making as it locked still land for a moment (LOCK_SAVE_GRACE_MS). */
  let lockedAt = 0;
  /** The recovery key opened the vault: the passphrase is forgotten, and a new one is chosen before the app goes on. */
  let needsNewPassphrase = false;
  /** What runs over the open vault and follows its lock (the mailbox sync); forgotten when it closes. */
  let stateListeners: ((change: VaultStateChange) => void)[] = [];
  /** How far the change of protection under way is. */
  const rewrite = createRewriteProgress((at) => options.emit({ name: 'vault.rewriteProgress', payload: at }));
  /** One change of protection at a time; every other call waits for it. */
  let changing: Promise<unknown> | null = null;

  function keychainStatus(): VaultLockStatus['keychain'] {
    const status = options.keychain?.status() ?? { available: false as const, reason: NO_KEYCHAIN_REASON };
    return status.available ? { available: true, reason: null } : { available: false, reason: status.reason };
  }

  function status(): VaultLockStatus {
    return {
      // A rewrite closes the vault for a while; it was open (and stays unlocked) for the user.
      state: (running || rewrite.current()) && !locked ? 'open' : 'locked',
      protection: keyFile?.protection?.method ?? 'none',
      lock: keyFile?.lock ?? DEFAULT_LOCK_POLICY,
      keychain: keychainStatus(),
      needsNewPassphrase: needsNewPassphrase && !!running && !locked,
      rewrite: rewrite.current(),
    };
  }

  function openWith(key: VaultKey | null): void {
    vault = openVault(vaultPath, { key, appVersion: options.appVersion });
    try {
      running = options.start(vault, control);
    } catch (error) {
      vault.close();
      vault = null;
      throw error;
    }
  }

  function tell(change: VaultStateChange): void {
    for (const listener of stateListeners) {
      try {
        listener(change);
      } catch (error) {
        console.error(error);
      }
    }
  }

  function closeVault(): void {
    tell('closing');
    stateListeners = [];
    running?.stop();
    running = null;
    vault?.close();
    vault = null;
  }

  /** The key the typed secret unlocks, or a clear refusal. */
  async function keyFromSecret(secret: string, kind: 'passphrase' | 'recovery', field: string): Promise<VaultKey> {
    const protection = keyFile?.protection;
    if (protection?.method !== 'passphrase') throw new AppError('INVALID_INPUT', 'This vault has no passphrase.', field);
    const key = kind === 'recovery' ? keyFromRecoveryKey(protection, secret) : await keyFromPassphrase(protection, secret);
    if (!key) throw new AppError('INVALID_INPUT', kind === 'recovery' ? WRONG_RECOVERY_KEY : WRONG_PASSPHRASE, field);
    return key;
  }

  /** The open vault's key, checked against what the user typed when a passphrase keeps it. */
  async function currentKey(current: string | undefined): Promise<VaultKey | null> {
    if (keyFile?.protection?.method === 'passphrase') {
      if (!current) throw new AppError('INVALID_INPUT', 'Type your current passphrase first.', 'current');
      return keyFromSecret(current, 'passphrase', 'current');
    }
    return vault?.key ? Buffer.from(vault.key) : null;
  }

  /**
   * The rewrite itself: a verified backup of the vault as it is, then the
   * vault closed, rewritten and opened again under `to`. When the rewrite
   * fails before it commits, the old vault opens again as it was.
   */
  async function change(from: VaultKey | null, to: VaultKey | null, protection: Protection | null): Promise<void> {
    if (!vault || !running) throw new AppError('LOCKED', 'Unlock the vault first.');
    rewrite.report({ step: 'backup', done: 0, total: 1 });
    try {
      await rewriteUnder(from, to, protection);
    } finally {
      rewrite.end();
    }
  }

  async function rewriteUnder(from: VaultKey | null, to: VaultKey | null, protection: Protection | null): Promise<void> {
    await createBackups({ vaultPath, db: vault!.db, attachmentsDir: vault!.attachmentsDir, appVersion: options.appVersion, key: vault!.key }).create('pre-encryption', options.now());
    const lock = keyFile?.lock ?? DEFAULT_LOCK_POLICY;
    closeVault();
    try {
      // The heavy part in a thread of its own: the window, its calls and the reminders' timers go on meanwhile.
      await changeProtection({ vaultPath, from, to, protection, lock }, stageInThread(rewrite.report, options.rewriteWorker));
    } catch (error) {
      finishProtectionChange(vaultPath);
      keyFile = readKeyFile(vaultPath);
      const key = keyFile?.protection ? from : null;
      openWith(key);
      throw new AppError('VAULT_UNAVAILABLE', `Afterview could not rewrite the vault (${(error as Error).message}). Your vault is as it was, and a backup was made first.`);
    }
    keyFile = readKeyFile(vaultPath);
    openWith(to);
    locked = false;
    options.emit({ name: 'vault.reopened', payload: {} });
  }

  /**
   * An encrypted vault's restore: the backup API cannot key its target, so
   * the vault is closed, the restored file (checked, under the vault's key)
   * renamed over it and opened again. A crash leaves the old file or the new.
   */
  const control: SessionControl = {
    async isVaultPassphrase(passphrase) {
      const protection = keyFile?.protection;
      if (protection?.method !== 'passphrase') return false;
      const key = await keyFromPassphrase(protection, passphrase);
      key?.fill(0);
      return key !== null;
    },
    onVaultStateChange: (listener) => void stateListeners.push(listener),
    async swapVaultFile(database) {
      const swap = (async () => {
        const key = vault?.key ? Buffer.from(vault.key) : null;
        closeVault();
        try {
          // The closed vault's side files hold nothing (closing checkpoints) and must not meet the new file.
          for (const suffix of ['-wal', '-shm', '-journal']) rmSync(vaultPath + suffix, { force: true });
          renameSync(database, vaultPath);
          syncFolder(dirname(vaultPath));
        } finally {
          try {
            openWith(key);
          } finally {
            key?.fill(0);
          }
        }
        options.emit({ name: 'vault.reopened', payload: {} });
      })();
      // Calls made meanwhile wait for the vault to be open again.
      changing = swap;
      try {
        await swap;
      } finally {
        if (changing === swap) changing = null;
      }
    },
  };

  async function exclusive<T>(work: () => Promise<T>): Promise<T> {
    while (changing) await changing.catch(() => undefined);
    const run = work();
    changing = run;
    try {
      return await run;
    } finally {
      changing = null;
    }
  }

  const handlers: HandlersFor<SessionChannel> = {
    'vault.lockStatus': () => status(),
    'vault.unlock': async ({ secret, kind }) => {
      const key = await keyFromSecret(secret, kind, 'secret');
      const wasOpen = !!running;
      try {
        if (!running) openWith(key);
      } finally {
        key.fill(0);
      }
      const wasLocked = locked;
      locked = false;
      if (wasOpen && wasLocked) tell('unlocked');
      needsNewPassphrase = kind === 'recovery';
      options.emit({ name: 'vault.lockChanged', payload: { state: 'open' } });
      return status();
    },
    'vault.setNewPassphrase': ({ next }) =>
      exclusive(async () => {
        const protection = keyFile?.protection;
        if (!needsNewPassphrase || locked || !vault?.key || protection?.method !== 'passphrase' || !keyFile) {
          throw new AppError('CONFLICT', 'Open the vault with your recovery key first; then you can choose a new passphrase.');
        }
        const key = Buffer.from(vault.key);
        try {
          // The vault key stays: one durable write of the key file, no rewrite of the vault.
          keyFile = { ...keyFile, protection: await rewrapWithPassphrase(protection, key, next, options.kdfCost ?? STRONG_COST) };
          writeKeyFile(vaultPath, keyFile);
        } finally {
          key.fill(0);
        }
        needsNewPassphrase = false;
        return status();
      }),
    'vault.lock': () => {
      lock();
      return status();
    },
    'vault.setLockPolicy': (policy) => {
      if (!keyFile?.protection) throw new AppError('INVALID_INPUT', 'Turn on encryption first: only an encrypted vault locks.');
      keyFile = { ...keyFile, lock: policy };
      writeKeyFile(vaultPath, keyFile);
      return status();
    },
    'encryption.turnOn': (input) =>
      exclusive(async () => {
        if (keyFile?.protection) throw new AppError('CONFLICT', 'The vault is already encrypted.');
        if (input.method === 'passphrase') checkNewPassphrase(input.passphrase);
        const key = newVaultKey();
        try {
          const made = input.method === 'passphrase' ? await protectWithPassphrase(key, input.passphrase, options.kdfCost ?? STRONG_COST) : { protection: protectWithKeychain(key, options.keychain), recoveryKey: null };
          await change(null, key, made.protection);
          return { recoveryKey: made.recoveryKey };
        } finally {
          key.fill(0);
        }
      }),
    'encryption.turnOff': ({ current }) =>
      exclusive(async () => {
        if (!keyFile?.protection) throw new AppError('CONFLICT', 'The vault is not encrypted.');
        const from = await currentKey(current);
        await change(from, null, null);
        from?.fill(0);
        return { recoveryKey: null };
      }),
    'encryption.changePassphrase': ({ current, next }) =>
      exclusive(async () => {
        checkNewPassphrase(next, 'next');
        const from = await currentKey(current);
        if (!from) throw new AppError('CONFLICT', 'Turn on encryption first.');
        // A new vault key, not only a new wrapping: whoever copied the old key file and knows the old passphrase cannot open the new vault.
        const to = newVaultKey();
        try {
          const made = await protectWithPassphrase(to, next, options.kdfCost ?? STRONG_COST);
          await change(from, to, made.protection);
          return { recoveryKey: made.recoveryKey };
        } finally {
          from.fill(0);
          to.fill(0);
        }
      }),
  };
  const sessionDispatch = createDispatch(handlers);

  /** Locks a passphrase vault: the page shows the unlock screen, the vault stays open for the reminders. Nothing else locks. */
  function lock(): boolean {
    if (keyFile?.protection?.method !== 'passphrase') {
      return false;
    }
    if (locked || !running) return false;
    locked = true;
    lockedAt = options.now().getTime();
    tell('locked');
    options.emit({ name: 'vault.lockChanged', payload: { state: 'locked' } });
    return true;
  }

  return {
    /**
     * At start: finishes or undoes a change a crash cut short, then opens a
     * plain vault, or one the keychain keeps, at once; a passphrase vault
     * waits, locked, for vault.unlock. Throws what openVault throws.
     */
    begin(): VaultLockStatus {
      finishProtectionChange(vaultPath);
      keyFile = readKeyFile(vaultPath);
      const protection = keyFile?.protection;
      if (!protection) openWith(null);
      else if (protection.method === 'keychain') {
        const key = keyFromKeychain(protection, options.keychain);
        try {
          openWith(key);
        } finally {
          key.fill(0);
        }
      }
      return status();
    },
    dispatch: (async (channel, input) => {
      // While the vault is written again: its status (and progress) answers at once, a read is refused plainly, and a write waits to land in the new vault.
      if (changing && channel === 'vault.lockStatus') return sessionDispatch(channel, input);
      if (changing && rewrite.current() && isChannel(channel) && !isSessionChannel(channel) && !writesVault(channel)) return { ok: false, error: { code: 'VAULT_UNAVAILABLE', message: REWRITING } };
      while (changing) await changing.catch(() => undefined);
      if (typeof channel === 'string' && isSessionChannel(channel)) return sessionDispatch(channel, input);
      const savingAsItLocked = locked && running && isChannel(channel) && writesVault(channel) && options.now().getTime() - lockedAt < LOCK_SAVE_GRACE_MS;
      if (!running || (locked && !savingAsItLocked)) return { ok: false, error: { code: 'LOCKED', message: 'The vault is locked. Type your passphrase to open it.' } };
      return running.dispatch(channel as Channel, input);
    }) satisfies Dispatch,
    lock,
    isLocked: () => locked || !running,
    policy: (): LockPolicy | null => (keyFile?.protection?.method === 'passphrase' ? keyFile.lock : null),
    /** The open vault (for the help menu's facts, a test); null while a passphrase vault waits for its passphrase. */
    vault: () => vault,
    close(): void {
      closeVault();
    },
  };
}
export type VaultSession = ReturnType<typeof createVaultSession>;
