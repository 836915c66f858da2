import { describe, expect, it } from 'vitest';
import { notTextKindOfBytes, notTextKindOfText, notTextMessage } from '#shared/domain/file-kind';
import { noiseBytes, NOT_TEXT_FILES, TEXT_FILES } from '#support/not-text-files';

const windows1252 = (bytes: Uint8Array) => new TextDecoder('windows-1252').decode(bytes);
const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

describe('what a file is, from its bytes', () => {
  it('knows the formats people pick by mistake', () => {
    expect(notTextKindOfBytes(NOT_TEXT_FILES.xlsx)).toBe('zip');
    expect(notTextKindOfBytes(NOT_TEXT_FILES.zip)).toBe('zip');
    expect(notTextKindOfBytes(NOT_TEXT_FILES.xls)).toBe('office');
    expect(notTextKindOfBytes(NOT_TEXT_FILES.pdf)).toBe('pdf');
    expect(notTextKindOfBytes(NOT_TEXT_FILES.png)).toBe('image');
    expect(notTextKindOfBytes(NOT_TEXT_FILES.jpeg)).toBe('image');
    expect(notTextKindOfBytes(NOT_TEXT_FILES.gzip)).toBe('archive');
  });

  it('refuses any other binary: a NUL byte, control characters, or bytes that are mostly not UTF-8', () => {
    expect(notTextKindOfBytes(NOT_TEXT_FILES.noise)).toBe('binary');
    expect(notTextKindOfBytes(Buffer.from('Company,Role\nAcme,Dev\u0000\n'))).toBe('binary');
    expect(notTextKindOfBytes(Buffer.from(`Company,Role\n${'Acme,Dev\u0007\u0002\n'.repeat(10)}`))).toBe('binary');
    // High bytes only, no NUL nor control: not UTF-8, and far too many of them for accents in a Windows file.
    const high = Buffer.from(noiseBytes(2000).map((byte) => 0x80 | byte));
    expect(notTextKindOfBytes(high)).toBe('encoding');
  });

  it('lets text through: UTF-8, Windows-1252 with accents, UTF-16 with its mark, a DOS end-of-file mark, and nothing at all', () => {
    for (const [name, bytes] of Object.entries(TEXT_FILES)) expect(notTextKindOfBytes(bytes), name).toBeNull();
    expect(notTextKindOfBytes(Buffer.from('Company,Role\r\nAcme,Dev\r\n\u001a'))).toBeNull();
    expect(notTextKindOfBytes(new Uint8Array())).toBeNull();
  });
});

describe('what a file is, from the text it was read as', () => {
  it('finds the same formats in the text the renderer decoded, as UTF-8 or Windows-1252', () => {
    for (const decode of [windows1252, utf8]) {
      expect(notTextKindOfText(decode(NOT_TEXT_FILES.xlsx))).toBe('zip');
      expect(notTextKindOfText(decode(NOT_TEXT_FILES.xls))).not.toBeNull();
      expect(notTextKindOfText(decode(NOT_TEXT_FILES.png))).not.toBeNull();
      expect(notTextKindOfText(decode(NOT_TEXT_FILES.noise))).toBe('binary');
    }
    expect(notTextKindOfText(windows1252(NOT_TEXT_FILES.png))).toBe('image');
    expect(notTextKindOfText(windows1252(NOT_TEXT_FILES.pdf))).toBe('pdf');
  });

  it('lets text through', () => {
    expect(notTextKindOfText(utf8(TEXT_FILES.utf8))).toBeNull();
    expect(notTextKindOfText(windows1252(TEXT_FILES.windows1252))).toBeNull();
    expect(notTextKindOfText(new TextDecoder('utf-16le').decode(TEXT_FILES.utf16le))).toBeNull();
  });

  it('says what the file is and what to do instead', () => {
    expect(notTextMessage('zip', 'jobs.xlsx')).toBe('“jobs.xlsx” is a zip archive, not a CSV file. If it is a spreadsheet (.xlsx, .numbers or .ods), open it in your spreadsheet app, save it as CSV, and choose that file.');
    expect(notTextMessage('image')).toBe('This file is an image, not a CSV file. Choose a spreadsheet saved as CSV.');
  });
});
