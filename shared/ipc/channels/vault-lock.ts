import { changePassphraseInputSchema, lockPolicySchema, newPassphraseInputSchema, protectionChangedSchema, turnOffInputSchema, turnOnInputSchema, unlockInputSchema, vaultLockStatusSchema } from '#shared/domain/encryption';
import { noInput } from '../no-input';

/**
 * The vault's lock and its encryption. These are answered by the vault's
 * session (electron/core/keys/vault-session.ts), not by the handlers over an
 * open vault: the first two work while it is locked, the others change which
 * file is open.
 */
export const vaultLockChannels = {
  'vault.lockStatus': { effect: 'reads', input: noInput, output: vaultLockStatusSchema },
  /** A wrong passphrase is refused with a clear message and changes nothing. */
  'vault.unlock': { effect: 'reads', input: unlockInputSchema, output: vaultLockStatusSchema },
  'vault.lock': { effect: 'reads', input: noInput, output: vaultLockStatusSchema },
  /** Only right after the recovery key opened the vault: a new passphrase for the same key (no rewrite), the recovery key kept. */
  'vault.setNewPassphrase': { effect: 'reads', input: newPassphraseInputSchema, output: vaultLockStatusSchema },
  'vault.setLockPolicy': { effect: 'reads', input: lockPolicySchema, output: vaultLockStatusSchema },
  /** Makes a verified backup, then rewrites the vault, its photos and backups encrypted. */
  'encryption.turnOn': { effect: 'reads', input: turnOnInputSchema, output: protectionChangedSchema },
  'encryption.turnOff': { effect: 'reads', input: turnOffInputSchema, output: protectionChangedSchema },
  'encryption.changePassphrase': { effect: 'reads', input: changePassphraseInputSchema, output: protectionChangedSchema },
} as const;

export type SessionChannel = keyof typeof vaultLockChannels;
export const SESSION_CHANNELS = Object.keys(vaultLockChannels) as SessionChannel[];
export function isSessionChannel(channel: string): channel is SessionChannel {
  return (SESSION_CHANNELS as string[]).includes(channel);
}
