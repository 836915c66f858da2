import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ExportProgress } from '#shared/domain/data-export';
import { IMPORT_KINDS, type ImportKind, type VaultImportInspected, type VaultImportPreview, type VaultImportResult } from '#shared/domain/vault-import';
import { AppError } from '#core/errors';
import { ATTACHMENTS_FOLDER, EXPORT_FORMAT, EXPORT_FORMAT_VERSION, MANIFEST_PATH, manifestSchema, type Manifest } from '#core/export/vault/manifest';
import type { AttachmentStore } from '#core/vault/attachments';
import type { VaultKey } from '#core/vault/cipher';
import type { Db } from '#core/vault/connection';
import { applyImport, planImport, type TablePlan } from '#core/vault/import/merge';
import { holdsNoRows } from '#core/vault/import/schema';
import { openStagingVault, type StagedVault } from '#core/vault/import/staging-vault';
import type { Migration } from '#core/vault/migrations';
import { openExportSource, type ExportSource } from './export-source';
import { ExportNeedsPassphrase, ImportCanceled, importErrors } from './import-errors';
import { buildStaging } from './staging';

/** Progress events at most this often, as for exports. */
const PROGRESS_EVERY_MS = 100;
/** Beside the vault (same disk, so the photos move by rename-free copy and the space is the vault's), removed when done. */
const WORK_PREFIX = '.afterview-import-';
/** A card photo's name as Afterview gives it: never a path. */
const PHOTO_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(png|jpg|webp)$/;

const KIND_OF_TABLE: Record<string, ImportKind> = {
  openings: 'openings',
  companies: 'companies',
  contacts: 'contacts',
  interviews: 'interviews',
  notes: 'notes',
  letters: 'letters',
  cards: 'photos',
  references: 'references',
  research_entries: 'research',
  touchpoints: 'touchpoints',
  letter_templates: 'templates',
};

export interface VaultImportDeps {
  db: Db;
  vaultPath: string;
  /** An encrypted vault's key, for the staging vault kept beside it. */
  key?: VaultKey | null;
  attachments: AttachmentStore;
  migrations: readonly Migration[];
  emitProgress?: (progress: ExportProgress) => void;
  /** Asks the user for an export's folder or .zip; null when they close the dialog. Only the desktop app has one. */
  pickSource?: (kind: 'folder' | 'zip') => Promise<string | null>;
}

/** A checked export waiting for the user's go-ahead. */
interface Pending {
  importId: string;
  workDir: string;
  stagingPath: string;
  source: ExportSource;
  manifest: Manifest;
  /** An uploaded .zip, removed with the rest once the import is done or dropped. */
  ownedFile: string | null;
}

/** A protected .zip waiting for its passphrase: kept (an upload too) until it is opened, dropped, or another export is chosen. */
interface Locked {
  sourceId: string;
  location: string;
  ownsLocation: boolean;
}

/**
 * Whole-vault exports brought back in, one at a time: read and checked into a
 * staging vault (with progress and Cancel), previewed, then added to the
 * vault in one transaction with their photos, or not at all.
 */
