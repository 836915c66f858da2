import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { DUMP_PATH, MANIFEST_PATH } from '#core/export/vault/manifest';
import { AppError } from '#core/errors';
import { ExportNeedsPassphrase, importErrors } from './import-errors';
import { SealedEntryDamaged, WrongZipPassphrase } from './sealed-entry-reader';
import { NotAZip, ZipReader } from './zip-reader';

/** An export to read from: the folder the desktop app wrote, or the .zip the preview downloaded. Paths are the export's own. */
export interface ExportSource {
  has(path: string): boolean;
  stream(path: string): Promise<Readable>;
  bytes(path: string): Promise<Buffer>;
}

/**
 * Opens `location` as an export: a zip, a folder holding manifest.json, or
 * the folder one level above it (the one the user chose to export into). A
 * protected zip needs its `passphrase`: without one it throws
 * ExportNeedsPassphrase; with a wrong one, a clear refusal.
 */
export async function openExportSource(location: string, passphrase?: string): Promise<ExportSource> {
  let info;
  try {
    info = await stat(location);
  } catch {
    throw importErrors.foreign();
  }
  return info.isDirectory() ? folderSource(location) : zipSource(location, passphrase);
}

async function folderSource(folder: string): Promise<ExportSource> {
  const exists = async (path: string) => stat(path).then((found) => found.isFile(), () => false);
  let root: string | null = (await exists(join(folder, MANIFEST_PATH))) ? folder : null;
  if (!root) {
    const inside = await readdir(folder, { withFileTypes: true }).catch(() => []);
    const candidates: string[] = [];
    for (const entry of inside) if (entry.isDirectory() && (await exists(join(folder, entry.name, MANIFEST_PATH)))) candidates.push(join(folder, entry.name));
    if (candidates.length === 1) root = candidates[0]!;
  }
  if (!root) throw (await exists(join(folder, DUMP_PATH))) ? importErrors.tooOld() : importErrors.foreign();
  const base = root;
  const files = new Set<string>();
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(join(base, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) files.add(path);
    }
  };
  await walk('');
  return {
    has: (path) => files.has(path),
    stream: async (path) => createReadStream(join(base, ...path.split('/'))),
    bytes: (path) => readFile(join(base, ...path.split('/'))),
  };
}

async function zipSource(path: string, passphrase: string | undefined): Promise<ExportSource> {
  let zip: ZipReader;
  try {
    zip = await ZipReader.open(path);
  } catch (error) {
    if (error instanceof NotAZip) throw importErrors.notZip();
    throw error;
  }
  // The export's files sit in one top folder ("Afterview export 2026-03-02/"), or at the top if someone zipped them so.
  const roots = zip
    .names()
    .filter((name) => name === MANIFEST_PATH || (name.endsWith(`/${MANIFEST_PATH}`) && name.split('/').length === 2))
    .map((name) => name.slice(0, -MANIFEST_PATH.length));
  if (roots.length !== 1) {
    const old = zip.names().some((name) => name === DUMP_PATH || name.endsWith(`/${DUMP_PATH}`));
    throw old && roots.length === 0 ? importErrors.tooOld() : importErrors.foreign();
  }
  const prefix = roots[0]!;
  const stream = async (name: string) => {
    try {
      return await zip.stream(prefix + name);
    } catch (error) {
      if (error instanceof NotAZip) throw importErrors.damaged(`${name} cannot be read`);
      if (error instanceof WrongZipPassphrase) throw importErrors.wrongPassphrase();
      if (error instanceof SealedEntryDamaged) throw importErrors.damaged(`${name} is not what was written`);
      throw error;
    }
  };
  if (zip.isEncrypted()) {
    if (passphrase === undefined) throw new ExportNeedsPassphrase();
    zip.usePassphrase(passphrase);
    // The manifest is read first anyway: opening it here says at once whether the passphrase is right.
    (await stream(MANIFEST_PATH)).destroy();
  }
  return {
    has: (name) => zip.has(prefix + name),
    stream,
    async bytes(name) {
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of await stream(name)) chunks.push(chunk as Buffer);
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw importErrors.damaged(`${name} cannot be read`);
      }
      return Buffer.concat(chunks);
    },
  };
}
