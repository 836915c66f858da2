import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { BACKUP_REASONS, backupCountsSchema } from '#shared/domain/backup';
import { BACKUP_FORMAT_VERSION, createBackupContainer, openBackupContainer, type BackupContainerReader } from '#core/vault/backup-container';
import type { VaultKey } from '#core/vault/cipher';
import { VaultFileError } from '#core/vault/vault-file';
import type { Steps } from './steps';

/**
 * The backup file: one SQLite database (vault/backup-container.ts) holding
 * the vault's snapshot and every attachment as parts, cut into chunks, and a
 * manifest that lists each part with its size and SHA-256. Why SQLite and not a zip: a part of any size is
 * written and read a chunk at a time (memory stays flat with many photos),
 * the manifest is read without touching the parts (the list stays quick),
 * and when the vault is encrypted (SQLite3 Multiple Ciphers) its backups are
 * encrypted the same way, photos included, with no second format to secure.
 */

const CHUNK_BYTES = 1024 * 1024;
export const DATABASE_PART = 'vault.sqlite';
const ATTACHMENT_PREFIX = 'attachments/';
/** The names Afterview gives attachments (an id and an extension); anything else in a manifest is refused. */
const ATTACHMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

const partSchema = z.object({
  name: z.string().refine((name) => name === DATABASE_PART || (name.startsWith(ATTACHMENT_PREFIX) && ATTACHMENT_NAME.test(name.slice(ATTACHMENT_PREFIX.length)))),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  encoding: z.enum(['deflate', 'stored']),
});
export type BackupPart = z.infer<typeof partSchema>;

const manifestSchema = z
  .object({
    format: z.literal('afterview-backup'),
    formatVersion: z.number().int(),
    createdAt: z.iso.datetime(),
    reason: z.enum(BACKUP_REASONS),
    /** Null when the backup was made as the vault opened, before the app said which version it is. */
    appVersion: z.string().max(100).nullable(),
    /** The vault's applied migrations, so a backup from a newer schema is refused before it is unpacked. */
    migrations: z.array(z.string().max(200)),
    counts: backupCountsSchema,
    parts: z.array(partSchema),
  })
  .refine((manifest) => manifest.parts.filter((part) => part.name === DATABASE_PART).length === 1, { error: 'no single database part' })
  .refine((manifest) => new Set(manifest.parts.map((part) => part.name)).size === manifest.parts.length, { error: 'a part is listed twice' });
export type BackupManifest = z.infer<typeof manifestSchema>;

export type BackupFacts = Omit<BackupManifest, 'format' | 'formatVersion' | 'parts'>;

/** A file to pack: where it is now and its name in the backup. */
export interface PartSource {
  name: string;
  path: string;
  encoding: BackupPart['encoding'];
}

/**
 * Writes a backup file at `target` (a temporary name: the caller checks it,
 * then gives it its name). Database pages compress well and are deflated;
 * photos are already compressed and are stored as they are. An attachment
 * that disappears while packing (deleted meanwhile) is left out. With a key
 * (an encrypted vault) the whole file is encrypted with it.
 */
