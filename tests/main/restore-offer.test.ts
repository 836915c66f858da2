import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackups } from '#core/backup/backups';
import { openVault } from '#core/vault/connection';
import { describeStartupError, offerRestore } from '#main/restore-offer';
import { tempDir, type TempDir } from '#support/temp-vault';

vi.mock('electron', () => ({}));

let dir: TempDir | undefined;
afterEach(() => dir?.remove());

function stubDialog(response: number) {
  return { showErrorBox: vi.fn(), showMessageBox: vi.fn().mockResolvedValue({ response, checkboxChecked: false }) };
}

/** A vault with one opening and a good backup, then its file destroyed. */
async function damagedVaultWithBackup() {
  dir = tempDir();
  const path = dir.file('vault.sqlite');
  const vault = openVault(path);
  vault.db.prepare("INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES ('c', 'Acme', 'acme', 'x', 'x')").run();
  await createBackups({ vaultPath: path, db: vault.db, attachmentsDir: vault.attachmentsDir, appVersion: 'test' }).create('manual', new Date('2026-04-01T09:00:00Z'));
  vault.close();
  writeFileSync(path, 'garbage '.repeat(500));
  let error: unknown;
  try {
    openVault(path);
  } catch (caught) {
    error = caught;
  }
  return { path, error };
}

describe('at start, a vault that will not open', () => {
  it('is damaged: the user is offered the newest backup, which is put in place and opened', async () => {
    const { path, error } = await damagedVaultWithBackup();
    const dialog = stubDialog(0);
    const vault = await offerRestore({ dialog, vaultPath: path, error, reopen: () => openVault(path), now: new Date('2026-04-02T00:00:00Z') });
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ buttons: ['Restore the newest backup', 'Quit'], message: expect.stringMatching(/damaged/) }));
    expect(vault?.db.prepare('SELECT name FROM companies').get()).toEqual({ name: 'Acme' });
    expect(readFileSync(`${path}.damaged-20260402T000000000Z`, 'utf8')).toMatch(/^garbage/);
    vault?.close();
  });

  it('is damaged and the user says Quit: nothing is touched', async () => {
    const { path, error } = await damagedVaultWithBackup();
    const vault = await offerRestore({ dialog: stubDialog(1), vaultPath: path, error, reopen: () => openVault(path) });
    expect(vault).toBeNull();
    expect(readFileSync(path, 'utf8')).toMatch(/^garbage/);
  });

  it('is damaged with no backup: says so and leaves the file', async () => {
    dir = tempDir();
    const path = dir.file('vault.sqlite');
    writeFileSync(path, 'garbage '.repeat(500));
    const dialog = stubDialog(0);
    let error: unknown;
    try {
      openVault(path);
    } catch (caught) {
      error = caught;
    }
    const vault = await offerRestore({ dialog, vaultPath: path, error, reopen: () => openVault(path) });
    expect(vault).toBeNull();
    expect(dialog.showErrorBox).toHaveBeenCalledWith('No backup to restore', expect.stringMatching(/left as it is/));
    expect(existsSync(path)).toBe(true);
  });

  it('fails for another reason (a newer vault): explains and offers nothing', async () => {
    const dialog = stubDialog(0);
    const vault = await offerRestore({ dialog, vaultPath: '/nowhere', error: new Error('This vault was saved by a newer version of Afterview.'), reopen: () => openVault('/nowhere') });
    expect(vault).toBeNull();
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Afterview cannot open your vault', expect.stringMatching(/newer version/));
  });

  it('explains an engine built for the wrong runtime in words a user can act on', () => {
    expect(describeStartupError(new Error('was compiled against a different Node.js version using NODE_MODULE_VERSION 115'))).toMatch(/Run "npm install" again/);
  });
});
