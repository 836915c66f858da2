import { randomBytes } from 'node:crypto';
import { AppError } from '../errors';
import { VAULT_KEY_BYTES, type VaultKey } from '../vault/cipher';
import type { Protection } from './key-file';
import type { Keychain } from './keychain';
import { keyIdOf, unwrap, wrap } from './key-wrap';
import { checkNewPassphrase, derivePassphraseKey, newScryptParams, STRONG_COST, type KdfCost } from './passphrase';
import { newRecoveryKey, parseRecoveryKey, recoveryWrappingKey } from './recovery-key';

/**
 * The vault key and the ways it is kept. The key is 32 random bytes made
 * when encryption is turned on; the database, its backups and the photos are
 * encrypted with it (or with keys derived from it). It is stored only
 * wrapped: sealed by the system keychain, or under a key derived from the
 * passphrase and, a second time, under the recovery key.
 */
const PASSPHRASE_PURPOSE = 'afterview vault key, wrapped by the passphrase, v1';
const RECOVERY_PURPOSE = 'afterview vault key, wrapped by the recovery key, v1';

export function newVaultKey(): VaultKey {
  return randomBytes(VAULT_KEY_BYTES);
}

/** The key kept by the passphrase, and the recovery key to show the user once (never stored). */
export async function protectWithPassphrase(key: VaultKey, passphrase: string, cost: KdfCost = STRONG_COST): Promise<{ protection: Protection; recoveryKey: string }> {
  checkNewPassphrase(passphrase);
  const kdf = newScryptParams(cost);
  const wrappingKey = await derivePassphraseKey(passphrase, kdf);
  const recovery = newRecoveryKey();
  const recoverySalt = randomBytes(16);
  const recoveryKey = recoveryWrappingKey(recovery.bytes, recoverySalt);
  try {
    return {
      protection: {
        method: 'passphrase',
        keyId: keyIdOf(key),
        kdf,
        wrapped: wrap(key, wrappingKey, PASSPHRASE_PURPOSE),
        recovery: { salt: recoverySalt.toString('base64'), wrapped: wrap(key, recoveryKey, RECOVERY_PURPOSE) },
      },
      recoveryKey: recovery.text,
    };
  } finally {
    wrappingKey.fill(0);
    recoveryKey.fill(0);
    recovery.bytes.fill(0);
  }
}

/**
 * A new passphrase for the same vault key, once the recovery key has opened
 * the vault: only the passphrase's wrapping is made again (a new salt, the
 * key wrapped under the new passphrase). The vault key, and so the database,
 * photos and backups, stay as they are, and the recovery key's wrapping is
 * kept as it was: the recovery key the user keeps goes on opening the vault,
 * and the forgotten passphrase opens nothing any more.
 */
export async function rewrapWithPassphrase(protection: Extract<Protection, { method: 'passphrase' }>, key: VaultKey, passphrase: string, cost: KdfCost = STRONG_COST): Promise<Protection> {
  checkNewPassphrase(passphrase, 'next');
  if (keyIdOf(key) !== protection.keyId) throw new AppError('CONFLICT', 'This is not the key of the vault that is open. Nothing was changed.');
  const kdf = newScryptParams(cost);
  const wrappingKey = await derivePassphraseKey(passphrase, kdf);
  try {
    return { ...protection, kdf, wrapped: wrap(key, wrappingKey, PASSPHRASE_PURPOSE) };
  } finally {
    wrappingKey.fill(0);
  }
}

/** The key sealed by the system keychain; refused where the keychain would not really protect it. */
export function protectWithKeychain(key: VaultKey, keychain: Keychain | undefined): Protection {
  const status = keychain?.status() ?? { available: false as const, reason: 'Afterview cannot reach a system keychain here. Use a passphrase instead.' };
  if (!keychain || !status.available) throw new AppError('INVALID_INPUT', status.available ? 'Afterview cannot reach a system keychain here. Use a passphrase instead.' : status.reason, 'method');
  return { method: 'keychain', keyId: keyIdOf(key), sealed: keychain.seal(key.toString('hex')).toString('base64') };
}

/** The vault key, or null when the passphrase is not this vault's. */
export async function keyFromPassphrase(protection: Extract<Protection, { method: 'passphrase' }>, passphrase: string): Promise<VaultKey | null> {
  const wrappingKey = await derivePassphraseKey(passphrase, protection.kdf);
  try {
    return checked(unwrap(protection.wrapped, wrappingKey, PASSPHRASE_PURPOSE), protection.keyId);
  } finally {
    wrappingKey.fill(0);
  }
}

/** The vault key, or null when what was typed is not this vault's recovery key. */
export function keyFromRecoveryKey(protection: Extract<Protection, { method: 'passphrase' }>, typed: string): VaultKey | null {
  const recovery = parseRecoveryKey(typed);
  if (!recovery) return null;
  const wrappingKey = recoveryWrappingKey(recovery, Buffer.from(protection.recovery.salt, 'base64'));
  recovery.fill(0);
  try {
    return checked(unwrap(protection.recovery.wrapped, wrappingKey, RECOVERY_PURPOSE), protection.keyId);
  } finally {
    wrappingKey.fill(0);
  }
}

/** The vault key from the keychain; a clear message when this account or computer cannot open it. */
export function keyFromKeychain(protection: Extract<Protection, { method: 'keychain' }>, keychain: Keychain | undefined): VaultKey {
  if (!keychain || !keychain.status().available) {
    throw new AppError('VAULT_UNAVAILABLE', 'This vault’s key is kept in the system keychain, which Afterview cannot reach here. Open it in the desktop app, as the user who encrypted it.');
  }
  let hex: string;
  try {
    hex = keychain.open(Buffer.from(protection.sealed, 'base64'));
  } catch {
    throw new AppError('VAULT_UNAVAILABLE', 'The system keychain would not give back this vault’s key. The vault can only be opened by the user account, on the computer, that encrypted it.');
  }
  const key = checked(/^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : null, protection.keyId);
  if (!key) throw new AppError('VAULT_UNAVAILABLE', 'The key the system keychain gave back is not this vault’s. Nothing was changed.');
  return key;
}

function checked(key: Buffer | null, keyId: string): VaultKey | null {
  if (!key) return null;
  if (key.length !== VAULT_KEY_BYTES || keyIdOf(key) !== keyId) {
    key.fill(0);
    return null;
  }
  return key;
}
