// Characters Windows, macOS or Linux refuse or misread in a file name, control
// characters, and the invisible direction marks that can disguise an extension.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_STEM = 120;

/**
 * A file name that saves as is on every system: unsafe characters become
 * spaces, no leading or trailing dots or spaces, no reserved device name,
 * and short enough for any file system once a folder is in front of it.
 */
export function safeFileName(stem: string, extension: string): string {
  let clean = stem.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  clean = clean.replace(/^[.\s]+|[.\s]+$/g, '');
  if (clean.length > MAX_STEM) clean = Array.from(clean).slice(0, MAX_STEM).join('').trimEnd();
  if (clean === '' || WINDOWS_RESERVED.test(clean.split('.')[0]!)) clean = `Afterview ${clean}`.trim();
  return `${clean}.${extension}`;
}
