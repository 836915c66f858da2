import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { defaultSaveFolder, handleDownloads, isOwnDownload, saveDialogOptionsFor } from '#main/downloads';
import { createTrustedOrigins } from '#main/security';

vi.mock('electron', () => ({}));

const origins = createTrustedOrigins('app://afterview');
const FOLDER = join('/home', 'sam', 'Documents');

/** A stand-in for Electron's DownloadItem: what the page asked to save, and what the shell did with it. */
function fakeItem(url: string, fileName: string) {
  const item = Object.assign(new EventEmitter(), { getURL: () => url, getFilename: () => fileName, setSaveDialogOptions: vi.fn(), savePath: '' });
  return Object.assign(item, { getSavePath: () => item.savePath });
}

function fakeContents(url: string, destroyed = false) {
  return { getURL: () => url, isDestroyed: () => destroyed };
}

function download(session: EventEmitter, item: ReturnType<typeof fakeItem>, contents?: ReturnType<typeof fakeContents>) {
  const event = { preventDefault: vi.fn() };
  session.emit('will-download', event, item, contents);
  return { cancelled: event.preventDefault.mock.calls.length > 0, options: item.setSaveDialogOptions.mock.calls[0]?.[0] };
}

describe('downloads in the desktop app', () => {
  it('asks where to save an export of our page, in Documents, with the file name and its type filled in', () => {
    const session = new EventEmitter();
    handleDownloads(session as never, origins, () => FOLDER);
    const { cancelled, options } = download(session, fakeItem('blob:app://afterview/1f2e', 'Prep sheet - Data Analyst - Northwind.docx'), fakeContents('app://afterview/index.html#/opening/1'));
    expect(cancelled).toBe(false);
    expect(options).toEqual({
      title: 'Save a copy',
      defaultPath: join(FOLDER, 'Prep sheet - Data Analyst - Northwind.docx'),
      buttonLabel: 'Save',
      filters: [
        { name: 'Word document', extensions: ['docx'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
  });

  it('tells the page whether the file was saved, and under the name chosen in the dialog, or cancelled, or failed', () => {
    const session = new EventEmitter();
    const finished = vi.fn();
    handleDownloads(session as never, origins, () => FOLDER, finished);
    const page = fakeContents('app://afterview/index.html');
    const saved = fakeItem('blob:app://afterview/1', 'Letter.pdf');
    download(session, saved, page);
    expect(finished).not.toHaveBeenCalled();
    saved.savePath = join(FOLDER, 'Thank-you to Dana.pdf');
    saved.emit('done', {}, 'completed');
    const cancelled = fakeItem('blob:app://afterview/2', 'Letter.pdf');
    download(session, cancelled, page);
    cancelled.emit('done', {}, 'cancelled');
    const failed = fakeItem('blob:app://afterview/3', 'Letter.pdf');
    download(session, failed, page);
    failed.emit('done', {}, 'interrupted');
    expect(finished.mock.calls.map(([file]) => file)).toEqual([
      { url: 'blob:app://afterview/1', outcome: 'saved', fileName: 'Thank-you to Dana.pdf' },
      { url: 'blob:app://afterview/2', outcome: 'cancelled', fileName: null },
      { url: 'blob:app://afterview/3', outcome: 'failed', fileName: null },
    ]);
    // A refused download never started, so there is nothing to report.
    download(session, fakeItem('https://evil.example/x.pdf', 'x.pdf'), page);
    expect(finished).toHaveBeenCalledTimes(3);
  });

  it('cancels downloads that did not come from our own page', () => {
    const session = new EventEmitter();
    handleDownloads(session as never, origins, () => FOLDER);
    const ours = fakeContents('app://afterview/index.html');
    const cases: [string, ReturnType<typeof fakeContents>][] = [
      ['https://evil.example/payload.exe', ours],
      ['http://127.0.0.1:9/x.pdf', ours],
      ['file:///etc/passwd', ours],
      ['data:application/pdf;base64,JVBERi0=', ours],
      ['blob:https://evil.example/1f2e', ours],
      ['blob:null/1f2e', ours],
      // Our blob, but started by a page of another origin (a frame, a window that slipped through).
      ['blob:app://afterview/1f2e', fakeContents('https://evil.example/')],
    ];
    for (const [url, contents] of cases) {
      const item = fakeItem(url, 'x.pdf');
      expect(download(session, item, contents).cancelled, url).toBe(true);
      expect(item.setSaveDialogOptions, url).not.toHaveBeenCalled();
    }
  });

  it('keeps a hostile file name inside the chosen folder', () => {
    expect(saveDialogOptionsFor('../../.bashrc', FOLDER).defaultPath).toBe(join(FOLDER, '.. .. .bashrc'));
    expect(saveDialogOptionsFor('..\\..\\Windows\\evil.dll', FOLDER).defaultPath).toBe(join(FOLDER, '.. .. Windows evil.dll'));
    expect(saveDialogOptionsFor('', FOLDER).defaultPath).toBe(join(FOLDER, 'Afterview export'));
  });

  it('names each format the app saves, and lets any other through as its own type', () => {
    const first = (name: string) => saveDialogOptionsFor(name, FOLDER).filters?.[0];
    expect(first('a.pdf')).toEqual({ name: 'PDF document', extensions: ['pdf'] });
    expect(first('a.md')).toEqual({ name: 'Markdown', extensions: ['md'] });
    expect(first('a.HTML')).toEqual({ name: 'Web page', extensions: ['html'] });
    expect(first('a.xyz')).toEqual({ name: 'XYZ file', extensions: ['xyz'] });
    expect(saveDialogOptionsFor('no extension', FOLDER).filters).toEqual([{ name: 'All files', extensions: ['*'] }]);
  });

  it('recognises only blob addresses of our own origin as ours', () => {
    expect(isOwnDownload('blob:app://afterview/abc', origins)).toBe(true);
    expect(isOwnDownload('app://afterview/abc', origins)).toBe(false);
    expect(isOwnDownload('blob:app://afterview.evil/abc', origins)).toBe(false);
  });

  it('saves to Documents, or to Downloads where the system has no Documents folder', () => {
    expect(defaultSaveFolder((name) => `/home/sam/${name}`)).toBe('/home/sam/documents');
    const noDocuments = (name: string) => {
      if (name === 'documents') throw new Error('Failed to get documents path');
      return `/home/sam/${name}`;
    };
    expect(defaultSaveFolder(noDocuments)).toBe('/home/sam/downloads');
  });
});
