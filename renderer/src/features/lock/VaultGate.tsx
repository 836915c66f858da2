import { useEffect, type ReactNode } from 'react';
import { flushAll } from '#renderer/editor/flush-registry';
import { Alert } from '#renderer/ui/Alert';
import { useLockStatus } from './lock-state';
import { UnlockScreen } from './UnlockScreen';

/**
 * Shows the app only while the vault is open. At start a passphrase vault
 * shows the unlock screen first; the app mounts once it opens. When the
 * vault locks later, the app stays mounted but hidden behind the unlock
 * screen (open editors save what they hold first), so unlocking brings back
 * the same screen, with nothing typed lost.
 */
export function VaultGate({ children }: { children: ReactNode }) {
  const { status, error, everOpen } = useLockStatus();
  const locked = status?.state === 'locked';

  useEffect(() => {
    if (locked) void flushAll();
  }, [locked]);

  if (!status) {
    return error ? (
      <main className="unlock-screen">
        <Alert tone="error">Afterview could not reach your vault: {error}</Alert>
      </main>
    ) : (
      <p className="muted" role="status">
        Opening…
      </p>
    );
  }
  return (
    <>
      {locked && <UnlockScreen />}
      {everOpen && (
        <div hidden={locked} className="vault-gate-app">
          {children}
        </div>
      )}
    </>
  );
}
