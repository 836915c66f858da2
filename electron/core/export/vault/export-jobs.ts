import { exportFolderName, type ExportProgress, type VaultExportResult, type VaultZipResult, type ZipProtection } from '#shared/domain/data-export';
import { AppError } from '#core/errors';
import { checkNewPassphrase } from '#core/keys/passphrase';
import type { VaultKey } from '#core/vault/cipher';
import type { Db } from '#core/vault/connection';
import { FolderSink } from './folder-sink';
import type { ExportSink } from './sink';
import { exportVault, ExportCanceled } from './vault-export';
import { ZipFile } from './zip-file';
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
  /** Asks the user where to save the .zip (a save dialog, suggesting `fileName`); null when they close it. Only the desktop app has one. */
  pickZipFile?: (fileName: string) => Promise<string | null>;
  /** Whether this is the passphrase the vault's key is kept with (the session checks it; it is never stored). */
  isVaultPassphrase?: (passphrase: string) => Promise<boolean>;
}

const NOT_VAULT_PASSPHRASE = 'That is not the passphrase that opens your vault. Check Caps Lock and the keyboard layout, or choose another passphrase for this export. Nothing was exported.';

/**
 * Whole-vault exports as jobs: one at a time, each named by the renderer so it
 * can follow the progress and cancel it while the call is still running.
 */
export function createVaultExports(deps: VaultExportDeps) {
  let running: { jobId: string; controller: AbortController } | null = null;

  /**
   * The passphrase a zip is protected with, checked before anything is
   * written: the vault's own must open the vault; a new one must be long
   * enough to resist guessing. Null for an unprotected zip.
   */
  async function passphraseFor(protection: ZipProtection): Promise<string | null> {
    if (protection.kind === 'none') return null;
    if (protection.kind === 'newPassphrase') {
      checkNewPassphrase(protection.passphrase);
      return protection.passphrase;
    }
    if (!(await deps.isVaultPassphrase?.(protection.passphrase))) throw new AppError('INVALID_INPUT', NOT_VAULT_PASSPHRASE, 'passphrase');
    return protection.passphrase;
  }

  async function run(jobId: string, sink: ExportSink, neutralNames = false): Promise<{ location: string; files: number } | null> {
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
        neutralNames,
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

    /** Desktop: asks where to save the .zip, then writes it there, encrypted when `protection` says so. */
    async toZipFile(jobId: string, protection: ZipProtection): Promise<VaultZipResult> {
      if (!deps.pickZipFile) {
        throw new AppError('VAULT_UNAVAILABLE', 'Only the desktop app can save a file itself. Here, the export downloads as a .zip file instead.');
      }
      if (running) throw new AppError('CONFLICT', 'An export is already running. Wait for it to finish or cancel it first.');
      // A wrong passphrase is said before the dialog opens, so the user does not pick a place for nothing.
      const passphrase = await passphraseFor(protection);
      const target = await deps.pickZipFile(`${exportFolderName(deps.now())}.zip`);
      if (!target) return { outcome: 'canceled' };
      const file = new ZipFile(target);
      const result = await run(jobId, new ZipSink(exportFolderName(deps.now()), file, passphrase), passphrase !== null).catch(async (error: unknown) => {
        await file.discard();
        throw error;
      });
      if (!result) {
        await file.discard();
        return { outcome: 'canceled' };
      }
      return { outcome: 'saved', file: await file.finish(), files: result.files, protected: passphrase !== null };
    },

    /** Preview: the same export streamed as a .zip, encrypted when a passphrase is given (see passphraseFor); false when it was cancelled. */
    async toZip(jobId: string, output: ZipOutput, passphrase: string | null = null): Promise<boolean> {
      return (await run(jobId, new ZipSink(exportFolderName(deps.now()), output, passphrase), passphrase !== null)) !== null;
    },

    passphraseFor,

    cancel(jobId: string): boolean {
      if (running?.jobId !== jobId) return false;
      running.controller.abort();
      return true;
    },

    isRunning: () => running !== null,
  };
}
export type VaultExports = ReturnType<typeof createVaultExports>;
