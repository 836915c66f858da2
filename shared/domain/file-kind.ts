/**
 * Telling a text file from everything else, for imports that read text: a
 * zip (an .xlsx is one), an image or any other binary file would otherwise
 * come through as garbage. Known formats by their first bytes; the rest by
 * what text never holds (NUL bytes, control characters, bytes that are not
 * UTF-8 nor a plausible single-byte text).
 */
export type NotTextKind = 'zip' | 'office' | 'pdf' | 'image' | 'archive' | 'media' | 'binary' | 'encoding';

interface Signature {
  id: string;
  kind: NotTextKind;
  matches(bytes: ArrayLike<number>): boolean;
}

const at = (bytes: ArrayLike<number>, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** First bytes of the formats people pick by mistake; image-signature.ts checks card photos against the same. */
export const SIGNATURES: readonly Signature[] = [
  { id: 'zip', kind: 'zip', matches: (b) => at(b, [0x50, 0x4b, 0x03, 0x04]) || at(b, [0x50, 0x4b, 0x05, 0x06]) || at(b, [0x50, 0x4b, 0x07, 0x08]) },
  { id: 'ole', kind: 'office', matches: (b) => at(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
  { id: 'pdf', kind: 'pdf', matches: (b) => at(b, ascii('%PDF-')) },
  { id: 'png', kind: 'image', matches: (b) => at(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { id: 'jpeg', kind: 'image', matches: (b) => at(b, [0xff, 0xd8, 0xff]) },
  { id: 'webp', kind: 'image', matches: (b) => at(b, ascii('RIFF')) && at(b, ascii('WEBP'), 8) },
  { id: 'gif', kind: 'image', matches: (b) => at(b, ascii('GIF87a')) || at(b, ascii('GIF89a')) },
  { id: 'tiff', kind: 'image', matches: (b) => at(b, [0x49, 0x49, 0x2a, 0x00]) || at(b, [0x4d, 0x4d, 0x00, 0x2a]) },
  // HEIC photos and MP4 or MOV videos are all ISO media files: "ftyp" after a 4-byte size.
  { id: 'iso-media', kind: 'media', matches: (b) => at(b, ascii('ftyp'), 4) },
  { id: 'gzip', kind: 'archive', matches: (b) => at(b, [0x1f, 0x8b]) },
  { id: '7z', kind: 'archive', matches: (b) => at(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) },
  { id: 'rar', kind: 'archive', matches: (b) => at(b, ascii('Rar!\u001a\u0007')) },
  { id: 'xz', kind: 'archive', matches: (b) => at(b, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]) },
  { id: 'zstd', kind: 'archive', matches: (b) => at(b, [0x28, 0xb5, 0x2f, 0xfd]) },
  { id: 'bzip2', kind: 'archive', matches: (b) => at(b, ascii('BZh')) && b.length > 9 && at(b, ascii('1AY&SY'), 4) },
  { id: 'sqlite', kind: 'binary', matches: (b) => at(b, ascii('SQLite format 3\u0000')) },
  { id: 'elf', kind: 'binary', matches: (b) => at(b, [0x7f, 0x45, 0x4c, 0x46]) },
];
/** How much of a file is looked at: enough to see what it is, little enough to be instant. */
const SAMPLE = 64 * 1024;
/** Control characters (other than tab, line ends and form feed) text holds at most. */
const MAX_CONTROL_SHARE = 0.01;
/** Bytes that are not UTF-8 a single-byte text (Windows-1252, say) holds at most: accents, not every other byte. */
const MAX_INVALID_UTF8_SHARE = 0.3;

/** True for the characters (or bytes) text never holds: C0 controls but tab, line feed, vertical tab, form feed and carriage return; DEL. */
const isControl = (code: number) => (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d) || code === 0x7f;

function signatureKind(bytes: ArrayLike<number>): NotTextKind | null {
  for (const signature of SIGNATURES) if (signature.matches(bytes)) return signature.kind;
  return null;
}

/** UTF-16 text starts with its byte-order mark; it is text, read as such by `decodeText`. */
export function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (at(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (at(bytes, [0xfe, 0xff])) return 'utf-16be';
  return null;
}

/** What a file is when it is not text, from its bytes; null when it may well be text. */
export function notTextKindOfBytes(bytes: Uint8Array): NotTextKind | null {
  const known = signatureKind(bytes);
  if (known) return known;
  if (utf16Encoding(bytes)) return null;
  const sample = bytes.subarray(0, SAMPLE);
  let controls = 0;
  for (let index = 0; index < sample.length; index++) {
    const byte = sample[index]!;
    if (byte === 0) return 'binary';
    if (isControl(byte)) controls++;
  }
  // An old DOS file may end with one Ctrl-Z; that alone does not make it binary.
  if (sample.length > 0 && controls / sample.length > MAX_CONTROL_SHARE && !(controls === 1 && sample[sample.length - 1] === 0x1a)) return 'binary';
  const decoded = new TextDecoder('utf-8').decode(sample);
  let invalid = 0;
  for (let index = 0; index < decoded.length; index++) if (decoded.charCodeAt(index) === 0xfffd) invalid++;
  // The sample may cut the last character in two: that one does not count.
  if (decoded.endsWith('\ufffd')) invalid--;
  return decoded.length > 0 && invalid / decoded.length > MAX_INVALID_UTF8_SHARE ? 'encoding' : null;
}

/**
 * The same question for text already decoded (the core receives the file's
 * text, read as UTF-8 or Windows-1252): its first characters are mapped back
 * to the bytes they came from to find a known format, then the characters
 * text never holds are counted.
 */
export function notTextKindOfText(text: string): NotTextKind | null {
  const head = singleBytes(text.slice(0, 32));
  const known = signatureKind(head);
  if (known) return known;
  const sample = text.slice(0, SAMPLE);
  let strange = 0;
  for (let index = 0; index < sample.length; index++) {
    const code = sample.charCodeAt(index);
    if (code === 0) return 'binary';
    // C1 controls are what Windows-1252 makes of bytes it has no letter for; U+FFFD what UTF-8 makes of broken bytes.
    if (isControl(code) || (code >= 0x80 && code <= 0x9f) || code === 0xfffd) strange++;
  }
  return sample.length > 0 && strange / sample.length > MAX_CONTROL_SHARE && !(strange === 1 && sample.endsWith('\u001a')) ? 'binary' : null;
}

let windows1252: Map<number, number> | undefined;
/** Characters back to bytes as Latin-1 and Windows-1252 read them; a character neither has ends the list. */
function singleBytes(text: string): number[] {
  if (!windows1252) {
    windows1252 = new Map();
    const decoded = new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 32 }, (_, index) => 0x80 + index));
    for (let index = 0; index < decoded.length; index++) windows1252.set(decoded.charCodeAt(index), 0x80 + index);
  }
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const byte = code < 0x100 ? code : windows1252.get(code);
    if (byte === undefined) break;
    bytes.push(byte);
  }
  return bytes;
}

const WHAT: Record<NotTextKind, string> = {
  zip: 'is a zip archive, not a CSV file. If it is a spreadsheet (.xlsx, .numbers or .ods), open it in your spreadsheet app, save it as CSV, and choose that file.',
  office: 'is an Office document (.xls or .doc), not a CSV file. Open it in your spreadsheet app, save it as CSV, and choose that file.',
  pdf: 'is a PDF, not a CSV file. Save your list from your spreadsheet app as CSV, and choose that file.',
  image: 'is an image, not a CSV file. Choose a spreadsheet saved as CSV.',
  archive: 'is a compressed archive, not a CSV file. Unpack it first, then choose the CSV file inside.',
  media: 'is a photo, audio or video file, not a CSV file. Choose a spreadsheet saved as CSV.',
  binary: 'is not a text file, so it cannot be a CSV file. Choose a spreadsheet saved as CSV.',
  encoding: 'is not in an encoding Afterview can read (UTF-8, UTF-16 or Western Windows text). Save it from your spreadsheet app as “CSV UTF-8” and choose that file.',
};

/** What to tell the user, naming the file when we know its name. Nothing was read from it. */
export function notTextMessage(kind: NotTextKind, fileName?: string): string {
  return `${fileName ? `“${fileName}”` : 'This file'} ${WHAT[kind]}`;
}
