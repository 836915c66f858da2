import { useState, type FormEvent } from 'react';
import { IDLE_CHOICES, type LockPolicy, type VaultLockStatus } from '#shared/domain/encryption';
import { call } from '#renderer/api';
import { Alert } from '#renderer/ui/Alert';
import { CheckboxField } from '#renderer/ui/Field';
import { Section } from '#renderer/ui/Section';
import { SelectField } from '#renderer/ui/SelectField';
import { TextField } from '#renderer/ui/TextField';
import { refreshLockStatus, setLockStatus, useLockStatus } from '../lock/lock-state';
import '../lock/lock.css';
import { NEW_PASSPHRASE_HINT, newPassphraseProblems } from '../lock/new-passphrase';
import { messageOf } from '#renderer/ui/message-of';
import { RewriteProgress } from './RewriteProgress';

type Form = 'none' | 'passphrase' | 'change' | 'off';

const IDLE_LABELS: Record<string, string> = { null: 'Never', 5: 'After 5 minutes', 15: 'After 15 minutes', 30: 'After 30 minutes', 60: 'After 1 hour', 240: 'After 4 hours' };

const DESCRIPTION: Record<VaultLockStatus['protection'], string> = {
  none: 'Your vault, its backups and your card photos are plain files: anyone who can read this computer’s disk can read them.',
  keychain: 'Your vault, its backups and your card photos are encrypted. The key is kept in this computer’s keychain, so Afterview opens by itself for you, and only for you.',
  passphrase: 'Your vault, its backups and your card photos are encrypted with your passphrase. Afterview asks for it when it starts and after it locks.',
};

