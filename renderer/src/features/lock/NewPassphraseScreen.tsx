import { useState } from 'react';
import { call } from '#renderer/api';
import { Form } from '#renderer/ui/Form';
import { TextField } from '#renderer/ui/TextField';
import { useFormSubmit } from '#renderer/ui/useFormSubmit';
import { setLockStatus } from './lock-state';
import { NEW_PASSPHRASE_HINT, newPassphraseProblems } from './new-passphrase';
import './lock.css';

/**
 * After the recovery key opened the vault: the forgotten passphrase is
 * replaced before the app shows, so the user is never left with a vault
 * only the recovery key opens. There is no way past it but choosing one (or
 * locking the vault again); the recovery key keeps working afterwards.
 */
export function NewPassphraseScreen() {
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const { errors, busy, submit } = useFormSubmit(['next']);

  function save() {
    return submit(newPassphraseProblems(next, again), async () => {
      setLockStatus(await call('vault.setNewPassphrase', { next }));
    });
  }

  return (
    <main className="unlock-screen">
      <div className="panel unlock-panel">
        <img src="./logo.svg" alt="" width="40" height="40" />
        <Form
          title="Choose a new passphrase"
          level={2}
          className="unlock-form"
          error={errors.form}
          busy={busy}
          submitLabel="Save passphrase"
          busyLabel="Saving…"
          onSubmit={() => void save()}
          moreActions={
            <button type="button" className="button quiet" disabled={busy} onClick={() => void call('vault.lock').then(setLockStatus)}>
              Lock the vault instead
            </button>
          }
        >
          <p className="muted">Your recovery key opened your vault. Choose a passphrase you will remember to use from now on; your recovery key keeps working, so keep it where it is.</p>
          <TextField
            // The one thing to do on this screen: the field is ready to type in.
            autoFocus
            label="New passphrase"
            type="password"
            autoComplete="new-password"
            hint={NEW_PASSPHRASE_HINT}
            value={next}
            error={errors.next}
            onChange={(event) => setNext(event.target.value)}
          />
          <TextField label="New passphrase again" type="password" autoComplete="new-password" value={again} error={errors.again} onChange={(event) => setAgain(event.target.value)} />
        </Form>
      </div>
    </main>
  );
}
