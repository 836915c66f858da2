import { useState, type FormEvent } from 'react';
import { call } from '#renderer/api';
import { TextField } from '#renderer/ui/TextField';
import { setLockStatus } from './lock-state';
import './lock.css';
import { messageOf } from '#renderer/ui/message-of';

/** The passphrase (or the recovery key) that opens an encrypted vault. A wrong one is refused plainly and changes nothing. */
export function UnlockScreen() {
  const [kind, setKind] = useState<'passphrase' | 'recovery'>('passphrase');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!secret) {
      setError(kind === 'passphrase' ? 'Type your passphrase.' : 'Type your recovery key.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setLockStatus(await call('vault.unlock', { secret, kind }));
      setSecret('');
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="unlock-screen">
      <form className="panel unlock-panel" onSubmit={(event) => void submit(event)} aria-labelledby="unlock-title">
        <img src="./logo.svg" alt="" width="40" height="40" />
        <h1 id="unlock-title">Your vault is locked</h1>
        <p className="muted">
          {kind === 'passphrase' ? 'Type your passphrase to open it. Reminders keep coming while it is locked, without saying what they are about.' : 'Type the recovery key you kept when you set your passphrase. Dashes and capitals do not matter.'}
        </p>
        <TextField
          key={kind}
          // The one thing to do on this screen: the field is ready to type in.
          autoFocus
          label={kind === 'passphrase' ? 'Passphrase' : 'Recovery key'}
          type={kind === 'passphrase' ? 'password' : 'text'}
          autoComplete="off"
          spellCheck={false}
          value={secret}
          error={error ?? undefined}
          onChange={(event) => setSecret(event.target.value)}
        />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
          <button
            type="button"
            className="button quiet"
            onClick={() => {
              setKind(kind === 'passphrase' ? 'recovery' : 'passphrase');
              setSecret('');
              setError(null);
            }}
          >
            {kind === 'passphrase' ? 'Forgot it? Use your recovery key' : 'Use your passphrase'}
          </button>
        </div>
      </form>
    </main>
  );
}
