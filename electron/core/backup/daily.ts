import type { Backups } from './backups';

const DAY_MS = 24 * 3_600_000;
const CHECK_EVERY_MS = 3_600_000;

export interface DailyBackupOptions {
  backups: Backups;
  now(): Date;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  onError(error: unknown): void;
}

/**
 * Makes a daily backup when the newest daily one is a day old: checked at start and
 * hourly, so a laptop that sleeps through midnight still gets one.
 */
export function startDailyBackups(options: DailyBackupOptions): () => void {
  let running = false;
  const check = async () => {
    if (running) return;
    running = true;
    try {
      // Only daily backups count: one made by hand or before an update is kept in its own pool, not in the daily series.
      const newest = options.backups.names().find((backup) => backup.reason === 'daily');
      if (!newest || options.now().getTime() - Date.parse(newest.createdAt) >= DAY_MS) await options.backups.create('daily', options.now());
    } catch (error) {
      options.onError(error);
    } finally {
      running = false;
    }
  };
  void check();
  const handle = options.setInterval(() => void check(), CHECK_EVERY_MS);
  return () => options.clearInterval(handle);
}
