import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { backupDirFor } from '../backup/backup-folder';
import { convertBackupFile } from '../backup/convert-backup';
import { parseBackupName } from '../backup/backup-names';
import { reencryptAttachment } from '../vault/attachment-cipher';
import { isPackableAttachment } from '../backup/backup-file';
import type { RewriteProgress } from '#shared/domain/encryption';
import type { VaultKey } from '../vault/cipher';
import { publish, syncFolder } from '../vault/durable';
import { rewriteVaultDatabase } from '../vault/rewrite';
import { readKeyFile, removeKeyFile, removeKeyFileLeftover, writeKeyFile, type LockPolicy, type Protection } from './key-file';

/**
 * Turning encryption on or off, or changing its key: the vault (closed),
 * its photos and every backup are written again beside the old ones under
 * the new key, each checked; then one write of the key file commits the
 * change; then the new files are renamed into place. A kill at any moment
 * leaves either the old vault whole (before the commit: the new files are
 * leftovers, removed at the next start) or the new one (after it: the next
 * start finishes putting the new files in place, which takes renames only
 * and needs no key). The verified backup the change starts from is made by
 * the caller, with the vault still open (vault-lock-service.ts).
 */
export interface ProtectionChange {
  vaultPath: string;
  /** The vault's key now; null for a plain vault. */
  from: VaultKey | null;
  /** The key it will have; null to make it plain. */
  to: VaultKey | null;
  /** How `to` is kept (sealed by the keychain, or wrapped by the passphrase); null with `to` null. */
  protection: Protection | null;
  lock: LockPolicy;
}

const STAGED = '.rewrite.part';

function stagedVault(vaultPath: string): string {
  return `${vaultPath}${STAGED}`;
}

function attachmentsOf(vaultPath: string): { dir: string; staged: string; old: string } {
  const dir = join(dirname(vaultPath), 'attachments');
  return { dir, staged: `${dir}${STAGED}`, old: `${dir}.old.part` };
}

/** A converted backup waits under this name (a temporary name the backups folder cleans at start). */
function stagedBackupName(fileName: string): string {
  return `.${fileName}${STAGED}`;
}

function backupOfStaged(name: string): string | null {
  const match = /^\.(.+)\.rewrite\.part$/.exec(name);
  return match && parseBackupName(match[1]!) ? match[1]! : null;
}

/**
 * Writes the new vault, photos and backups beside the old ones; the old ones
 * are only read. The heavy part of a change: in the app it runs in a thread
 * of its own (rewrite-thread.ts), telling how far it is through `progress`.
 */
export function stageProtectionChange(change: ProtectionChange, progress: (at: RewriteProgress) => void = () => undefined): void {
  const { vaultPath, from, to } = change;
  removeStaged(vaultPath);
  progress({ step: 'database', done: 0, total: 1 });
  rewriteVaultDatabase(vaultPath, stagedVault(vaultPath), from, to);

  const attachments = attachmentsOf(vaultPath);
  mkdirSync(attachments.staged, { recursive: true });
  const photos = existsSync(attachments.dir) ? readdirSync(attachments.dir).filter(isPackableAttachment) : [];
  photos.forEach((name, index) => {
    progress({ step: 'photos', done: index, total: photos.length });
    const bytes = reencryptAttachment(readFileSync(join(attachments.dir, name)), name, from, to);
    const part = join(attachments.staged, `.${name}.part`);
    writeFileSync(part, bytes);
    publish(part, join(attachments.staged, name));
  });
  syncFolder(attachments.staged);

  const backups = backupDirFor(vaultPath);
  if (existsSync(backups)) {
    const names = readdirSync(backups).filter((name) => parseBackupName(name));
    names.forEach((name, index) => {
      progress({ step: 'backups', done: index, total: names.length });
      // A file no key opens (damaged, foreign) is left as it is.
      convertBackupFile(join(backups, name), join(backups, stagedBackupName(name)), from, to);
    });
    syncFolder(backups);
  }
  progress({ step: 'finishing', done: 0, total: 1 });
}

/** The commit: one durable write of the key file. From here on the staged files are the vault. */
export function commitProtectionChange(change: ProtectionChange): void {
  writeKeyFile(change.vaultPath, { format: 'afterview-vault-keys', version: 1, protection: change.protection, swapPending: true, lock: change.lock });
}

export type ChangeOutcome = 'none' | 'rolled back' | 'finished';

/**
 * Run before a vault opens, and right after a commit: a committed change has
 * its new files put in place (renames only, so it needs no key); files of a
 * change that never committed are removed, leaving the vault as it was.
 */
export function finishProtectionChange(vaultPath: string): ChangeOutcome {
  removeKeyFileLeftover(vaultPath);
  const keyFile = readKeyFile(vaultPath);
  if (!keyFile?.swapPending) return removeStaged(vaultPath) ? 'rolled back' : 'none';

  const staged = stagedVault(vaultPath);
  if (existsSync(staged)) {
    // The old vault was closed whole before the change began: its side files hold nothing, and must not meet the new file.
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(vaultPath + suffix, { force: true });
    renameSync(staged, vaultPath);
    syncFolder(dirname(vaultPath));
  }

  const attachments = attachmentsOf(vaultPath);
  if (existsSync(attachments.staged)) {
    if (existsSync(attachments.dir)) renameSync(attachments.dir, attachments.old);
    renameSync(attachments.staged, attachments.dir);
    syncFolder(dirname(vaultPath));
  }
  rmSync(attachments.old, { recursive: true, force: true });

  const backups = backupDirFor(vaultPath);
  if (existsSync(backups)) {
    for (const name of readdirSync(backups)) {
      const original = backupOfStaged(name);
      if (original) renameSync(join(backups, name), join(backups, original));
    }
    syncFolder(backups);
  }

  if (keyFile.protection) writeKeyFile(vaultPath, { ...keyFile, swapPending: undefined });
  else removeKeyFile(vaultPath);
  return 'finished';
}

/** Removes what an uncommitted change left; true when there was anything. */
function removeStaged(vaultPath: string): boolean {
  let found = false;
  const remove = (path: string) => {
    if (!existsSync(path)) return;
    found = true;
    rmSync(path, { recursive: true, force: true });
  };
  for (const suffix of ['', '-journal', '-wal', '-shm']) remove(stagedVault(vaultPath) + suffix);
  const attachments = attachmentsOf(vaultPath);
  if (!existsSync(attachments.dir) && existsSync(attachments.old)) renameSync(attachments.old, attachments.dir);
  remove(attachments.staged);
  const backups = backupDirFor(vaultPath);
  if (existsSync(backups)) for (const name of readdirSync(backups)) if (backupOfStaged(name)) remove(join(backups, name));
  return found;
}

/** Writes the staged files: here (stageProtectionChange), or in a thread of its own (rewrite-thread.ts). Resolves once nothing writes them any more. */
export type StageChange = (change: ProtectionChange) => void | Promise<void>;

/**
 * The whole change, on a closed vault: staged, committed, put in place. A
 * failure before the commit changes nothing. Only the staging is heavy; the
 * commit and the renames are a moment's work, here.
 */
export async function changeProtection(change: ProtectionChange, stage: StageChange = stageProtectionChange): Promise<void> {
  try {
    await stage(change);
  } catch (error) {
    removeStaged(change.vaultPath);
    throw error;
  }
  commitProtectionChange(change);
  finishProtectionChange(change.vaultPath);
}
