import { useEffect, useId, useState } from 'react';
import { MAX_EMAIL_FILE_BYTES, type EmailReading, type InviteReading } from '#shared/domain/capture';
import type { Direction } from '#shared/domain/touchpoint';
import { call } from '#renderer/api';
import { messageOf } from '#renderer/ui/message-of';
import { formatDateTime } from '#renderer/ui/format';
import { SelectField } from '#renderer/ui/SelectField';
import { TextField } from '#renderer/ui/TextField';
import { FormDialog } from '../letters/FormDialog';
import { toLocalInput } from '../letters/MarkSentDialog';
import { announceCaptured, fileBase64 } from './capture-requests';
import { CaptureDrop } from './CaptureDrop';
import { personLabel } from './InviteReview';
import type { OpeningChoice } from './OpeningSelect';
import { OpeningSelect } from './OpeningSelect';
import './capture.css';

interface ImportEmailDialogProps {
  openings: OpeningChoice[];
  openingId?: string;
  file?: File;
  onDone(message: string): void;
  /** An invitation the mail carries: the invite dialog takes it from here. */
  onInvite(reading: InviteReading, openingId: string | undefined): void;
  onCancel(): void;
}

/** What a touchpoint from an e-mail says by default: its subject, then its first words. */
function summaryOf(reading: EmailReading): string {
  return [reading.subject, reading.summary].filter(Boolean).join(' — ').slice(0, 2000);
}

/**
 * An e-mail (.eml) into a touchpoint: the date, which way it went (from your
 * own addresses), the person matched to a contact by address or added as a
 * new one, and a short summary, all editable before it is logged. An inbound
 * reply counts exactly as one logged by hand: it ends the wait for an answer.
 */
