import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backupDirFor } from '#core/backup/backups';
import { createBackupFilePicker } from '#main/backup-file-picker';
import { coreHarness, type CoreHarness } from '#support/core-harness';
import { tempDir, type TempDir } from '#support/temp-vault';

vi.mock('electron', () => ({}));

function stubDialog(result: { canceled: boolean; filePaths: string[] }) {
  return { showOpenDialog: vi.fn().mockResolvedValue(result) };
}
const window = { isDestroyed: () => false } as unknown as Electron.BaseWindow;

let core: CoreHarness | undefined;
let dir: TempDir | undefined;
afterEach(() => {
  core?.cleanup();
  dir?.remove();
});

describe('the dialog for a backup file to restore', () => {
  it('asks for one file, attached to our window, offering Afterview’s backups first and any file after', async () => {
    const dialog = stubDialog({ canceled: false, filePaths: ['/media/stick/afterview-20260401T093000000Z-manual.afterview-backup'] });
    expect(await createBackupFilePicker(dialog, () => window)()).toBe('/media/stick/afterview-20260401T093000000Z-manual.afterview-backup');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        properties: ['openFile'],
        filters: [
          { name: 'Afterview backups', extensions: ['afterview-backup', 'sqlite'] },
          { name: 'All files', extensions: ['*'] },
        ],
      }),
    );
  });

  it('answers null when the user closes it, and still opens when the window is gone', async () => {
    expect(await createBackupFilePicker(stubDialog({ canceled: true, filePaths: [] }), () => window)()).toBeNull();
    const dialog = stubDialog({ canceled: false, filePaths: ['/tmp/x.afterview-backup'] });
    expect(await createBackupFilePicker(dialog, () => null)()).toBe('/tmp/x.afterview-backup');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ properties: ['openFile'] }));
  });

  it('is the port backups.pick asks through: the file chosen in the dialog is checked and restored', async () => {
    dir = tempDir('afterview-dialog-');
    const chosen = dir.file('kept on a stick.afterview-backup');
    const dialog = stubDialog({ canceled: false, filePaths: [chosen] });
    core = coreHarness('2026-04-01T09:00:00.000Z', { pickBackupFile: createBackupFilePicker(dialog, () => window) });
    await core.call('openings.create', { companyName: 'On The Stick', role: 'Analyst' });
    copyFileSync(join(backupDirFor(core.vault.path), (await core.call('backups.create', undefined)).fileName), chosen);
    await core.call('openings.create', { companyName: 'Not Yet', role: 'Analyst' });

    const picked = await core.call('backups.pick', { source: 'dialog' });
    expect(picked).toMatchObject({ fileName: 'kept on a stick.afterview-backup', contents: { counts: { openings: 1 } } });
    await core.call('backups.restorePicked', { id: picked!.id });
    expect((await core.call('openings.list', undefined)).map((opening) => opening.companyName)).toEqual(['On The Stick']);
  });
});
