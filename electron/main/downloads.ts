import type { SaveDialogOptions, Session } from 'electron';
import { basename, extname, join } from 'node:path';
import type { EventPayload } from '#shared/ipc/contract';
import type { TrustedOrigins } from './security';

/** What each kind of file the app saves is called in the save dialog's type list. */
const FILTER_NAMES: Record<string, string> = {
  pdf: 'PDF document',
  docx: 'Word document',
  md: 'Markdown',
  html: 'Web page',
  csv: 'Spreadsheet (CSV)',
  ics: 'Calendar',
  json: 'JSON',
  zip: 'Zip archive',
};

/**
 * The renderer saves files it was handed by the core as blob: addresses of
 * its own origin. Anything else (a web address, a file: path, another
 * origin's blob) was not made by us and is refused.
 */
export function isOwnDownload(url: string, origins: TrustedOrigins): boolean {
  return url.startsWith('blob:') && origins.isTrusted(url.slice('blob:'.length));
}

/** The save dialog for one file: its name in the chosen folder, and its type first in the list. */
export function saveDialogOptionsFor(fileName: string, folder: string): SaveDialogOptions {
  // The name came from the page: never let it climb out of the folder.
  const name = basename(fileName.replace(/[\\/]/g, ' ')).trim() || 'Afterview export';
  const extension = extname(name).slice(1).toLowerCase();
  const filters = extension ? [{ name: FILTER_NAMES[extension] ?? `${extension.toUpperCase()} file`, extensions: [extension] }] : [];
  return { title: 'Save a copy', defaultPath: join(folder, name), buttonLabel: 'Save', filters: [...filters, { name: 'All files', extensions: ['*'] }] };
}

/** Documents if the system has one, else Downloads: where people look for what they saved. */
export function defaultSaveFolder(getPath: (name: 'documents' | 'downloads') => string): string {
  try {
    return getPath('documents');
  } catch {
    return getPath('downloads');
  }
}

/** What became of a file the page saved: told back to the page, which says so truthfully. */
export type SavedFile = EventPayload<'file.saved'>;

/**
 * Every download asks where to save it, with the file's name and type filled
 * in; a download that our own page did not start is cancelled. When the
 * dialog and the write are over, `onFinished` hears whether the file was
 * saved and as what, so the page never says "Saved" for a cancelled dialog.
 */
export function handleDownloads(session: Pick<Session, 'on'>, origins: TrustedOrigins, folder: () => string, onFinished: (file: SavedFile) => void = () => undefined): void {
  session.on('will-download', (event, item, contents) => {
    const fromOurPage = !contents || contents.isDestroyed() || origins.isTrusted(contents.getURL());
    if (!fromOurPage || !isOwnDownload(item.getURL(), origins)) {
      event.preventDefault();
      return;
    }
    item.setSaveDialogOptions(saveDialogOptionsFor(item.getFilename(), folder()));
    item.once('done', (_done, state) => {
      const saved = state === 'completed';
      onFinished({ url: item.getURL(), outcome: saved ? 'saved' : state === 'cancelled' ? 'cancelled' : 'failed', fileName: saved ? basename(item.getSavePath()) : null });
    });
  });
}
