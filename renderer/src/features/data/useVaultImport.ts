import { useCallback, useEffect, useRef, useState } from 'react';
import type { VaultImportInspected, VaultImportPreview } from '#shared/domain/vault-import';
import { ApiError, call, uploadVaultImport } from '#renderer/api';
import { messageOf } from '#renderer/ui/message-of';
import { followProgress, type JobRun } from './job-progress';

export type VaultImportState =
  | { phase: 'idle' }
  | { phase: 'reading' | 'importing'; percent: number; canceling: boolean }
  | { phase: 'ready'; preview: VaultImportPreview }
  /** A protected .zip waiting for its passphrase; `error` after a wrong one. */
  | { phase: 'locked'; sourceId: string; error?: string }
  | { phase: 'imported'; added: number; kinds: { kind: string; added: number }[] }
  | { phase: 'canceled'; what: 'reading' | 'importing' }
  | { phase: 'failed'; message: string };


const running = (state: VaultImportState): state is VaultImportState & { phase: 'reading' | 'importing'; percent: number; canceling: boolean } =>
  state.phase === 'reading' || state.phase === 'importing';

/**
 * Brings a whole-vault export back in: read and checked (from a folder or
 * .zip the desktop's dialog gives, or a .zip sent from the preview's file
 * input), previewed, then imported; both long steps follow their progress
 * events and can be cancelled.
 */
export function useVaultImport() {
  const [state, setState] = useState<VaultImportState>({ phase: 'idle' });
  const job = useRef<JobRun | null>(null);
  // The protected export being opened, while its passphrase is checked.
  const locked = useRef<string | null>(null);

  const track = useCallback((phase: 'reading' | 'importing') => {
    const jobId = crypto.randomUUID();
    const started: JobRun = { jobId, canceled: false, abort: new AbortController(), stopListening: () => undefined };
    job.current = started;
    setState({ phase, percent: 0, canceling: false });
    started.stopListening = followProgress('imports.progress', jobId, setState, running);
    return started;
  }, []);

  const end = useCallback((started: JobRun, next: VaultImportState) => {
    started.stopListening();
    if (job.current === started) job.current = null;
    setState(next);
  }, []);

  const read = useCallback(
    async (inspect: (jobId: string, signal: AbortSignal) => Promise<VaultImportInspected>) => {
      if (job.current) return;
      const started = track('reading');
      try {
        const inspected = await inspect(started.jobId, started.abort.signal);
        // Closing the dialog without choosing is not worth a message; pressing Cancel is.
        end(
          started,
          inspected.outcome === 'ready'
            ? { phase: 'ready', preview: inspected.preview }
            : inspected.outcome === 'needsPassphrase'
              ? { phase: 'locked', sourceId: inspected.sourceId }
              : started.canceled
                ? { phase: 'canceled', what: 'reading' }
                : { phase: 'idle' },
        );
      } catch (caught) {
        // A wrong passphrase: the export still waits for the right one.
        const wrongPassphrase = caught instanceof ApiError && caught.field === 'passphrase' && locked.current !== null;
        end(started, started.canceled ? { phase: 'canceled', what: 'reading' } : wrongPassphrase ? { phase: 'locked', sourceId: locked.current!, error: caught.message } : { phase: 'failed', message: messageOf(caught) });
      }
    },
    [end, track],
  );

  const unlock = useCallback(
    (passphrase: string) => {
      if (state.phase !== 'locked') return Promise.resolve();
      const { sourceId } = state;
      locked.current = sourceId;
      return read((jobId) => call('imports.unlock', { jobId, sourceId, passphrase })).finally(() => {
        locked.current = null;
      });
    },
    [read, state],
  );

  const confirm = useCallback(async () => {
    if (job.current || state.phase !== 'ready') return;
    const { importId } = state.preview;
    const started = track('importing');
    try {
      const result = await call('imports.run', { jobId: started.jobId, importId });
      end(started, result.outcome === 'imported' ? { phase: 'imported', added: result.added, kinds: result.kinds } : { phase: 'canceled', what: 'importing' });
    } catch (caught) {
      end(started, { phase: 'failed', message: messageOf(caught) });
    }
  }, [end, state, track]);

  const cancel = useCallback(async () => {
    const started = job.current;
    if (!started || started.canceled) return;
    started.canceled = true;
    setState((current) => (running(current) ? { ...current, canceling: true } : current));
    try {
      await call('imports.cancel', { jobId: started.jobId });
    } finally {
      // An upload still on its way is stopped too.
      started.abort.abort();
    }
  }, []);

  const discard = useCallback(async () => {
    if (state.phase !== 'ready' && state.phase !== 'locked') return;
    setState({ phase: 'idle' });
    await call('imports.discard', { importId: state.phase === 'ready' ? state.preview.importId : state.sourceId }).catch(() => undefined);
  }, [state]);

  // Leaving the page drops a preview nobody will confirm.
  const waiting = useRef<string | null>(null);
  const readyImport = state.phase === 'ready' ? state.preview.importId : state.phase === 'locked' ? state.sourceId : null;
  useEffect(() => {
    waiting.current = readyImport;
  }, [readyImport]);
  useEffect(
    () => () => {
      if (waiting.current) void call('imports.discard', { importId: waiting.current }).catch(() => undefined);
    },
    [],
  );

  return {
    state,
    pick: (source: 'folder' | 'zip') => read((jobId) => call('imports.pick', { jobId, source })),
    upload: (zip: Blob) => read((jobId, signal) => uploadVaultImport(jobId, zip, signal)),
    unlock,
    confirm,
    cancel,
    discard,
  };
}
