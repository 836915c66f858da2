import type { RewriteProgress } from '#shared/domain/encryption';

/** Progress is sent to the page at most this often (a vault with many photos moves on thousands of times). */
const PROGRESS_EVERY_MS = 100;

/**
 * How far the change of protection under way is, for the session's status,
 * and sent on to the page: each new step at once, within a step at most
 * every PROGRESS_EVERY_MS.
 */
export function createRewriteProgress(send: (at: RewriteProgress) => void) {
  let current: RewriteProgress | null = null;
  let sentAt = 0;
  return {
    /** Null when no change runs. */
    current: () => current,
    report(at: RewriteProgress): void {
      const stepChanged = current?.step !== at.step;
      current = at;
      const now = performance.now();
      if (!stepChanged && now - sentAt < PROGRESS_EVERY_MS) return;
      sentAt = now;
      send(at);
    },
    end(): void {
      current = null;
    },
  };
}
