import type { CaptureVault, CapturedBatch, SyncedTouchpoint } from '#core/capture/imap/capture-vault';

/**
 * The capture's vault port in memory, as the vault will implement it: each
 * batch recorded whole, each Message-ID once. `failure` makes it refuse to
 * record; `onRecord` runs after each batch (to pause, cancel or cut mid-sync).
 */
export class MemoryCaptureVault implements CaptureVault {
  readonly batches: CapturedBatch[] = [];
  readonly logged = new Map<string, SyncedTouchpoint>();
  failure: Error | null = null;
  onRecord: (() => void) | null = null;

  constructor(private readonly addresses: readonly string[]) {}

  knownAddresses() {
    return this.addresses;
  }

  alreadyLogged(messageId: string) {
    return this.logged.has(messageId);
  }

  record(batch: CapturedBatch) {
    if (this.failure) throw this.failure;
    this.batches.push(batch);
    for (const touchpoint of batch.touchpoints) if (!this.logged.has(touchpoint.messageId)) this.logged.set(touchpoint.messageId, touchpoint);
    this.onRecord?.();
  }

  subjects(): string[] {
    return [...this.logged.values()].map((touchpoint) => touchpoint.subject).sort();
  }
}
