import { describe, expect, it, vi } from 'vitest';
import { createFolderPicker, createImportSourcePicker, createZipFilePicker } from '#main/folder-picker';

vi.mock('electron', () => ({}));

function stubDialog(result: { canceled: boolean; filePaths: string[] }) {
  return { showOpenDialog: vi.fn().mockResolvedValue(result) };
}
const window = { isDestroyed: () => false } as unknown as Electron.BaseWindow;

describe('the export folder dialog', () => {
  it('asks for a folder (one may be created) attached to our window, and answers the one chosen', async () => {
    const dialog = stubDialog({ canceled: false, filePaths: ['/home/ana/Documents'] });
    expect(await createFolderPicker(dialog, () => window)()).toBe('/home/ana/Documents');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(window, expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] }));
  });

  it('answers null when the user closes it', async () => {
    expect(await createFolderPicker(stubDialog({ canceled: true, filePaths: [] }), () => window)()).toBeNull();
  });

  it('still opens when the window is gone', async () => {
    const dialog = stubDialog({ canceled: false, filePaths: ['/tmp'] });
    expect(await createFolderPicker(dialog, () => null)()).toBe('/tmp');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] }));
  });
});

describe('the dialog for an export to import', () => {
  it('asks for the export folder, or for a .zip file, attached to our window', async () => {
    const dialog = stubDialog({ canceled: false, filePaths: ['/home/ana/Afterview export 2026-03-02'] });
    const pick = createImportSourcePicker(dialog, () => window);
    expect(await pick('folder')).toBe('/home/ana/Afterview export 2026-03-02');
    expect(dialog.showOpenDialog).toHaveBeenLastCalledWith(window, expect.objectContaining({ properties: ['openDirectory'], buttonLabel: 'Import' }));
    await pick('zip');
    expect(dialog.showOpenDialog).toHaveBeenLastCalledWith(window, expect.objectContaining({ properties: ['openFile'], filters: [{ name: 'Zip archive', extensions: ['zip'] }] }));
  });

  it('answers null when the user closes it', async () => {
    expect(await createImportSourcePicker(stubDialog({ canceled: true, filePaths: [] }), () => null)('zip')).toBeNull();
  });
});

describe('the save dialog for a whole-vault .zip', () => {
  const saveDialog = (result: { canceled: boolean; filePath?: string }) => ({ showSaveDialog: vi.fn().mockResolvedValue(result) });

  it('suggests the export’s name in Documents, for zip archives, attached to our window', async () => {
    const dialog = saveDialog({ canceled: false, filePath: '/home/ana/Documents/Afterview export 2026-03-02.zip' });
    const pick = createZipFilePicker(dialog, () => window, () => '/home/ana/Documents');
    expect(await pick('Afterview export 2026-03-02.zip')).toBe('/home/ana/Documents/Afterview export 2026-03-02.zip');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(window, expect.objectContaining({ defaultPath: '/home/ana/Documents/Afterview export 2026-03-02.zip', filters: [{ name: 'Zip archive', extensions: ['zip'] }] }));
  });

  it('adds .zip to a name typed without it, and answers null when the user closes it', async () => {
    expect(await createZipFilePicker(saveDialog({ canceled: false, filePath: '/tmp/my vault' }), () => null, () => '/tmp')('x.zip')).toBe('/tmp/my vault.zip');
    expect(await createZipFilePicker(saveDialog({ canceled: true }), () => window, () => '/tmp')('x.zip')).toBeNull();
  });
});
