import { z } from 'zod';

/** How the vault is kept: plain, encrypted with a key the system keychain holds, or with a passphrase. */
export const PROTECTION_METHODS = ['none', 'keychain', 'passphrase'] as const;
export type ProtectionMethod = (typeof PROTECTION_METHODS)[number];

export const MIN_PASSPHRASE_LENGTH = 8;
export const MAX_PASSPHRASE_LENGTH = 1024;

export const lockPolicySchema = z
  .object({
    /** Lock after this many minutes without use of the computer; null never. */
    idleMinutes: z.number({ error: 'Choose after how long the vault locks.' }).int().min(1, { error: 'Choose after how long the vault locks.' }).max(24 * 60, { error: 'Choose a time of a day or less.' }).nullable(),
    /** Lock when the computer locks its screen or goes to sleep. */
    onSleep: z.boolean({ error: 'Say whether the vault locks when the computer sleeps.' }),
  })
  .strict();
export type LockPolicy = z.infer<typeof lockPolicySchema>;
export const DEFAULT_LOCK_POLICY: LockPolicy = { idleMinutes: 15, onSleep: true };
export const IDLE_CHOICES = [null, 5, 15, 30, 60, 240] as const;

/** How far a change of protection has written the vault again: its database, then each photo, then each backup. */
export const rewriteProgressSchema = z.object({
  step: z.enum(['backup', 'database', 'photos', 'backups', 'finishing']),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type RewriteProgress = z.infer<typeof rewriteProgressSchema>;

/** What the page needs to know before anything else: is the vault open, and how it is kept. */
export const vaultLockStatusSchema = z.object({
  state: z.enum(['open', 'locked']),
  protection: z.enum(PROTECTION_METHODS),
  lock: lockPolicySchema,
  /** Whether the system keychain can keep the key here, and why not. */
  keychain: z.object({ available: z.boolean(), reason: z.string().nullable() }),
  /** The recovery key opened the vault (the passphrase was forgotten): a new passphrase is chosen before anything else. */
  needsNewPassphrase: z.boolean(),
  /** A change of protection writing the vault again, and how far it is; null when none runs. */
  rewrite: rewriteProgressSchema.nullable(),
});
export type VaultLockStatus = z.infer<typeof vaultLockStatusSchema>;

const passphraseField = z.string({ error: 'Type your passphrase.' }).max(MAX_PASSPHRASE_LENGTH * 4, { error: 'That passphrase is too long; keep it under 1,000 characters.' });

export const unlockInputSchema = z.object({
  /** What was typed: the passphrase, or the recovery key. */
  secret: passphraseField.min(1, 'Type your passphrase.'),
  kind: z.enum(['passphrase', 'recovery'], { error: 'Unlock with your passphrase or your recovery key.' }).default('passphrase'),
});

export const turnOnInputSchema = z.discriminatedUnion(
  'method',
  [
  z.object({ method: z.literal('keychain') }).strict(),
  z.object({ method: z.literal('passphrase'), passphrase: passphraseField }).strict(),
  ],
  { error: 'Choose how the key is kept: the system keychain or a passphrase.' },
);

export const turnOffInputSchema = z.object({ current: passphraseField.optional() }).strict();
/** After the recovery key opened the vault: the passphrase that replaces the forgotten one. */
export const newPassphraseInputSchema = z.object({ next: passphraseField }).strict();
export const changePassphraseInputSchema = z.object({ current: passphraseField, next: passphraseField }).strict();

/** A recovery key is shown once, right after it is made; never stored in clear, never shown again. */
export const protectionChangedSchema = z.object({ recoveryKey: z.string().nullable() });
