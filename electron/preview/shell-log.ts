import type { DueLine } from '#core/shell/port';

/** One call the browser preview's shell received: what the desktop would have handed to the system. */
export type ShellCall =
  | { kind: 'openExternal'; url: string }
  | { kind: 'notify'; title: string; body: string; reminderKey: string | null }
  | { kind: 'showDue'; count: number; items: DueLine[] }
  | { kind: 'print'; bytes: number };

export type LoggedCall<K extends ShellCall['kind'] = ShellCall['kind']> = Extract<ShellCall, { kind: K }> & { at: string };

/** A preview that runs for days keeps only this many calls. */
const KEPT_CALLS = 1_000;

/**
 * The preview shell's record of every call on the port, for the end-to-end
 * tests: they run the preview server in their own process and read it
 * directly, so the log needs no route of its own and never reaches a page.
 */
export class ShellLog {
  private entries: LoggedCall[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  record(call: ShellCall): void {
    this.entries.push({ ...call, at: this.now().toISOString() } as LoggedCall);
    if (this.entries.length > KEPT_CALLS) this.entries = this.entries.slice(-KEPT_CALLS);
    for (const wake of [...this.waiters]) wake();
  }

  /** Every call kept, oldest first; only those of one kind when asked. */
  calls(): LoggedCall[];
  calls<K extends ShellCall['kind']>(kind: K): LoggedCall<K>[];
  calls(kind?: ShellCall['kind']): LoggedCall[] {
    return this.entries.filter((entry) => kind === undefined || entry.kind === kind);
  }

  /** The first call of this kind that matches, recorded already or still to come; rejects after timeoutMs. */
  waitFor<K extends ShellCall['kind']>(kind: K, match: (call: LoggedCall<K>) => boolean = () => true, timeoutMs = 15_000): Promise<LoggedCall<K>> {
    const find = () => this.calls(kind).find(match);
    const found = find();
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const check = () => {
        const call = find();
        if (!call) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(call);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`No matching ${kind} call within ${timeoutMs} ms. Calls so far:\n${JSON.stringify(this.entries.slice(-20), null, 2)}`));
      }, timeoutMs);
      timer.unref?.();
      this.waiters.add(check);
    });
  }
}
