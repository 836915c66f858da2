import { useEffect, useRef, useState } from 'react';
import { mailboxAccountSchema, type InviteOffer, type MailboxStatus } from '#shared/domain/capture';
import { call, onEvent } from '#renderer/api';
import { Alert } from '#renderer/ui/Alert';
import { CheckboxField } from '#renderer/ui/Field';
import { messageOf } from '#renderer/ui/message-of';
import { formatDateTime } from '#renderer/ui/format';
import { Section } from '#renderer/ui/Section';
import { SelectField } from '#renderer/ui/SelectField';
import { TextField } from '#renderer/ui/TextField';
import { useToast } from '#renderer/ui/toast';
import { onCaptured, requestCapture } from '../capture/capture-requests';

const RUNNING: readonly MailboxStatus['state'][] = ['connecting', 'searching', 'reading'];

function threeMonthsAgo(): string {
  const day = new Date();
  day.setMonth(day.getMonth() - 3);
  return day.toISOString().slice(0, 10);
}

function counted(count: number, one: string, many: string): string {
  return count === 1 ? `1 ${one}` : `${count.toLocaleString()} ${many}`;
}

/** Where the sync is, in words. */
function stateText(status: MailboxStatus): string {
  const progress = status.progress;
  switch (status.state) {
    case 'connecting':
      return 'Connecting to your mail server…';
    case 'searching':
      return `Looking for mail to and from your contacts${progress?.mailbox ? ` in ${progress.mailbox}` : ''}…`;
    case 'reading':
      return `Reading ${progress ? `${progress.read.toLocaleString()} of ${progress.found.toLocaleString()} messages` : 'messages'}${progress?.mailbox ? ` in ${progress.mailbox}` : ''}…`;
    case 'paused':
      return 'Paused. Nothing is read until you resume.';
    default:
      return '';
  }
}

function resultText(result: NonNullable<MailboxStatus['lastResult']>): string {
  const when = formatDateTime(result.at);
  const { logged, invites } = result.progress;
  if (result.outcome === 'failed') return `The last sync (${when}) stopped: ${result.failure?.message ?? 'an error.'}`;
  if (result.outcome === 'cancelled') return `The last sync (${when}) was stopped.`;
  const found = logged === 0 ? 'nothing new to log' : `${counted(logged, 'e-mail', 'e-mails')} logged as touchpoints`;
  return `Last synced ${when}: ${found}${invites > 0 ? `, ${counted(invites, 'invitation', 'invitations')} found` : ''}.`;
}

/**
 * Connects the user's own mailbox (IMAP), read only: mail to and from their
 * contacts since a chosen day becomes touchpoints, each once, in the
 * background with progress and Pause; invitations found wait here to be
 * imported. The password goes to the system's keychain, never the vault.
 */
