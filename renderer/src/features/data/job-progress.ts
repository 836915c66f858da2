import type { Dispatch, SetStateAction } from 'react';
import { onEvent } from '#renderer/api';

/** A long job the renderer started: its id, whether the user cancelled it, how to stop its request and its progress events. */
export interface JobRun {
  jobId: string;
  canceled: boolean;
  abort: AbortController;
  stopListening: () => void;
}

/**
 * Follows a long job's progress events ('exports.progress', 'imports.progress')
 * into a running state's percent, which never goes back (events may arrive
 * out of order over the preview's stream). Answers the unsubscribe.
 */
export function followProgress<S extends { phase: string }>(
  event: 'exports.progress' | 'imports.progress',
  jobId: string,
  setState: Dispatch<SetStateAction<S>>,
  running: (state: S) => state is S & { percent: number },
): () => void {
  return onEvent(event, (progress) => {
    if (progress.jobId !== jobId || progress.total === 0) return;
    const percent = Math.min(100, Math.floor((progress.done / progress.total) * 100));
    setState((current) => (running(current) && percent > current.percent ? { ...current, percent } : current));
  });
}
