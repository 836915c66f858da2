import { useId, useState } from 'react';
import { CONTACT_CHANNEL_LABELS, CONTACT_CHANNELS, type ContactChannel } from '#shared/domain/fields';
import { TOUCHPOINT_KIND_LABELS, TOUCHPOINT_KINDS, type ContactWarning, type Direction, type TouchpointKind, type TouchpointView } from '#shared/domain/touchpoint';
import { call } from '#renderer/api';
import { formatDateTime } from '#renderer/ui/format';
import { SelectField } from '#renderer/ui/SelectField';
import { TextField } from '#renderer/ui/TextField';
import { useFormSubmit } from '#renderer/ui/useFormSubmit';
import { FormDialog } from '../letters/FormDialog';
import { toLocalInput } from '../letters/MarkSentDialog';
import './touchpoints.css';

export interface TouchpointPerson {
  id: string;
  name: string;
  preferredChannel: ContactChannel | null;
}

export interface TouchpointOpening {
  id: string;
  name: string;
  followUpChannel: ContactChannel | null;
}

interface LogTouchpointDialogProps {
  /** The openings it may be about: one on the opening page, the person's on the contact page. */
  openings: TouchpointOpening[];
  people: TouchpointPerson[];
  /** Preselects the person (the contact page). */
  contactId?: string;
  initialKind?: TouchpointKind;
  now: number;
  onLogged(touchpoint: TouchpointView): void;
  onCancel(): void;
}

/** The person's own channel first, then the opening's, then e-mail. */
function channelFor(person: TouchpointPerson | undefined, opening: TouchpointOpening | undefined): ContactChannel {
  return person?.preferredChannel ?? opening?.followUpChannel ?? 'email';
}

/**
 * Logs a contact with an employer. Before an outbound touch it asks the
 * contact-frequency guard, and shows why to hold back and until when; the
 * user may log anyway.
 */
export function LogTouchpointDialog({ openings, people, contactId, initialKind = 'follow_up', now, onLogged, onCancel }: LogTouchpointDialogProps) {
  const summaryId = useId();
  const [openingId, setOpeningId] = useState(openings[0]?.id ?? '');
  const [personId, setPersonId] = useState(contactId ?? '');
  const opening = openings.find((option) => option.id === openingId);
  const [channel, setChannel] = useState<ContactChannel>(() => channelFor(people.find((person) => person.id === contactId), openings[0]));
  const [direction, setDirection] = useState<Direction>('outbound');
  const [kind, setKind] = useState<TouchpointKind>(initialKind);
  const [when, setWhen] = useState(() => toLocalInput(now));
  const [summary, setSummary] = useState('');
  const [whenError, setWhenError] = useState<string>();
  const { errors, busy, submit } = useFormSubmit();
  // Set once the guard has spoken: the next submit logs anyway.
  const [warnings, setWarnings] = useState<ContactWarning[]>();

  function choosePerson(id: string) {
    setPersonId(id);
    setChannel(channelFor(people.find((person) => person.id === id), opening));
  }

  function log() {
    const instant = Date.parse(when);
    if (!when || Number.isNaN(instant)) return setWhenError('Enter when it happened.');
    if (instant > Date.now() + 60_000) return setWhenError('That is in the future. Log it once it has happened.');
    setWhenError(undefined);
    if (!opening) return submit({ form: 'Choose the opening it was about.' }, async () => undefined);
    const intent = { openingId: opening.id, contactId: personId || null, channel, direction, kind };
    return submit({}, async () => {
      if (direction === 'outbound' && !warnings) {
        const check = await call('touchpoints.check', intent);
        if (check.warnings.length > 0) {
          setWarnings(check.warnings);
          return;
        }
      }
      onLogged(await call('touchpoints.log', { ...intent, occurredAt: new Date(instant).toISOString(), summary }));
    });
  }

  /** Any change to what is being logged asks the guard again. */
  function edited<T>(set: (value: T) => void) {
    return (value: T) => {
      set(value);
      setWarnings(undefined);
    };
  }

  return (
    <FormDialog
      title="Log a touchpoint"
      submitLabel={warnings ? 'Log anyway' : 'Log touchpoint'}
      busy={busy}
      error={errors.form}
      onSubmit={() => void log()}
      onCancel={onCancel}
    >
      {openings.length > 1 && (
        <SelectField label="Opening" value={openingId} onChange={(event) => edited(setOpeningId)(event.target.value)}>
          {openings.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </SelectField>
      )}
      <div className="touchpoint-fields">
      <SelectField label="With" value={personId} onChange={(event) => edited(choosePerson)(event.target.value)}>
        <option value="">Nobody in particular</option>
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Direction" value={direction} onChange={(event) => edited(setDirection)(event.target.value as Direction)}>
        <option value="outbound">I reached out</option>
        <option value="inbound">They reached out</option>
      </SelectField>
      <SelectField label="What it was" value={kind} onChange={(event) => edited(setKind)(event.target.value as TouchpointKind)}>
        {TOUCHPOINT_KINDS.map((option) => (
          <option key={option} value={option}>
            {TOUCHPOINT_KIND_LABELS[option]}
          </option>
        ))}
      </SelectField>
      <SelectField label="Channel" value={channel} onChange={(event) => edited(setChannel)(event.target.value as ContactChannel)}>
        {CONTACT_CHANNELS.map((option) => (
          <option key={option} value={option}>
            {CONTACT_CHANNEL_LABELS[option]}
          </option>
        ))}
      </SelectField>
      <TextField label="When" type="datetime-local" value={when} max={toLocalInput(now + 60_000)} error={whenError} onChange={(event) => edited(setWhen)(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={summaryId}>Summary</label>
        <textarea id={summaryId} rows={2} maxLength={2000} value={summary} onChange={(event) => setSummary(event.target.value)} />
      </div>
      {warnings && (
        <div className="contact-guard" role="alert" aria-label="Before you reach out">
          <p className="contact-guard-title">Before you reach out</p>
          <ul>
            {warnings.map((warning) => (
              <li key={warning.code}>
                {warning.message}
                {warning.reasonableFrom && <> Reasonable again from {formatDateTime(warning.reasonableFrom)}.</>}
              </li>
            ))}
          </ul>
          <p className="field-hint">You know them best: log it anyway, or cancel and wait.</p>
        </div>
      )}
    </FormDialog>
  );
}
