/**
 * The thread a change of protection writes the vault again in (started by
 * rewrite-thread.ts): the same core code as ever, stageProtectionChange, off
 * the main thread, so the window, IPC and reminders go on meanwhile. It
 * tells how far it is, then that it is done or why it failed, and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { stageProtectionChange } from './change-protection';
import type { RewriteJob, RewriteMessage } from './rewrite-thread';

const job = workerData as RewriteJob;
const post = (message: RewriteMessage) => parentPort!.postMessage(message);
const from = job.from ? Buffer.from(job.from) : null;
const to = job.to ? Buffer.from(job.to) : null;
try {
  stageProtectionChange({ ...job.change, from, to }, (progress) => post({ kind: 'progress', progress }));
  post({ kind: 'done' });
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
} finally {
  for (const key of [from, to, job.from, job.to]) key?.fill(0);
}
