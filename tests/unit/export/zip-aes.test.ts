import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ZipSink } from '#core/export/vault/zip-sink';
import { SealedEntryDamaged, WrongZipPassphrase } from '#core/import/vault/sealed-entry-reader';
import { ZipNeedsPassphrase, ZipReader } from '#core/import/vault/zip-reader';
import { sevenZip, sevenZipAvailable } from '#support/seven-zip';

/**
 * The WinZip AES-256 entries of a protected export, checked against 7-Zip
 * both ways: a zip 7-Zip made (`7z a -tzip -mem=AES256 -p'correct horse
 * battery'`: a deflated note, a deflated 17 KB text, a stored one-byte file)
 * is read here, and a zip written here is tested and unpacked by 7-Zip.
 */
const FIXTURE = join(__dirname, '../../fixtures/zip-aes/7zip-aes256.zip');
const FIXTURE_PASSPHRASE = 'correct horse battery';
const FIXTURE_NOTE = 'A note written for the 7-Zip fixture: Ada Lovelace, hiring manager at Analytical Engines, asked about Babbage.\n';
const FIXTURE_LONG_SHA256 = '1942a218adfab7c93bb5074cc1669077eb55ea82b4b3abda2c495818edba7a70';

let temp: string | null = null;
afterEach(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
  temp = null;
});
const tempDir = () => (temp ??= mkdtempSync(join(tmpdir(), 'afterview-zip-aes-')));

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function read(path: string, name: string, passphrase?: string): Promise<Buffer> {
  const zip = await ZipReader.open(path);
  if (passphrase !== undefined) zip.usePassphrase(passphrase);
  return bytesOf(await zip.stream(name));
}

/** A protected zip as the export writes it: one stored file and one streamed (deflated) file, with text that would show if it were not encrypted. */
async function writeProtectedZip(passphrase: string | null, dumpChunks: string[] = ['{"name":"Grace Hopper",', '"note":"compilers"}\n']): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new ZipSink('Afterview export 2026-03-02', { write: (chunk) => (chunks.push(Buffer.from(chunk)), true), drained: async () => undefined }, passphrase);
  await sink.write([{ path: 'notes/debrief.md', content: 'Debrief with Grace Hopper about the compilers team.\n' }]);
  const dump = await sink.open('afterview.json');
  for (const chunk of dumpChunks) await dump.write(chunk);
  await dump.close();
  await sink.write([{ path: 'attachments/card.png', content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) }]);
  await sink.finish();
  return Buffer.concat(chunks);
}

describe('reading a zip 7-Zip encrypted with AES-256', () => {
  it('gives back every entry, deflated or stored, with the right passphrase', async () => {
    expect((await read(FIXTURE, 'note.md', FIXTURE_PASSPHRASE)).toString('utf8')).toBe(FIXTURE_NOTE);
    expect(createHash('sha256').update(await read(FIXTURE, 'long.txt', FIXTURE_PASSPHRASE)).digest('hex')).toBe(FIXTURE_LONG_SHA256);
    expect((await read(FIXTURE, 'one.txt', FIXTURE_PASSPHRASE)).toString('utf8')).toBe('x');
  });

  it('knows it is encrypted, and asks for the passphrase before reading', async () => {
    const zip = await ZipReader.open(FIXTURE);
    expect(zip.isEncrypted()).toBe(true);
    await expect(zip.stream('note.md')).rejects.toBeInstanceOf(ZipNeedsPassphrase);
  });

  it('refuses another passphrase', async () => {
    await expect(read(FIXTURE, 'note.md', 'correct horse battery staple')).rejects.toBeInstanceOf(WrongZipPassphrase);
  });

  it('refuses an entry whose encrypted bytes were changed, before handing any of them on', async () => {
    const damaged = Buffer.from(readFileSync(FIXTURE));
    // A byte in the middle of long.txt's encrypted data: its salt and verifier are intact, its code no longer matches.
    const at = damaged.indexOf(Buffer.from('long.txt')) + 'long.txt'.length + 11 + 18 + 500;
    damaged[at]! ^= 0x01;
    const path = join(tempDir(), 'damaged.zip');
    writeFileSync(path, damaged);
    const zip = await ZipReader.open(path);
    zip.usePassphrase(FIXTURE_PASSPHRASE);
    await expect(zip.stream('long.txt')).rejects.toBeInstanceOf(SealedEntryDamaged);
  });
});