/** Turning encryption on or off, changing the passphrase, and when the vault locks. Each change rewrites the vault safely, after a backup. */
export function EncryptionSection() {
  const { status } = useLockStatus();
  const [form, setForm] = useState<Form>('none');
  const [fields, setFields] = useState({ current: '', next: '', again: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!status) return null;

  const close = () => {
    setForm('none');
    setFields({ current: '', next: '', again: '' });
    setErrors({});
  };

  async function run(work: () => Promise<{ recoveryKey: string | null }>, success: string) {
    setBusy(true);
    setErrors({});
    setDone(null);
    try {
      const { recoveryKey: made } = await work();
      close();
      setRecoveryKey(made);
      setDone(success);
      await refreshLockStatus();
    } catch (error) {
      const field = (error as { field?: string }).field;
      setErrors({ [field === 'passphrase' ? 'next' : field && ['current', 'next'].includes(field) ? field : 'form']: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  function checkNew(): boolean {
    const problems = newPassphraseProblems(fields.next, fields.again);
    setErrors(problems as Record<string, string>);
    return Object.keys(problems).length === 0;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (form === 'passphrase' && checkNew()) void run(() => call('encryption.turnOn', { method: 'passphrase', passphrase: fields.next }), 'Your vault is encrypted with your passphrase.');
    if (form === 'change' && checkNew()) void run(() => call('encryption.changePassphrase', { current: fields.current, next: fields.next }), 'Your passphrase is changed.');
    if (form === 'off') void run(() => call('encryption.turnOff', { current: status!.protection === 'passphrase' ? fields.current : undefined }), 'Your vault is no longer encrypted.');
  }

  async function setPolicy(policy: LockPolicy) {
    try {
      setLockStatus(await call('vault.setLockPolicy', policy));
    } catch (error) {
      setErrors({ form: messageOf(error) });
    }
  }

  const set = (name: keyof typeof fields) => (event: { target: { value: string } }) => setFields((current) => ({ ...current, [name]: event.target.value }));
  const rewriting = <p className="field-hint">Afterview makes a backup first, then writes your vault, photos and backups again. It can take a minute for a large vault.</p>;

  return (
    <Section title="Encryption">
      <p>{DESCRIPTION[status.protection]}</p>
      {done && <Alert tone="success">{done}</Alert>}
      {recoveryKey && (
        <div className="panel" role="group" aria-label="Your recovery key">
          <p>
            <strong>Your recovery key.</strong> If you forget your passphrase, this opens your vault. Write it down or print it, and keep it somewhere safe, away from this computer. It is shown only now.
          </p>
          <p className="recovery-key" data-testid="recovery-key">
            {recoveryKey}
          </p>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => window.print()}>
              Print
            </button>
            <button type="button" className="button primary" onClick={() => setRecoveryKey(null)}>
              I have kept it
            </button>
          </div>
        </div>
      )}
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      {(busy || status.rewrite) && <RewriteProgress initial={status.rewrite} />}

      {form === 'none' && (
        <div className="form-actions">
          {status.protection === 'none' && (
            <>
              <button type="button" className="button primary" onClick={() => setForm('passphrase')}>
                Encrypt with a passphrase…
              </button>
              <button
                type="button"
                className="button"
                disabled={busy || !status.keychain.available}
                onClick={() => void run(() => call('encryption.turnOn', { method: 'keychain' }), 'Your vault is encrypted; its key is in this computer’s keychain.')}
              >
                {busy ? 'Encrypting…' : 'Encrypt with this computer’s keychain'}
              </button>
            </>
          )}
          {status.protection === 'passphrase' && (
            <>
              <button type="button" className="button" onClick={() => setForm('change')}>
                Change passphrase…
              </button>
              <button type="button" className="button" onClick={() => void call('vault.lock').then(setLockStatus)}>
                Lock now
              </button>
            </>
          )}
          {status.protection !== 'none' && (
            <button type="button" className="button quiet danger-text" onClick={() => setForm('off')}>
              Turn off encryption…
            </button>
          )}
        </div>
      )}
      {form === 'none' && status.protection === 'none' && !status.keychain.available && status.keychain.reason && <p className="field-hint">{status.keychain.reason}</p>}

      {form !== 'none' && (
        <form className="settings-group" onSubmit={submit} aria-label={form === 'off' ? 'Turn off encryption' : form === 'change' ? 'Change passphrase' : 'Encrypt with a passphrase'}>
          {form === 'off' && <p>Your vault, backups and photos will be written again as plain files that anyone with the disk can read.</p>}
          {form === 'passphrase' && <p>There is no way into your vault without this passphrase, or the recovery key you will be shown next.</p>}
          {(form === 'change' || (form === 'off' && status.protection === 'passphrase')) && (
            <TextField label="Current passphrase" type="password" autoComplete="current-password" value={fields.current} error={errors.current} onChange={set('current')} />
          )}
          {(form === 'passphrase' || form === 'change') && (
            <>
              <TextField label="New passphrase" type="password" autoComplete="new-password" hint={NEW_PASSPHRASE_HINT} value={fields.next} error={errors.next} onChange={set('next')} />
              <TextField label="New passphrase again" type="password" autoComplete="new-password" value={fields.again} error={errors.again} onChange={set('again')} />
            </>
          )}
          {rewriting}
          <div className="form-actions">
            <button type="submit" className={form === 'off' ? 'button danger' : 'button primary'} disabled={busy}>
              {busy ? 'Working…' : form === 'off' ? 'Turn off encryption' : form === 'change' ? 'Change passphrase' : 'Encrypt my vault'}
            </button>
            <button type="button" className="button" disabled={busy} onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      )}

      {status.protection === 'passphrase' && form === 'none' && (
        <div className="form-grid">
          <SelectField
            label="Lock when I have not used the computer"
            value={String(status.lock.idleMinutes)}
            onChange={(event) => void setPolicy({ ...status.lock, idleMinutes: event.target.value === 'null' ? null : Number(event.target.value) })}
          >
            {IDLE_CHOICES.map((minutes) => (
              <option key={String(minutes)} value={String(minutes)}>
                {IDLE_LABELS[String(minutes)]}
              </option>
            ))}
          </SelectField>
          <CheckboxField label="Lock when the computer sleeps or locks its screen" checked={status.lock.onSleep} onChange={(event) => void setPolicy({ ...status.lock, onSleep: event.target.checked })} />
        </div>
      )}
    </Section>
  );
}
