import { randomUUID } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { reencryptAttachment } from '#core/vault/attachment-cipher';
import { fileKind } from '#core/vault/backup-container';
import type { VaultKey } from '#core/vault/cipher';
import { syncFile } from '#core/vault/durable';
import { checkVaultFile, rekeyVaultFile } from '#core/vault/vault-file';
import { attachmentPartName, DATABASE_PART, unpackBackupFile, verifyBackupFile, writeBackupFile, type PartSource } from './backup-file';
import { temporaryName } from './backup-names';
import { runNow } from './steps';

/**
 * A backup written again under the vault's new key (or none), so that every
 * backup keeps the vault's encryption: turning encryption on leaves no plain
 * copy of the vault in the backups folder, and turning it off leaves none
 * that no key can open. The original is only read; `target` gets the new
 * file, checked part by part and synced. What the backup says about itself
 * (when, why, by which version, what it holds) stays the same.
 *
 * Answers false for a file that is not a backup this key opens (the user's
 * own file in the folder, a damaged one): it is left as it is.
 */
export function convertBackupFile(source: string, target: string, from: VaultKey | null, to: VaultKey | null): boolean {
  const kind = fileKind(source, from);
  if (kind === 'other') return false;
  rmSync(target, { force: true });
  if (kind === 'sqlite') {
    // An older plain backup: the database alone.
    copyFileSync(source, target);
    try {
      rekeyVaultFile(target, from, to);
      checkVaultFile(target, to);
      syncFile(target);
      return true;
    } catch (error) {
      rmSync(target, { force: true });
      throw error;
    }
  }
  const staging = join(dirname(target), temporaryName('unpacking', randomUUID()));
  try {
    const unpacked = runNow(unpackBackupFile(source, staging, from));
    rekeyVaultFile(unpacked.database, from, to);
    const sources: PartSource[] = [{ name: DATABASE_PART, path: unpacked.database, encoding: to ? 'stored' : 'deflate' }];
    for (const name of unpacked.attachments) {
      const path = join(unpacked.attachmentsDir, name);
      writeFileSync(path, reencryptAttachment(readFileSync(path), name, from, to));
      sources.push({ name: attachmentPartName(name), path, encoding: 'stored' });
    }
    const { createdAt, reason, appVersion, migrations, counts } = unpacked.manifest;
    runNow(writeBackupFile(target, sources, { createdAt, reason, appVersion, migrations, counts }, to));
    runNow(verifyBackupFile(target, to));
    syncFile(target);
    return true;
  } catch (error) {
    rmSync(target, { force: true });
    throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
