export type TextEncodingName = 'utf-8' | 'windows-1252';

/**
 * A file's text. CSV should be UTF-8, but Excel on Windows still saves
 * “CSV” in Windows-1252; such a file is read that way (and the user told)
 * rather than turned into replacement characters.
 */
export async function readFileText(file: Blob): Promise<{ text: string; encoding: TextEncodingName }> {
  const bytes = await file.arrayBuffer();
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
