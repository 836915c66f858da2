import { safeFileName } from '../file-name';

/**
 * Safe, distinct file names within one folder: a second "Call notes" becomes
 * "Call notes (2).md". Compared without case, as macOS and Windows do.
 */
export class UniqueNames {
  private readonly taken = new Set<string>();

  claim(stem: string, extension: string): string {
    const first = safeFileName(stem, extension);
    const base = first.slice(0, -(extension.length + 1));
    let name = first;
    for (let copy = 2; this.taken.has(name.toLowerCase()); copy++) name = `${base} (${copy}).${extension}`;
    this.taken.add(name.toLowerCase());
    return name;
  }
}
