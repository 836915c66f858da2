import { AppError } from '#core/errors';

/** Why an export cannot come in, in words the user can act on; every one of them changed nothing. */
export const importErrors = {
  foreign: () =>
    new AppError('INVALID_INPUT', 'This is not an Afterview export: it has no manifest.json. Choose the .zip file, or the folder, that an Afterview export made (“Afterview export” and a date). Nothing was changed.'),
  notZip: () => new AppError('INVALID_INPUT', 'This file is not a zip archive Afterview can read. Choose the .zip file that an Afterview export made. Nothing was changed.'),
  tooOld: () =>
    new AppError('INVALID_INPUT', 'This export was made by an earlier Afterview, before exports recorded what they hold, so it cannot be checked and brought back in. Its Markdown files and afterview.json still hold everything. Nothing was changed.'),
  newer: () => new AppError('INVALID_INPUT', 'This export was made by a newer version of Afterview. Update Afterview to bring it in. Nothing was changed.'),
  wrongPassphrase: () =>
    new AppError('INVALID_INPUT', 'That passphrase does not open this export. Check Caps Lock and the keyboard layout, then try again. Nothing was changed.', 'passphrase'),
  damaged: (what: string) => new AppError('INVALID_INPUT', `This export is damaged (${what}), so it was not brought in. Nothing was changed. If you can, export again from the vault it came from.`),
};

/** The export is a protected .zip and no passphrase came with it: the user is asked for one. */
export class ExportNeedsPassphrase extends Error {
  override name = 'ExportNeedsPassphrase';
}

/** The import stopped because the user pressed Cancel. */
export class ImportCanceled extends Error {
  override name = 'ImportCanceled';
}
