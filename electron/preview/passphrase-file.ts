import { readFileSync } from 'node:fs';

/** The passphrase in a file given to --passphrase-file: its first line, without the line break an editor or `echo` leaves. */
export function readPassphraseFile(path: string): string {
  return readFileSync(path, 'utf8').split(/\r?\n/)[0] ?? '';
}
