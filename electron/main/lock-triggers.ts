import type { PowerMonitor } from 'electron';
import type { LockPolicy } from '#shared/domain/encryption';

type PowerMonitorPart = Pick<PowerMonitor, 'on' | 'off' | 'getSystemIdleTime'>;

export interface LockTriggerOptions {
  powerMonitor: PowerMonitorPart;
  /** The vault's lock policy now; null when it cannot lock (plain, or kept by the keychain). */
  policy(): LockPolicy | null;
  lock(): void;
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** How often the computer's idle time is looked at: a lock comes at most this late. */
export const IDLE_CHECK_MS = 30_000;

/**
 * What locks a passphrase vault in the desktop app: the computer locking its
 * screen or going to sleep (when the policy says so), and the computer left
 * untouched (keyboard, mouse) for the policy's idle time. Answers a stop.
 */
export function watchLockTriggers(options: LockTriggerOptions): () => void {
  const onSleep = () => {
    if (options.policy()?.onSleep) options.lock();
  };
  options.powerMonitor.on('lock-screen', onSleep);
  options.powerMonitor.on('suspend', onSleep);
  const timer = options.setInterval(() => {
    const minutes = options.policy()?.idleMinutes;
    if (minutes && options.powerMonitor.getSystemIdleTime() >= minutes * 60) options.lock();
  }, IDLE_CHECK_MS);
  return () => {
    options.powerMonitor.off('lock-screen', onSleep);
    options.powerMonitor.off('suspend', onSleep);
    options.clearInterval(timer);
  };
}
