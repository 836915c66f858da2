import { exportFolderName, type ExportProgress, type VaultExportResult } from '#shared/domain/data-export';
import { AppError } from '#core/errors';
import type { VaultKey } from '#core/vault/cipher';
import type { Db } from '#core/vault/connection';
import { FolderSink } from './folder-sink';
import type { ExportSink } from './sink';
import { exportVault, ExportCanceled } from './vault-export';
import { ZipSink, type ZipOutput } from './zip-sink';

/** Progress events at most this often: smooth for a bar, cheap for the event path. */
const PROGRESS_EVERY_MS = 100;

export interface VaultExportDeps {
  db: Db;
  /** The vault's attachments folder: the card photos go into the export too. */
  attachmentsDir: string;
  /** The vault's key, to read an encrypted vault's photos. */
  key?: VaultKey | null;
  schemaVersion: number;
  appVersion: string;
  now: () => Date;
  /** Sends progress to the window (desktop) or the page (preview). */
  emitProgress?: (progress: ExportProgress) => void;
  /** Asks the user for a folder; null when they close the dialog. Only the desktop app has one. */
  pickFolder?: () => Promise<string | null>;
}

/**
 * Whole-vault exports as jobs: one at a time, each named by the renderer so it
 * can follow the progress and cancel it while the call is still running.
 */
export function createVaultExports(deps: VaultExportDeps) {
  let running: { jobId: string; controller: AbortController } | null = null;

  async function run(jobId: string, sink: ExportSink): Promise<{ location: string; files: number } | null> {
    if (running) throw new AppError('CONFLICT', 'An export is already running. Wait for it to finish or cancel it first.');
    const controller = new AbortController();
    running = { jobId, controller };
    let lastEmit = 0;
    let lastDone = -1;
    let lastTotal = 1;
    const emit = (done: number, total: number, force = false) => {
      lastTotal = total;
      const now = Date.now();
      if (done <= lastDone || (!force && now - lastEmit < PROGRESS_EVERY_MS)) return;
      lastEmit = now;
      lastDone = done;
      deps.emitProgress?.({ jobId, done, total });
    };
    try {
      const result = await exportVault(sink, {
        db: deps.db,
        attachmentsDir: deps.attachmentsDir,
        key: deps.key ?? null,
        schemaVersion: deps.schemaVersion,
        appVersion: deps.appVersion,
        now: deps.now(),
        signal: controller.signal,
        onProgress: (done, total) => emit(done, total, done === 0),
      });
      const location = await sink.finish();
      // 100% only once the export is really in place.
      deps.emitProgress?.({ jobId, done: lastTotal, total: lastTotal });
      return { location, files: result.files };
    } catch (error) {
      await sink.discard().catch(() => undefined);
      if (error instanceof ExportCanceled || controller.signal.aborted) return null;
      throw error;
    } finally {
      running = null;
    }
  }

  return {
    /** Desktop: asks for a folder, then writes "Afterview export YYYY-MM-DD" inside it. */
    async toFolder(jobId: string): Promise<VaultExportResult> {
      if (!deps.pickFolder) {
        throw new AppError('VAULT_UNAVAILABLE', 'Only the desktop app can save a folder. Here, the export downloads as a .zip file instead.');
      }
      if (running) throw new AppError('CONFLICT', 'An export is already running. Wait for it to finish or cancel it first.');
      const parent = await deps.pickFolder();
      if (!parent) return { outcome: 'canceled' };
      const result = await run(jobId, new FolderSink(parent, exportFolderName(deps.now())));
      return result ? { outcome: 'saved', folder: result.location, files: result.files } : { outcome: 'canceled' };
    },

    /** Preview: the same export streamed as a .zip; false when it was cancelled. */
    async toZip(jobId: string, output: ZipOutput): Promise<boolean> {
      return (await run(jobId, new ZipSink(exportFolderName(deps.now()), output))) !== null;
    },

    cancel(jobId: string): boolean {
      if (running?.jobId !== jobId) return false;
      running.controller.abort();
      return true;
    },

    isRunning: () => running !== null,
  };
}
export type VaultExports = ReturnType<typeof createVaultExports>;
