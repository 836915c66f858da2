import { notTextKindOfBytes, notTextMessage, utf16Encoding } from '#shared/domain/file-kind';

export type TextEncodingName = 'utf-8' | 'utf-16' | 'windows-1252';

/**
 * A file's text. CSV should be UTF-8, but Excel on Windows still saves
 * “CSV” in Windows-1252 (read that way, and the user told, rather than
 * turned into replacement characters) and “Unicode text” in UTF-16. A file
 * that is not text at all (a zip, an image) is refused with a message that
 * says what it is, before any of it is sent on.
 */
export async function readFileText(file: File): Promise<{ text: string; encoding: TextEncodingName }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const notText = notTextKindOfBytes(bytes);
  if (notText) throw new Error(notTextMessage(notText, file.name));
  const utf16 = utf16Encoding(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: 'utf-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
