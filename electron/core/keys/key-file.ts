import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { syncFolder } from '../vault/durable';
import { scryptParamsSchema } from './passphrase';
import { lockPolicySchema } from '#shared/domain/encryption';
import { wrappedSchema } from './key-wrap';

/**
 * How an encrypted vault's key is kept: a small JSON file beside the vault
 * (`<vault>.keys`), readable before the vault opens. It never holds the key
 * itself, only the key sealed by the system keychain, or wrapped twice: by a
 * key made from the passphrase and by the recovery key. A plain vault has no
 * key file.
 *
 * A change of protection (change-protection.ts) writes the vault, its photos
 * and backups anew beside the old ones, then commits by writing this file
 * with the new protection and `swapPending`: from then on the new files are
 * the vault, and whoever opens it first puts them in place. The file is
 * written whole (temporary file, fsync, rename, folder fsync), so it is
 * always either the old one or the new one.
 */
const keychainProtection = z
  .object({
    method: z.literal('keychain'),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    /** The key (in hex) as safeStorage sealed it. */
    sealed: z.base64(),
  })
  .strict();

const passphraseProtection = z
  .object({
    method: z.literal('passphrase'),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    kdf: scryptParamsSchema,
    wrapped: wrappedSchema,
    recovery: z.object({ salt: z.base64(), wrapped: wrappedSchema }).strict(),
  })
  .strict();

export const protectionSchema = z.discriminatedUnion('method', [keychainProtection, passphraseProtection]);
export type Protection = z.infer<typeof protectionSchema>;

export { DEFAULT_LOCK_POLICY, lockPolicySchema, type LockPolicy } from '#shared/domain/encryption';

export const KEY_FILE_FORMAT = 'afterview-vault-keys';
export const KEY_FILE_VERSION = 1;

const keyFileSchema = z
  .object({
    format: z.literal(KEY_FILE_FORMAT),
    version: z.number().int(),
    /** How the vault is protected; null only while a change to a plain vault is being put in place. */
    protection: protectionSchema.nullable(),
    /** The files written beside the vault under `protection` are the vault now, and still have to be put in place. */
    swapPending: z.boolean().optional(),
    lock: lockPolicySchema,
  })
  .strict();
export type KeyFile = z.infer<typeof keyFileSchema>;

export function keyFilePath(vaultPath: string): string {
  return `${vaultPath}.keys`;
}

export class KeyFileError extends Error {
  override name = 'KeyFileError';
}

/** The key file, or null when the vault has none (a plain vault). */
export function readKeyFile(vaultPath: string): KeyFile | null {
  const path = keyFilePath(vaultPath);
  if (!existsSync(path)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new KeyFileError(`The vault's key file (${path}) is damaged, so the vault cannot be opened. Put back the copy you keep with your backups.`);
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) throw new KeyFileError(`The vault's key file (${path}) is not one Afterview can read. Put back the copy you keep with your backups.`);
  if (parsed.data.version > KEY_FILE_VERSION) throw new KeyFileError('This vault was encrypted by a newer version of Afterview. Update Afterview to open it; nothing was changed.');
  return parsed.data;
}

/** Replaces the key file whole and durably: a crash leaves the old file or the new one, never a mix. */
export function writeKeyFile(vaultPath: string, file: KeyFile): void {
  const path = keyFilePath(vaultPath);
  const temporary = `${path}.part`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, `${JSON.stringify(keyFileSchema.parse(file), null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  syncFolder(dirname(path));
}

/** Once the vault is plain again: no key file. */
export function removeKeyFile(vaultPath: string): void {
  rmSync(keyFilePath(vaultPath), { force: true });
  rmSync(`${keyFilePath(vaultPath)}.part`, { force: true });
  syncFolder(dirname(vaultPath));
}

/** A key file write a crash cut short. */
export function removeKeyFileLeftover(vaultPath: string): void {
  rmSync(`${keyFilePath(vaultPath)}.part`, { force: true });
}