export function MailboxSection() {
  const toast = useToast();
  const [status, setStatus] = useState<MailboxStatus>();
  const [offers, setOffers] = useState<InviteOffer[]>([]);
  const [host, setHost] = useState('');
  const [port, setPort] = useState('993');
  const [security, setSecurity] = useState<'tls' | 'starttls' | 'none'>('tls');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [since, setSince] = useState(threeMonthsAgo);
  const [allowLocal, setAllowLocal] = useState(false);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // Counts the progress events: an answer that arrives after a newer event (a sync failing at once) is stale.
  const eventCount = useRef(0);

  function show(next: MailboxStatus) {
    setStatus(next);
    if (next.account && !editing) {
      setHost(next.account.host);
      setPort(String(next.account.port));
      setSecurity(next.account.security);
      setUser(next.account.user);
      setSince(next.account.since);
      setAllowLocal(next.account.allowUnencryptedOnThisComputer);
    }
  }

  const loadOffers = () =>
    call('capture.offers')
      .then(setOffers)
      .catch(() => undefined);

  useEffect(() => {
    call('mailbox.status')
      .then(show)
      .catch((caught: unknown) => setError(`The mailbox could not be checked: ${messageOf(caught)}`));
    void loadOffers();
    const stopProgress = onEvent('mailbox.progress', (next) => {
      eventCount.current += 1;
      setStatus(next);
      if (next.state !== 'idle') return;
      void loadOffers();
      // Kept once the server took it; after a refusal it stays in the field to be corrected.
      if (next.passwordSaved && next.lastResult?.outcome === 'finished') setPassword('');
    });
    const stopCaptured = onCaptured(() => void loadOffers());
    return () => {
      stopProgress();
      stopCaptured();
    };
    // Once, when the section shows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function run(action: () => Promise<MailboxStatus>) {
    setError(undefined);
    setBusy(true);
    const eventsBefore = eventCount.current;
    try {
      const answer = await action();
      if (eventCount.current === eventsBefore) setStatus(answer);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  function connect() {
    const account = { host: host.trim(), port: Number(port), security, user: user.trim(), since, allowUnencryptedOnThisComputer: security === 'none' && allowLocal };
    const parsed = mailboxAccountSchema.safeParse(account);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the mailbox settings.');
    if (!password && !status?.passwordSaved) return setError('Enter the password of your mailbox (or an app password).');
    setEditing(false);
    void run(() => call('mailbox.connect', { account: parsed.data, ...(password ? { password } : {}) }));
  }

  async function dismiss(offer: InviteOffer) {
    try {
      await call('capture.dismissOffer', { id: offer.id });
      setOffers((list) => list.filter((item) => item.id !== offer.id));
    } catch (caught) {
      toast.show(`The invitation could not be dismissed: ${messageOf(caught)}`, { tone: 'error' });
    }
  }

  if (!status) {
    return (
      <Section title="Your mailbox">
        {error ? <Alert tone="error">{error}</Alert> : <p className="field-hint">Checking your mailbox…</p>}
      </Section>
    );
  }

  const running = RUNNING.includes(status.state);
  const paused = status.state === 'paused';
  const connected = status.account !== null && !editing;
  const progress = status.progress;
  return (
    <Section title="Your mailbox">
      <p className="field-hint">
        Afterview can read your mailbox (IMAP) and log the e-mails to and from your contacts as touchpoints, each once. It only reads: nothing is ever sent, moved,
        marked or deleted on the server.
      </p>
      {connected ? (
        <p>
          Connected to <strong>{status.account!.user}</strong> on {status.account!.host}, reading mail since {status.account!.since}.{' '}
          <button type="button" className="button small" disabled={running || paused} onClick={() => setEditing(true)}>
            Change…
          </button>
        </p>
      ) : (
        <div className="mailbox-form">
          <div className="mailbox-grid">
            <TextField label="Mail server (IMAP)" value={host} placeholder="imap.example.com" autoComplete="off" spellCheck={false} onChange={(event) => setHost(event.target.value)} />
            <TextField label="Port" inputMode="numeric" value={port} onChange={(event) => setPort(event.target.value)} />
            <SelectField label="Security" value={security} onChange={(event) => setSecurity(event.target.value as typeof security)}>
              <option value="tls">TLS</option>
              <option value="starttls">STARTTLS</option>
              <option value="none">None (a server on this computer only)</option>
            </SelectField>
          </div>
          <div className="mailbox-grid">
            <TextField label="User name" value={user} autoComplete="username" spellCheck={false} onChange={(event) => setUser(event.target.value)} />
            <TextField
              label="Password"
              type="password"
              value={password}
              autoComplete="current-password"
              placeholder={status.passwordSaved ? 'Kept — type to change' : ''}
              onChange={(event) => setPassword(event.target.value)}
            />
            <TextField label="Read mail since" type="date" value={since} onChange={(event) => setSince(event.target.value)} />
          </div>
          {security === 'none' && (
            <CheckboxField
              label="Allow an unencrypted connection to a server on this computer"
              hint="Only for a mail server running on this computer (localhost). Any other server must use TLS or STARTTLS."
              checked={allowLocal}
              onChange={(event) => setAllowLocal(event.target.checked)}
            />
          )}
          <p className="field-hint">
            {status.passwordStore === 'keychain'
              ? 'The password is kept in your system’s keychain, never in the vault.'
              : 'This computer has no keychain Afterview can use, so the password is kept only until Afterview quits, never in the vault.'}{' '}
            Gmail, iCloud and Outlook.com need an app password here.
          </p>
        </div>
      )}
      {(running || paused) && (
        <div className="mailbox-progress" role="status">
          <p>{stateText(status)}</p>
          {progress && progress.found > 0 && <progress max={progress.found} value={progress.read} aria-label="Messages read" />}
          {progress && (
            <p className="field-hint">
              {counted(progress.logged, 'touchpoint', 'touchpoints')} logged so far{progress.invites > 0 ? `, ${counted(progress.invites, 'invitation', 'invitations')} found` : ''}.
            </p>
          )}
        </div>
      )}
      {!running && !paused && status.lastResult && (
        <Alert tone={status.lastResult.outcome === 'failed' ? 'error' : 'success'}>{resultText(status.lastResult)}</Alert>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      <div className="form-actions">
        {!connected && (
          <button type="button" className="button primary" disabled={busy || running} onClick={connect}>
            Connect and sync
          </button>
        )}
        {editing && (
          <button type="button" className="button" onClick={() => setEditing(false)}>
            Keep the current mailbox
          </button>
        )}
        {connected && !running && !paused && (
          <button type="button" className="button primary" disabled={busy} onClick={() => void run(() => call('mailbox.sync'))}>
            Sync now
          </button>
        )}
        {running && (
          <button type="button" className="button" onClick={() => void run(() => call('mailbox.pause'))}>
            Pause
          </button>
        )}
        {paused && (
          <button type="button" className="button primary" onClick={() => void run(() => call('mailbox.resume'))}>
            Resume
          </button>
        )}
        {status.account && (
          <button type="button" className="button" disabled={busy} onClick={() => void run(() => call('mailbox.forget')).then(() => toast.show('The mailbox is disconnected and its password forgotten. What was logged stays.'))}>
            Disconnect
          </button>
        )}
      </div>
      {offers.length > 0 && (
        <div className="mailbox-offers">
          <h3>Invitations found in your mail</h3>
          <ul>
            {offers.map((offer) => (
              <li key={offer.id}>
                <span>
                  <strong>{offer.reading.proposal.title || 'A meeting'}</strong>, {formatDateTime(offer.reading.proposal.startsAt)}
                  {offer.reading.proposal.cancelled ? ' (cancelled)' : ''}
                </span>{' '}
                <button type="button" className="button small" onClick={() => requestCapture({ kind: 'invite', offer })}>
                  Review…
                </button>{' '}
                <button type="button" className="button small" onClick={() => void dismiss(offer)}>
                  Dismiss
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Section>
  );
}