export function ImportEmailDialog({ openings, openingId: fixedOpening, file, onDone, onInvite, onCancel }: ImportEmailDialogProps) {
  const summaryId = useId();
  const [reading, setReading] = useState<EmailReading | null>(null);
  const [openingId, setOpeningId] = useState(fixedOpening ?? '');
  const [person, setPerson] = useState('');
  const [direction, setDirection] = useState<Direction>('inbound');
  const [when, setWhen] = useState('');
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<{ when?: string; opening?: string }>({});
  const [busy, setBusy] = useState(false);

  async function readFile(chosen: File) {
    if (chosen.size === 0) return setError('This file is empty: it holds no e-mail.');
    if (chosen.size > MAX_EMAIL_FILE_BYTES) return setError(`This e-mail is ${(chosen.size / 1_048_576).toFixed(1)} MB; Afterview reads e-mail files of up to ${MAX_EMAIL_FILE_BYTES / 1_048_576} MB. Connecting your mailbox in Settings reads larger ones.`);
    setError(undefined);
    setBusy(true);
    try {
      const read = await call('capture.readEmail', { base64: await fileBase64(chosen) });
      setReading(read);
      setDirection(read.direction);
      setWhen(toLocalInput(Date.parse(read.occurredAt)));
      setSummary(summaryOf(read));
      const first = read.people[0];
      setPerson(first ? (first.contactId ?? `new:0`) : '');
      if (!fixedOpening) setOpeningId(read.suggestedOpeningId ?? (openings.length === 1 ? openings[0]!.id : ''));
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (file) void Promise.resolve(file).then(readFile);
    // Only the file the dialog opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function confirm() {
    if (!reading) return setError('Choose an .eml file, or drop one here.');
    if (reading.alreadyLogged) return onDone('');
    const instant = Date.parse(when);
    const problems: typeof fieldErrors = {};
    if (!when || Number.isNaN(instant)) problems.when = 'Enter when it was sent.';
    else if (instant > Date.now() + 60_000) problems.when = 'That is in the future.';
    if (!openingId) problems.opening = 'Choose the opening it was about.';
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const newIndex = person.startsWith('new:') ? Number(person.slice(4)) : -1;
    const newPerson = newIndex >= 0 ? reading.people[newIndex] : undefined;
    const contact = person === '' ? null : newPerson ? { name: newPerson.name ?? newPerson.address ?? '', email: newPerson.address ?? '' } : { contactId: person };
    setError(undefined);
    setBusy(true);
    try {
      const touchpoint = await call('capture.confirmEmail', { openingId, contact, direction, occurredAt: new Date(instant).toISOString(), summary, messageId: reading.messageId });
      announceCaptured({ kind: 'touchpoint', openingId: touchpoint.openingId ?? openingId });
      onDone(direction === 'inbound' ? 'Their e-mail is logged as a touchpoint.' : 'Your e-mail is logged as a touchpoint.');
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormDialog
      title={reading ? 'Log the e-mail' : 'Import an e-mail'}
      submitLabel={!reading ? (busy ? 'Reading…' : 'Choose a file first') : reading.alreadyLogged ? 'Close' : 'Log touchpoint'}
      busy={busy}
      error={error}
      onSubmit={() => void confirm()}
      onCancel={onCancel}
    >
      {!reading ? (
        <CaptureDrop prompt="Drop the e-mail here (saved from your mail program as .eml), or" label="Choose .eml file…" accept=".eml,message/rfc822" busy={busy} onFile={(chosen) => void readFile(chosen)} />
      ) : (
        <div className="email-review">
          <p className="email-subject">{reading.subject || '(no subject)'}</p>
          <p className="field-hint">
            {reading.from ? `From ${reading.from.name ?? reading.from.address}` : 'No sender'} · {formatDateTime(reading.occurredAt)}
          </p>
          {reading.alreadyLogged && <p className="invite-action">This e-mail is already logged as a touchpoint; it is not logged twice.</p>}
          {!reading.alreadyLogged && (
            <>
              {!fixedOpening && (
                <OpeningSelect openings={openings} value={openingId} error={fieldErrors.opening} onChange={setOpeningId} />
              )}
              <div className="email-when">
                <SelectField label="Direction" value={direction} onChange={(event) => setDirection(event.target.value as Direction)}>
                  <option value="inbound">They wrote to me</option>
                  <option value="outbound">I wrote to them</option>
                </SelectField>
                <TextField label="When" type="datetime-local" value={when} error={fieldErrors.when} onChange={(event) => setWhen(event.target.value)} />
              </div>
              <SelectField label="With" value={person} onChange={(event) => setPerson(event.target.value)}>
                <option value="">Nobody in particular</option>
                {reading.people.map((candidate, index) =>
                  candidate.contactId ? (
                    <option key={candidate.contactId} value={candidate.contactId}>
                      {personLabel(candidate)}
                    </option>
                  ) : (
                    <option key={`new:${index}`} value={`new:${index}`}>
                      {`${personLabel(candidate)} (add as a new contact)`}
                    </option>
                  ),
                )}
              </SelectField>
              <div className="field">
                <label htmlFor={summaryId}>Summary</label>
                <textarea id={summaryId} rows={3} maxLength={2000} value={summary} onChange={(event) => setSummary(event.target.value)} />
              </div>
            </>
          )}
          {reading.invites.length > 0 && (
            <div className="email-invites">
              {reading.invites.map((invite) => (
                <p key={`${invite.proposal.uid}-${invite.proposal.sequence}`}>
                  This e-mail carries an invitation: <strong>{invite.proposal.title || 'a meeting'}</strong>, {formatDateTime(invite.proposal.startsAt)}.{' '}
                  <button type="button" className="button small" onClick={() => onInvite(invite, openingId || undefined)}>
                    {invite.action === 'cancel' ? 'Review the cancellation…' : 'Review the invitation…'}
                  </button>
                </p>
              ))}
            </div>
          )}
          {reading.notes.length > 0 && (
            <ul className="capture-notes">
              {reading.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </FormDialog>
  );
}
