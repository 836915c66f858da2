import { describe, expect, it } from 'vitest';
import { keyFromPassphrase, keyFromRecoveryKey, newVaultKey, protectWithPassphrase, rewrapWithPassphrase } from '#core/keys/protection';

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };
const FORGOTTEN = 'plum tractor orbit lantern';
const NEW = 'quiet harbour under snow';

async function aPassphraseVault() {
  const key = newVaultKey();
  const { protection, recoveryKey } = await protectWithPassphrase(key, FORGOTTEN, CHEAP);
  if (protection.method !== 'passphrase') throw new Error('expected a passphrase protection');
  return { key, protection, recoveryKey };
}

describe('a new passphrase after the recovery key opened the vault', () => {
  it('wraps the same vault key under the new passphrase: the new one opens it, the forgotten one no longer does, the recovery key still does', async () => {
    const { key, protection, recoveryKey } = await aPassphraseVault();
    const rewrapped = await rewrapWithPassphrase(protection, key, NEW, CHEAP);
    if (rewrapped.method !== 'passphrase') throw new Error('expected a passphrase protection');
    expect(rewrapped.keyId).toBe(protection.keyId);
    expect(rewrapped.kdf.salt).not.toBe(protection.kdf.salt);
    expect(rewrapped.recovery).toEqual(protection.recovery);
    expect((await keyFromPassphrase(rewrapped, NEW))?.equals(key)).toBe(true);
    expect(await keyFromPassphrase(rewrapped, FORGOTTEN)).toBeNull();
    expect(keyFromRecoveryKey(rewrapped, recoveryKey)?.equals(key)).toBe(true);
  });

  it('refuses a passphrase too short, as at setup, and a key that is not the vault’s', async () => {
    const { key, protection } = await aPassphraseVault();
    await expect(rewrapWithPassphrase(protection, key, 'short', CHEAP)).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'next' });
    await expect(rewrapWithPassphrase(protection, newVaultKey(), NEW, CHEAP)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
