import { Worker } from 'node:worker_threads';

/**
 * The thread's own code, as a script rather than a module file: it then runs
 * the same under tsx, the tests and the bundled app, with no build step of its
 * own. It only creates folders and writes files below `root`, in the order the
 * messages come, and answers each message once it is on disk (null) or with
 * the first error, after which it writes nothing more. 'stop' closes what is
 * still open (a file left open could not be removed on Windows) and ends it.
 */
const WRITER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { closeSync, mkdirSync, openSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const folders = new Set();
const open = new Map();
let failure = null;
function target(path) {
  const file = join(workerData.root, path);
  const folder = dirname(file);
  if (!folders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    folders.add(folder);
  }
  return file;
}
parentPort.on('message', (message) => {
  if (message.kind === 'stop') {
    for (const fd of open.values()) {
      try { closeSync(fd); } catch {}
    }
    open.clear();
    parentPort.close();
    return;
  }
  if (failure === null) {
    try {
      if (message.kind === 'files') {
        const bytes = new Uint8Array(message.bytes);
        for (let index = 0, start = 0; index < message.paths.length; index++) {
          writeFileSync(target(message.paths[index]), bytes.subarray(start, message.ends[index]));
          start = message.ends[index];
        }
      } else if (message.kind === 'open') {
        open.set(message.path, openSync(target(message.path), 'w'));
      } else if (message.kind === 'append') {
        writeFileSync(open.get(message.path), new Uint8Array(message.bytes));
      } else if (message.kind === 'close') {
        closeSync(open.get(message.path));
        open.delete(message.path);
      }
    } catch (error) {
      failure = { code: String((error && error.code) || ''), message: String((error && error.message) || error) };
    }
  }
  parentPort.postMessage(failure);
});
`;

/** Texts travel as UTF-8 in an ArrayBuffer handed over whole: copying strings into the thread cost more than writing them. */
export type WriterMessage =
  | { kind: 'files'; paths: string[]; ends: number[]; bytes: ArrayBuffer }
  | { kind: 'open'; path: string }
  | { kind: 'append'; path: string; bytes: ArrayBuffer }
  | { kind: 'close'; path: string };

/**
 * Texts as UTF-8 (and bytes as they are), one after another in a buffer of their own (never Node's
 * shared pool, so it can be handed over); `ends` says where each stops.
 */
export function utf8(texts: readonly (string | Uint8Array)[]): { bytes: ArrayBuffer; ends: number[] } {
  let size = 0;
  for (const text of texts) size += typeof text === 'string' ? Buffer.byteLength(text, 'utf8') : text.byteLength;
  const buffer = Buffer.allocUnsafeSlow(size);
  const ends: number[] = [];
  let at = 0;
  for (const text of texts) {
    if (typeof text === 'string') at += buffer.write(text, at, 'utf8');
    else {
      buffer.set(text, at);
      at += text.byteLength;
    }
    ends.push(at);
  }
  return { bytes: buffer.buffer as ArrayBuffer, ends };
}

/**
 * Writes files from a thread of its own. Creating a file is a slow system call
 * (a few hundred microseconds on a busy disk); made here, 150,000 of them cost
 * the app's event loop only the handing over, and run while the next page of
 * the vault is being read and converted.
 */
export class BackgroundWriter {
  private readonly worker: Worker;
  private inFlight = 0;
  private failure: Error | null = null;
  private waiters: (() => void)[] = [];
  private stopping = false;
  private readonly exited: Promise<void>;

  constructor(root: string) {
    this.worker = new Worker(WRITER_SOURCE, { eval: true, workerData: { root } });
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.on('message', (reply: { code: string; message: string } | null) => {
      this.inFlight -= 1;
      if (reply) this.fail(Object.assign(new Error(reply.message), { code: reply.code }));
      this.wake();
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', () => {
      if (!this.stopping) this.fail(new Error('The file writer stopped.'));
    });
  }

  /** Queues a message; the caller paces itself with `settle`. */
  send(message: WriterMessage): void {
    this.rethrow();
    this.worker.postMessage(message, 'bytes' in message ? [message.bytes] : []);
    this.inFlight += 1;
  }

  /** Waits until at most `pending` messages are still being written; throws the writer's first error. */
  async settle(pending: number): Promise<void> {
    while (this.inFlight > pending && this.failure === null && !this.stopping) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.rethrow();
  }

  /** Ends the thread once it has written what it was given, closing any file still open. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    this.worker.postMessage({ kind: 'stop' });
    await this.exited;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  private rethrow(): void {
    if (this.failure !== null) throw this.failure;
  }
}