export function createVaultImports(deps: VaultImportDeps) {
  let running: { jobId: string; controller: AbortController } | null = null;
  let pending: Pending | null = null;
  let locked: Locked | null = null;

  function begin(jobId: string) {
    if (running) throw new AppError('CONFLICT', 'An import is already running. Wait for it to finish or cancel it first.');
    const controller = new AbortController();
    running = { jobId, controller };
    let lastEmit = 0;
    let done = 0;
    let total = 1;
    return {
      signal: controller.signal,
      setTotal(steps: number) {
        total = Math.max(1, steps);
        deps.emitProgress?.({ jobId, done: 0, total });
      },
      /** Counts steps, lets the app breathe, and stops here if the user cancelled. */
      async step(steps: number) {
        done = Math.min(total - 1, done + steps);
        const now = Date.now();
        if (now - lastEmit >= PROGRESS_EVERY_MS) {
          lastEmit = now;
          deps.emitProgress?.({ jobId, done, total });
        }
        await new Promise((resolve) => setImmediate(resolve));
        if (controller.signal.aborted) throw new ImportCanceled();
      },
      finish() {
        deps.emitProgress?.({ jobId, done: total, total });
      },
    };
  }

  /** Drops the protected zip waiting for its passphrase, unless it is `keep` (being opened now). */
  function dropLocked(keep?: string): void {
    if (!locked || locked.location === keep) return;
    if (locked.ownsLocation) rmSync(locked.location, { force: true });
    locked = null;
  }

  function forget(): void {
    if (!pending) return;
    rmSync(pending.workDir, { recursive: true, force: true });
    if (pending.ownedFile) rmSync(pending.ownedFile, { force: true });
    pending = null;
  }

  async function inspect(jobId: string, location: string, ownsLocation = false, passphrase?: string): Promise<VaultImportInspected> {
    const job = begin(jobId);
    forget();
    dropLocked(location);
    const workDir = join(dirname(deps.vaultPath), `${WORK_PREFIX}${randomBytes(6).toString('hex')}`);
    try {
      await mkdir(workDir);
      const source = await openExportSource(location, passphrase);
      const manifest = await readManifest(source);
      if (manifest.schemaVersion > deps.migrations.length) throw importErrors.newer();
      const rows = Object.values(manifest.tables).reduce((sum, count) => sum + count, 0);
      job.setTotal(rows + manifest.attachments.length + 1);
      const stagingPath = join(workDir, 'staging.sqlite');
      const staging = await buildStaging(source, manifest, { path: stagingPath, key: deps.key ?? null, migrations: deps.migrations, afterRows: (count) => job.step(count) });
      try {
        await checkPhotos(source, manifest, staging, job.step);
        staging.matchTo(deps.db);
      } finally {
        staging.close();
      }
      const plans = planImport(deps.db, stagingPath);
      const importId = randomUUID();
      // The file, if it was waiting for its passphrase, now belongs to the checked export.
      locked = null;
      pending = { importId, workDir, stagingPath, source, manifest, ownedFile: ownsLocation ? location : null };
      job.finish();
      return { outcome: 'ready', preview: previewOf(importId, manifest, plans, holdsNoRows(deps.db)) };
    } catch (error) {
      await rm(workDir, { recursive: true, force: true });
      // A protected zip is kept while the user types its passphrase, and while they try again after a wrong one.
      if (error instanceof ExportNeedsPassphrase) {
        locked = { sourceId: randomUUID(), location, ownsLocation };
        return { outcome: 'needsPassphrase', sourceId: locked.sourceId };
      }
      if (error instanceof AppError && error.field === 'passphrase' && locked?.location === location) throw error;
      dropLocked();
      if (ownsLocation) await rm(location, { force: true });
      if (error instanceof ImportCanceled) return { outcome: 'canceled' };
      throw error;
    } finally {
      running = null;
    }
  }

  async function run(jobId: string, importId: string): Promise<VaultImportResult> {
    if (!pending || pending.importId !== importId) throw new AppError('NOT_FOUND', 'That export is no longer ready to import. Choose it again.');
    const job = begin(jobId);
    const { stagingPath, source, manifest } = pending;
    const written: string[] = [];
    try {
      // The vault may have changed since the preview: match again, then copy the photos of the cards that will be added.
      const staging = openStagingVault(stagingPath, deps.key ?? null);
      let photos: string[];
      try {
        staging.matchTo(deps.db);
        const missing = new Set(manifest.missingAttachments);
        photos = staging.newCardPhotos(deps.db).filter((fileName) => !missing.has(fileName));
      } finally {
        staging.close();
      }
      job.setTotal(photos.length + 1);
      for (const fileName of photos) {
        const bytes = await source.bytes(`${ATTACHMENTS_FOLDER}/${fileName}`);
        // Written before the rows that name them, as a new card's photo is; removed again if the import does not happen.
        if (!existsSync(deps.attachments.pathOf(fileName))) {
          deps.attachments.writeDurably(fileName, bytes);
          written.push(fileName);
        }
        await job.step(1);
      }
      let added: Record<string, number>;
      try {
        added = applyImport(deps.db, stagingPath);
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError('CONFLICT', 'The export could not be added to this vault, so nothing was imported. Nothing was changed.');
      }
      job.finish();
      forget();
      const kinds = IMPORT_KINDS.map((kind) => ({ kind, added: Object.entries(added).filter(([table]) => (KIND_OF_TABLE[table] ?? 'other') === kind).reduce((sum, [, count]) => sum + count, 0) })).filter((kind) => kind.added > 0);
      return { outcome: 'imported', added: kinds.reduce((sum, kind) => sum + kind.added, 0), kinds };
    } catch (error) {
      for (const fileName of written) deps.attachments.remove(fileName);
      if (error instanceof ImportCanceled) return { outcome: 'canceled' };
      throw error;
    } finally {
      running = null;
    }
  }

  return {
    /** Reads and checks the export at `location` (a folder or a .zip); `ownsLocation` removes it once done with (an upload). */
    inspect,

    /** Desktop: asks for the export, then inspects it. */
    async pick(jobId: string, kind: 'folder' | 'zip'): Promise<VaultImportInspected> {
      if (!deps.pickSource) throw new AppError('VAULT_UNAVAILABLE', 'Only the desktop app can open a folder. Here, choose the export’s .zip file instead.');
      if (running) throw new AppError('CONFLICT', 'An import is already running. Wait for it to finish or cancel it first.');
      const location = await deps.pickSource(kind);
      return location ? inspect(jobId, location) : { outcome: 'canceled' };
    },

    run,

    /** Reads the protected .zip that asked for a passphrase, with it; a wrong one is refused and the zip kept for another try. */
    async unlock(jobId: string, sourceId: string, passphrase: string): Promise<VaultImportInspected> {
      if (!locked || locked.sourceId !== sourceId) throw new AppError('NOT_FOUND', 'That export is no longer waiting for its passphrase. Choose it again.');
      return inspect(jobId, locked.location, locked.ownsLocation, passphrase);
    },

    cancel(jobId: string): boolean {
      if (running?.jobId !== jobId) return false;
      running.controller.abort();
      return true;
    },

    /** Forgets a checked export, or a protected one still waiting for its passphrase (by its sourceId). */
    discard(importId: string): boolean {
      if (running) return false;
      if (locked?.sourceId === importId) {
        dropLocked();
        return true;
      }
      if (pending?.importId !== importId) return false;
      forget();
      return true;
    },

    /** A place for an upload to wait in until it is inspected (then removed). */
    uploadPath: () => join(dirname(deps.vaultPath), `${WORK_PREFIX}upload-${randomBytes(6).toString('hex')}.zip`),

    /** What an earlier run left behind when the app stopped in the middle. */
    removeLeftovers(): void {
      const folder = dirname(deps.vaultPath);
      for (const name of existsSync(folder) ? readdirSync(folder) : []) {
        const inUse = [pending?.workDir, pending?.ownedFile, locked?.ownsLocation ? locked.location : null].map((path) => (path ? basename(path) : ''));
        if (name.startsWith(WORK_PREFIX) && !inUse.includes(name)) rmSync(join(folder, name), { recursive: true, force: true });
      }
    },

    isRunning: () => running !== null,
  };
}
export type VaultImports = ReturnType<typeof createVaultImports>;

