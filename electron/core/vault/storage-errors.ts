import { AppError } from '../errors';

/**
 * Turns what the disk or SQLite says into a message a user can act on, or
 * null when the error is not about storage. Used when the vault opens and
 * when a save fails, so both say the same thing.
 */
export function storageError(error: unknown): AppError | null {
  const code = (error as { code?: string } | null)?.code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  const text = `${code} ${message}`;
  if (/SQLITE_FULL|ENOSPC|database or disk is full/i.test(text)) {
    return new AppError('VAULT_UNAVAILABLE', 'The disk is full, so nothing was saved. Free some space and try again; everything saved before is safe.');
  }
  if (/SQLITE_READONLY|EROFS|EACCES|EPERM|readonly database|read-only file system/i.test(text)) {
    return new AppError('VAULT_UNAVAILABLE', 'Afterview cannot write to the vault folder: it is read-only. Check the folder’s permissions or move the vault; nothing was changed.');
  }
  if (/SQLITE_CORRUPT|SQLITE_NOTADB|malformed|file is not a database/i.test(text)) {
    return new AppError('VAULT_UNAVAILABLE', 'The vault file is damaged, so Afterview stopped before changing anything. Restore it from a backup.');
  }
  if (/SQLITE_CANTOPEN|unable to open database/i.test(text)) {
    return new AppError('VAULT_UNAVAILABLE', 'The vault file could not be opened. Check that its folder exists and that Afterview may use it.');
  }
  return null;
}
