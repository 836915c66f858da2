import { useEffect, type ReactNode } from 'react';
import { flushAll } from '#renderer/editor/flush-registry';
import { Alert } from '#renderer/ui/Alert';
import { useLockStatus } from './lock-state';
import { NewPassphraseScreen } from './NewPassphraseScreen';
import { UnlockScreen } from './UnlockScreen';

/**
 * Shows the app only while the vault is open. At start a passphrase vault
 * shows the unlock screen first; the app mounts once it opens. When the
 * vault locks later, the app stays mounted but hidden behind the unlock
 * screen (open editors save what they hold first), so unlocking brings back
 * the same screen, with nothing typed lost. After the recovery key opened
 * it, a new passphrase is chosen before the app shows.
 */
export function VaultGate({ children }: { children: ReactNode }) {
  const { status, error, everOpen } = useLockStatus();
  const locked = status?.state === 'locked';
  const choosing = status?.state === 'open' && status.needsNewPassphrase;

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
      {choosing && <NewPassphraseScreen />}
      {everOpen && (
        <div hidden={locked || choosing} className="vault-gate-app">
          {children}
        </div>
      )}
    </>
  );
}