async function readManifest(source: ExportSource): Promise<Manifest> {
  let raw: unknown;
  try {
    raw = JSON.parse((await source.bytes(MANIFEST_PATH)).toString('utf8'));
  } catch {
    throw importErrors.damaged('its manifest.json cannot be read');
  }
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== EXPORT_FORMAT) throw importErrors.foreign();
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > EXPORT_FORMAT_VERSION) throw importErrors.newer();
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw importErrors.damaged('its manifest.json is incomplete');
  return parsed.data;
}

/** Every photo the manifest lists is there, byte for byte, and every card's photo is listed (or known to have been missing). */
async function checkPhotos(source: ExportSource, manifest: Manifest, staging: StagedVault, step: (steps: number) => Promise<void>): Promise<void> {
  const listed = new Set<string>();
  for (const file of manifest.attachments) {
    const name = file.path.slice(ATTACHMENTS_FOLDER.length + 1);
    if (!file.path.startsWith(`${ATTACHMENTS_FOLDER}/`) || !PHOTO_NAME.test(name)) throw importErrors.damaged(`it names a photo “${file.path.slice(0, 60)}” Afterview did not write`);
    if (!source.has(file.path)) throw importErrors.damaged(`the photo ${name} is missing`);
    const bytes = await source.bytes(file.path);
    if (bytes.length !== file.bytes || createHash('sha256').update(bytes).digest('hex') !== file.sha256) throw importErrors.damaged(`the photo ${name} is not what its manifest says`);
    listed.add(name);
    await step(1);
  }
  const missing = new Set(manifest.missingAttachments);
  for (const fileName of staging.cardFileNames()) {
    if (!listed.has(fileName) && !missing.has(fileName)) throw importErrors.damaged(`the photo ${fileName.slice(0, 60)} is missing`);
  }
}

function previewOf(importId: string, manifest: Manifest, plans: TablePlan[], vaultWasEmpty: boolean): VaultImportPreview {
  const kinds = IMPORT_KINDS.map((kind) => {
    const of = plans.filter((plan) => (KIND_OF_TABLE[plan.table] ?? 'other') === kind);
    const sum = (field: 'inExport' | 'added' | 'same' | 'kept') => of.reduce((total, plan) => total + plan[field], 0);
    return { kind, inExport: sum('inExport'), added: sum('added'), same: sum('same'), kept: sum('kept') };
  }).filter((kind) => kind.inExport > 0);
  return { importId, exportedAt: manifest.exportedAt, appVersion: manifest.appVersion, vaultWasEmpty, kinds, toAdd: kinds.reduce((sum, kind) => sum + kind.added, 0) };
}