export function* writeBackupFile(target: string, sources: PartSource[], facts: BackupFacts, key: VaultKey | null): Steps<BackupManifest> {
  const container = createBackupContainer(target, key);
  try {
    const parts: BackupPart[] = [];
    const buffer = Buffer.alloc(CHUNK_BYTES);
    for (const source of sources) {
      let fd: number;
      try {
        fd = openSync(source.path, 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' && source.name !== DATABASE_PART) continue;
        throw error;
      }
      try {
        const hash = createHash('sha256');
        let size = 0;
        for (let seq = 0; ; seq++) {
          const read = readSync(fd, buffer, 0, CHUNK_BYTES, null);
          if (read === 0 && seq > 0) break;
          const bytes = buffer.subarray(0, read);
          hash.update(bytes);
          size += read;
          container.addChunk(source.name, seq, source.encoding === 'deflate' ? deflateRawSync(bytes) : Buffer.from(bytes));
          yield;
          if (read < CHUNK_BYTES) break;
        }
        parts.push({ name: source.name, size, sha256: hash.digest('hex'), encoding: source.encoding });
      } finally {
        closeSync(fd);
      }
    }
    const manifest: BackupManifest = { format: 'afterview-backup', formatVersion: BACKUP_FORMAT_VERSION, ...facts, parts };
    container.finish(JSON.stringify(manifest));
    return manifest;
  } finally {
    container.close();
  }
}

function manifestOf(container: BackupContainerReader): BackupManifest {
  const raw = container.manifestJson();
  if (raw === undefined) throw new VaultFileError('damaged', 'its manifest is missing');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new VaultFileError('damaged', 'its manifest is not readable');
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new VaultFileError('damaged', `its manifest is not valid (${parsed.error.issues[0]?.message ?? 'unknown'})`);
  if (parsed.data.formatVersion > BACKUP_FORMAT_VERSION) throw new VaultFileError('newer', 'made by a newer Afterview');
  return parsed.data;
}

/** The manifest alone, without reading any part: what the list shows. */
export function readBackupManifest(path: string, key: VaultKey | null): BackupManifest {
  const container = openBackupContainer(path, key);
  try {
    return manifestOf(container);
  } finally {
    container.close();
  }
}

/**
 * Reads every part back, chunk by chunk, checking its size and SHA-256
 * against the manifest; hands each chunk's bytes to `sink` (or nowhere, to
 * check only). Throws a 'damaged' VaultFileError at the first difference.
 */
function* readParts(path: string, key: VaultKey | null, sink: ((part: BackupPart, bytes: Buffer) => void) | null): Steps<BackupManifest> {
  const container = openBackupContainer(path, key);
  try {
    const manifest = manifestOf(container);
    for (const part of manifest.parts) {
      const hash = createHash('sha256');
      let size = 0;
      let expected = 0;
      try {
        for (const row of container.chunks(part.name)) {
          if (row.seq !== expected++) throw new VaultFileError('damaged', `a piece of ${part.name} is missing`);
          const bytes = part.encoding === 'deflate' ? inflateRawSync(row.bytes) : row.bytes;
          hash.update(bytes);
          size += bytes.length;
          sink?.(part, bytes);
          yield;
        }
      } catch (error) {
        if (error instanceof VaultFileError) throw error;
        throw new VaultFileError('damaged', `${part.name} cannot be read (${(error as Error).message})`);
      }
      if (size !== part.size || hash.digest('hex') !== part.sha256) throw new VaultFileError('damaged', `${part.name} does not match its checksum`);
    }
    return manifest;
  } finally {
    container.close();
  }
}

/** Checks every part against its checksum: run on a new backup before it gets its name. */
export function verifyBackupFile(path: string, key: VaultKey | null): Steps<BackupManifest> {
  return readParts(path, key, null);
}

/** Where an unpacked backup's pieces are: the vault database and a folder of its attachments. */
export interface UnpackedBackup {
  manifest: BackupManifest;
  database: string;
  attachmentsDir: string;
  /** The attachment file names the backup holds. */
  attachments: string[];
}

/**
 * Unpacks a backup into `dir` (which must not exist yet), checking every part
 * on the way. Nothing outside `dir` is touched, so a damaged file changes
 * nothing; the caller checks the database and then moves the pieces in.
 */
export function* unpackBackupFile(path: string, dir: string, key: VaultKey | null): Steps<UnpackedBackup> {
  const attachmentsDir = join(dir, 'attachments');
  mkdirSync(attachmentsDir, { recursive: true });
  const open = new Map<string, number>();
  const targetOf = (name: string) => (name === DATABASE_PART ? join(dir, DATABASE_PART) : join(attachmentsDir, name.slice(ATTACHMENT_PREFIX.length)));
  try {
    const manifest = yield* readParts(path, key, (part, bytes) => {
      let fd = open.get(part.name);
      if (fd === undefined) {
        fd = openSync(targetOf(part.name), 'wx');
        open.set(part.name, fd);
      }
      writeSync(fd, bytes);
    });
    // An empty part has no chunk to open its file with.
    for (const part of manifest.parts) if (!open.has(part.name)) closeSync(openSync(targetOf(part.name), 'wx'));
    return {
      manifest,
      database: join(dir, DATABASE_PART),
      attachmentsDir,
      attachments: manifest.parts.filter((part) => part.name !== DATABASE_PART).map((part) => part.name.slice(ATTACHMENT_PREFIX.length)),
    };
  } finally {
    for (const fd of open.values()) closeSync(fd);
  }
}

export function attachmentPartName(fileName: string): string {
  return ATTACHMENT_PREFIX + fileName;
}

/** Whether a name in the attachments folder is one Afterview would pack (not a temporary file). */
export function isPackableAttachment(fileName: string): boolean {
  return ATTACHMENT_NAME.test(fileName);
}