describe('a protected export zip', () => {
  it('holds none of its words, and Afterview reads it back whole', async () => {
    const zip = await writeProtectedZip('a passphrase of mine');
    expect(zip.includes('Grace Hopper')).toBe(false);
    expect(zip.includes('compilers')).toBe(false);
    const path = join(tempDir(), 'protected.zip');
    writeFileSync(path, zip);
    expect((await read(path, 'Afterview export 2026-03-02/notes/debrief.md', 'a passphrase of mine')).toString('utf8')).toBe('Debrief with Grace Hopper about the compilers team.\n');
    expect((await read(path, 'Afterview export 2026-03-02/afterview.json', 'a passphrase of mine')).toString('utf8')).toBe('{"name":"Grace Hopper","note":"compilers"}\n');
    expect([...(await read(path, 'Afterview export 2026-03-02/attachments/card.png', 'a passphrase of mine'))]).toEqual([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await expect(read(path, 'Afterview export 2026-03-02/notes/debrief.md', 'not my passphrase')).rejects.toBeInstanceOf(WrongZipPassphrase);
  });

  it('marks every entry as WinZip AES (method 99, encrypted flag, AE-2 field holding the real method, CRC 0)', async () => {
    const zip = await writeProtectedZip('a passphrase of mine');
    const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let at = zip.readUInt32LE(end + 16);
    const seen: { flags: number; method: number; crc: number; realMethod: number; local: { flags: number; method: number } }[] = [];
    for (let index = 0; index < zip.readUInt16LE(end + 10); index++) {
      const nameLength = zip.readUInt16LE(at + 28);
      const extra = zip.subarray(at + 46 + nameLength, at + 46 + nameLength + zip.readUInt16LE(at + 30));
      expect(extra.readUInt16LE(0)).toBe(0x9901);
      expect(extra.readUInt16LE(4)).toBe(2);
      expect(extra.toString('latin1', 6, 8)).toBe('AE');
      expect(extra.readUInt8(8)).toBe(3);
      const local = zip.readUInt32LE(at + 42);
      seen.push({
        flags: zip.readUInt16LE(at + 8) & 1,
        method: zip.readUInt16LE(at + 10),
        crc: zip.readUInt32LE(at + 16),
        realMethod: extra.readUInt16LE(9),
        local: { flags: zip.readUInt16LE(local + 6) & 1, method: zip.readUInt16LE(local + 8) },
      });
      at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    }
    const aes = { flags: 1, method: 99, crc: 0, local: { flags: 1, method: 99 } };
    expect(seen).toEqual([
      { ...aes, realMethod: 0 },
      { ...aes, realMethod: 8 },
      { ...aes, realMethod: 0 },
    ]);
  });

  it('streams a large entry in pieces that are not whole AES blocks', async () => {
    const pieces = Array.from({ length: 300 }, (_, index) => `${'row '.repeat(index % 17)}${index}\n`);
    const zip = await writeProtectedZip('a passphrase of mine', pieces);
    expect(zip.includes('row row')).toBe(false);
    const path = join(tempDir(), 'pieces.zip');
    writeFileSync(path, zip);
    expect((await read(path, 'Afterview export 2026-03-02/afterview.json', 'a passphrase of mine')).toString('utf8')).toBe(pieces.join(''));
  });
});

describe.runIf(sevenZipAvailable())('a protected export zip, opened by 7-Zip', () => {
  it('passes 7-Zip’s test with the passphrase and unpacks to the same files; another passphrase is refused', async () => {
    const path = join(tempDir(), 'for-7zip.zip');
    writeFileSync(path, await writeProtectedZip('a passphrase of mine'));
    expect(sevenZip(['t', '-pa passphrase of mine', path])).toMatchObject({ status: 0 });
    expect(sevenZip(['t', '-pwrong', path]).status).not.toBe(0);
    const out = join(tempDir(), 'unpacked');
    expect(sevenZip(['x', '-pa passphrase of mine', `-o${out}`, path]).status).toBe(0);
    expect(readFileSync(join(out, 'Afterview export 2026-03-02/notes/debrief.md'), 'utf8')).toBe('Debrief with Grace Hopper about the compilers team.\n');
    expect(readFileSync(join(out, 'Afterview export 2026-03-02/afterview.json'), 'utf8')).toBe('{"name":"Grace Hopper","note":"compilers"}\n');
  });

  it('agrees with 7-Zip on a passphrase beyond ASCII', async () => {
    const path = join(tempDir(), 'accents.zip');
    writeFileSync(path, await writeProtectedZip('mot de passe déjà vu, ça'));
    expect(sevenZip(['t', '-pmot de passe déjà vu, ça', path])).toMatchObject({ status: 0 });
    // Without its accents it is another passphrase.
    expect(sevenZip(['t', '-pmot de passe deja vu, ca', path]).status).not.toBe(0);
  });
});
