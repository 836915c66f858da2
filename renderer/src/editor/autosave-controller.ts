import { messageOf } from '../ui/message-of';
/** What the save indicator shows. */
export type AutosaveStatus =
  | { kind: 'saved' }
  | { kind: 'saving' }
  /** The last attempt failed; the content is kept and another attempt is scheduled. */
  | { kind: 'error'; message: string };

export interface AutosaveOptions<T> {
  /** Makes `content` durable; resolves only once it is. */
  save(content: T): Promise<void>;
  onStatus?(status: AutosaveStatus): void;
  /** Quiet time after the last change before saving. */
  debounceMs?: number;
  /** First retry delay; doubles on each failure up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

interface Waiter {
  version: number;
  resolve(): void;
}

/**
 * Saves the latest content a moment after typing stops. One save at a time;
 * content that arrives meanwhile is saved right after it, and only the newest
 * version is ever sent. A failed save keeps its content and tries again later,
 * so nothing typed is dropped.
 */
export class AutosaveController<T> {
  private readonly options: Required<Omit<AutosaveOptions<T>, 'onStatus'>> & Pick<AutosaveOptions<T>, 'onStatus'>;
  /** Content not yet handed to save(), with its version. */
  private pending: { content: T; version: number } | undefined;
  private version = 0;
  private savedVersion = 0;
  private inFlight = false;
  /** A run was asked for while a save was in flight: start it when that one ends. */
  private runAfterInFlight = false;
  private failures = 0;
  private debounceTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private waiters: Waiter[] = [];
  private currentStatus: AutosaveStatus = { kind: 'saved' };

  constructor(options: AutosaveOptions<T>) {
    this.options = { debounceMs: 400, retryMs: 1000, maxRetryMs: 30_000, ...options };
  }

  get status(): AutosaveStatus {
    return this.currentStatus;
  }

  get hasUnsavedChanges(): boolean {
    return this.version > this.savedVersion;
  }

  /** Records new content; it is saved once typing pauses. */
  change(content: T): void {
    this.version += 1;
    this.pending = { content, version: this.version };
    // While failing, keep the error visible until a save succeeds; typing must not hide it.
    if (this.currentStatus.kind !== 'error') this.setStatus({ kind: 'saving' });
    // During a retry wait the retry timer will pick the new content up.
    if (this.retryTimer !== undefined) return;
    clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = undefined;
      this.run();
    }, this.options.debounceMs);
  }

  /** Saves now and resolves when everything changed so far is durable (waiting through retries). */
  flush(): Promise<void> {
    if (!this.hasUnsavedChanges) return Promise.resolve();
    const done = new Promise<void>((resolve) => this.waiters.push({ version: this.version, resolve }));
    this.clearTimers();
    this.run();
    return done;
  }

  private run(): void {
    if (this.inFlight) {
      this.runAfterInFlight = true;
      return;
    }
    const next = this.pending;
    if (!next) return;
    this.clearTimers();
    this.pending = undefined;
    this.inFlight = true;
    this.setStatus(this.currentStatus.kind === 'error' ? this.currentStatus : { kind: 'saving' });
    let saving: Promise<void>;
    try {
      saving = this.options.save(next.content);
    } catch (error) {
      saving = Promise.reject(error);
    }
    saving.then(
      () => this.succeeded(next.version),
      (error: unknown) => this.failed(next, error),
    );
  }

  private succeeded(version: number): void {
    this.inFlight = false;
    this.failures = 0;
    this.savedVersion = Math.max(this.savedVersion, version);
    this.resolveWaiters();
    const runNow = this.runAfterInFlight || this.waiters.length > 0 || this.debounceTimer === undefined;
    this.runAfterInFlight = false;
    if (this.pending && runNow) {
      this.run();
      return;
    }
    // Newer content may still be waiting for its debounce: not durable yet.
    this.setStatus(this.pending ? { kind: 'saving' } : { kind: 'saved' });
  }

  private failed(attempt: { content: T; version: number }, error: unknown): void {
    this.inFlight = false;
    this.runAfterInFlight = false;
    // Newer content replaces the failed attempt; otherwise the attempt goes back in line.
    this.pending ??= attempt;
    this.failures += 1;
    this.setStatus({ kind: 'error', message: messageOf(error) });
    this.clearTimers();
    const delay = Math.min(this.options.retryMs * 2 ** (this.failures - 1), this.options.maxRetryMs);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.run();
    }, delay);
  }

  private resolveWaiters(): void {
    const still: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (waiter.version <= this.savedVersion) waiter.resolve();
      else still.push(waiter);
    }
    this.waiters = still;
  }

  private clearTimers(): void {
    clearTimeout(this.debounceTimer);
    clearTimeout(this.retryTimer);
    this.debounceTimer = undefined;
    this.retryTimer = undefined;
  }

  private setStatus(status: AutosaveStatus): void {
    const same = status.kind === this.currentStatus.kind && (status.kind !== 'error' || (this.currentStatus.kind === 'error' && status.message === this.currentStatus.message));
    this.currentStatus = status;
    if (!same) this.options.onStatus?.(status);
  }
}
