import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RewriteProgress } from '#shared/domain/encryption';
import type { ProtectionChange, StageChange } from './change-protection';

/** What the thread is given: the change, with its keys as bytes of their own (see toThread). */
export interface RewriteJob {
  change: Omit<ProtectionChange, 'from' | 'to'>;
  from: Uint8Array | null;
  to: Uint8Array | null;
}

export type RewriteMessage = { kind: 'progress'; progress: RewriteProgress } | { kind: 'done' } | { kind: 'failed'; message: string };

/** Where the thread's code is, and how Node loads it. */
export interface RewriteWorkerScript {
  file: string;
  execArgv?: string[];
}

/**
 * From the sources (the tests, the browser preview, the bench, all under tsx
 * or Vitest): the TypeScript file, loaded through tsx. The desktop app's
 * bundle passes its own built file instead (electron/main/index.ts).
 */
export function sourceRewriteWorker(): RewriteWorkerScript {
  return { file: join(dirname(fileURLToPath(import.meta.url)), 'rewrite-worker.ts'), execArgv: ['--import', 'tsx'] };
}

/**
 * A key copied into bytes of its own: a Buffer may be a view of Node's shared
 * pool, and handing it to a thread would copy the whole pool with it.
 */
function toThread(key: Buffer | null): Uint8Array | null {
  return key ? new Uint8Array(key) : null;
}

/**
 * Stages a change of protection in a thread of its own. Resolves when the
 * staged files are written and checked; rejects with the thread's reason
 * otherwise. Either way only once the thread has ended, so nothing is still
 * writing the staged files when the caller commits or removes them.
 */
export function stageInThread(onProgress: (progress: RewriteProgress) => void, script: RewriteWorkerScript = sourceRewriteWorker()): StageChange {
  return (change) =>
    new Promise<void>((resolve, reject) => {
      const { from, to, ...rest } = change;
      const job: RewriteJob = { change: rest, from: toThread(from), to: toThread(to) };
      let outcome: { ok: true } | { ok: false; error: Error } = { ok: false, error: new Error('the rewrite stopped before it finished') };
      const worker = new Worker(script.file, { workerData: job, execArgv: script.execArgv ?? [] });
      job.from?.fill(0);
      job.to?.fill(0);
      worker.on('message', (message: RewriteMessage) => {
        if (message.kind === 'progress') onProgress(message.progress);
        else if (message.kind === 'done') outcome = { ok: true };
        else outcome = { ok: false, error: new Error(message.message) };
      });
      worker.on('error', (error) => (outcome = { ok: false, error }));
      worker.on('exit', () => (outcome.ok ? resolve() : reject(outcome.error)));
    });
}
