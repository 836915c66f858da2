import { useCallback, useEffect, useRef, useState } from 'react';
import { call, downloadVaultZip, vaultExportTarget } from '#renderer/api';
import type { VaultExportChoice } from './VaultExportDialog';
import { useToast } from '#renderer/ui/toast';
import { downloadBlob } from '../letters/download';
import { followProgress, type JobRun } from './job-progress';
import { messageOf } from '#renderer/ui/message-of';

export type VaultExportState =
  | { phase: 'idle' }
  | { phase: 'running'; percent: number; canceling: boolean }
  | { phase: 'saved'; message: string }
  | { phase: 'canceled' }
  | { phase: 'failed'; message: string };


/**
 * Runs a whole-vault export as the user chose it (VaultExportDialog): into a
 * folder or a .zip file the user picks (desktop), or as a zip download
 * (browser preview), protected or not, following its progress events, with Cancel.
 */
export function useVaultExport() {
  const [state, setState] = useState<VaultExportState>({ phase: 'idle' });
  const running = useRef<JobRun | null>(null);
  const mounted = useRef(true);
  const toast = useToast();

  const finish = useCallback(
    (next: VaultExportState) => {
      running.current?.stopListening();
      running.current = null;
      setState(next);
      // The user went to another screen meanwhile: the export carried on, and its end is told where they are.
      if (!mounted.current && next.phase === 'saved') toast.show(`Export finished. ${next.message}`);
      if (!mounted.current && next.phase === 'failed') toast.show(`The export stopped: ${next.message}`, { tone: 'error' });
    },
    [toast],
  );

  const start = useCallback(async (choice: VaultExportChoice) => {
    if (running.current) return;
    const jobId = crypto.randomUUID();
    const job: JobRun = { jobId, canceled: false, abort: new AbortController(), stopListening: () => undefined };
    running.current = job;
    setState({ phase: 'running', percent: 0, canceling: false });
    job.stopListening = followProgress('exports.progress', jobId, setState, (current) => current.phase === 'running');
    try {
      const protectedZip = choice.protection.kind !== 'none';
      if (vaultExportTarget() === 'zip') {
        const zip = await downloadVaultZip(jobId, choice.protection, job.abort.signal);
        void downloadBlob(`Afterview export ${new Date().toISOString().slice(0, 10)}.zip`, zip);
        finish({ phase: 'saved', message: protectedZip ? 'The export is downloading as a .zip file protected with your passphrase.' : 'The export is downloading as a .zip file.' });
        return;
      }
      if (choice.target === 'zip') {
        const saved = await call('exports.vaultToZip', { jobId, protection: choice.protection });
        if (saved.outcome === 'saved') finish({ phase: 'saved', message: `Saved ${saved.files.toLocaleString()} files in ${saved.file}${saved.protected ? ', protected with your passphrase' : ''}.` });
        else finish(job.canceled ? { phase: 'canceled' } : { phase: 'idle' });
        return;
      }
      const result = await call('exports.vaultToFolder', { jobId });
      if (result.outcome === 'saved') finish({ phase: 'saved', message: `Saved ${result.files.toLocaleString()} files in ${result.folder}` });
      // Closing the folder dialog is not worth a message; pressing Cancel is.
      else finish(job.canceled ? { phase: 'canceled' } : { phase: 'idle' });
    } catch (error) {
      finish(job.canceled ? { phase: 'canceled' } : { phase: 'failed', message: messageOf(error) });
    }
  }, [finish]);

  const cancel = useCallback(async () => {
    const job = running.current;
    if (!job || job.canceled) return;
    job.canceled = true;
    setState((current) => (current.phase === 'running' ? { ...current, canceling: true } : current));
    try {
      await call('exports.vaultCancel', { jobId: job.jobId });
    } finally {
      job.abort.abort();
    }
  }, []);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  return { state, start, cancel };
}
