import { useId, useMemo, useRef, useState } from 'react';
import type { Contact } from '#shared/domain/contact';
import { INTERVIEW_FORMAT_LABELS, INTERVIEW_FORMATS, newInterviewSchema, type Interview, type InterviewFormat, type NewInterviewInput } from '#shared/domain/interview';
import { call } from '#renderer/api';
import { Alert } from '#renderer/ui/Alert';
import { issuesToPathErrors, type FieldErrors } from '#renderer/ui/forms';
import { SelectField } from '#renderer/ui/SelectField';
import { TextField } from '#renderer/ui/TextField';
import { addMinutes, knownZones, localZone, todayLocal, zonedToInstant } from './localTime';
import { useFormSubmit } from '#renderer/ui/useFormSubmit';
import { Form } from '#renderer/ui/Form';

interface NewPerson {
  key: number;
  name: string;
  title: string;
  email: string;
}

interface LogInterviewFormProps {
  openingId: string;
  companyName: string;
  contacts: Contact[];
  round: number;
  onLogged(interview: Interview): void;
  onCancel(): void;
}

const API_FIELDS = ['round', 'title', 'startsAt', 'endsAt', 'timeZone', 'format', 'location', 'meetingUrl', 'team'];

/** When, where and with whom; new people become contacts of the company. */
export function LogInterviewForm({ openingId, companyName, contacts, round: suggestedRound, onLogged, onCancel }: LogInterviewFormProps) {
  const [ownZone] = useState(localZone);
  // Some 400 options: built once, so typing elsewhere in the form does not redo them.
  const zoneOptions = useMemo(
    () =>
      knownZones(ownZone).map((zone) => (
        <option key={zone} value={zone}>
          {zone.replace(/_/g, ' ')}
        </option>
      )),
    [ownZone],
  );
  const [date, setDate] = useState(todayLocal);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [timeZone, setTimeZone] = useState(ownZone);
  const [round, setRound] = useState(String(suggestedRound));
  const [title, setTitle] = useState('');
  const [format, setFormat] = useState<InterviewFormat>('video');
  const [location, setLocation] = useState('');
  const [meetingUrl, setMeetingUrl] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [people, setPeople] = useState<NewPerson[]>([]);
  const { errors, busy, submit } = useFormSubmit(API_FIELDS);
  const nextKey = useRef(1);
  const formRef = useRef<HTMLFormElement>(null);
  const teamId = useId();

  function addPerson() {
    const key = nextKey.current++;
    setPeople((list) => [...list, { key, name: '', title: '', email: '' }]);
    setTimeout(() => formRef.current?.querySelector<HTMLInputElement>(`[data-person="${key}"]`)?.focus(), 0);
  }

  function updatePerson(key: number, change: Partial<NewPerson>) {
    setPeople((list) => list.map((person) => (person.key === key ? { ...person, ...change } : person)));
  }

  function removePerson(key: number) {
    setPeople((list) => list.filter((person) => person.key !== key));
  }

  function log() {
    const missing: FieldErrors = {};
    if (!date) missing.date = 'Date is required.';
    if (!start) missing.startsAt = 'Start time is required.';
    if (!end) missing.endsAt = 'End time is required.';
    const startsAt = date && start ? zonedToInstant(date, start, timeZone) : null;
    // An end before the start means the interview runs past midnight.
    const endsAt = date && end ? zonedToInstant(date, end, timeZone, end < start ? 1 : 0) : null;
    if (date && start && !startsAt) missing.startsAt = 'Start time must be a valid date and time.';
    if (date && end && !endsAt) missing.endsAt = 'End time must be a valid date and time.';

    // The team, in order: chosen contacts, then new people (blank rows are skipped). Remember which row each came from.
    const filled = people.filter((person) => person.name.trim() || person.title.trim() || person.email.trim());
    const team: NewInterviewInput['team'] = [
      ...contacts.filter((contact) => chosen.includes(contact.id)).map((contact) => ({ contactId: contact.id })),
      ...filled.map((person) => ({ name: person.name, title: person.title, email: person.email })),
    ];
    const firstNew = team.length - filled.length;

    const input: NewInterviewInput = {
      openingId,
      round: round.trim() === '' ? undefined : Number(round),
      title,
      startsAt: startsAt ?? '',
      endsAt: endsAt ?? '',
      timeZone,
      format,
      location: format === 'video' ? '' : location,
      meetingUrl: format === 'video' ? meetingUrl : '',
      team,
    };
    const parsed = newInterviewSchema.safeParse(input);
    const found = parsed.success ? {} : issuesToPathErrors(parsed.error);
    // Per-person messages keyed by the row, so each appears next to its own field.
    const next: FieldErrors = { ...found, ...missing };
    for (const [key, message] of Object.entries(found)) {
      const match = /^team\.(\d+)\.(name|title|email)$/.exec(key);
      const person = match ? filled[Number(match[1]) - firstNew] : undefined;
      if (match && person) next[`person.${person.key}.${match[2]}`] = message;
    }
    return submit(next, async () => onLogged(await call('interviews.create', input)));
  }

  return (
    <Form
      formRef={formRef}
      className="panel log-interview"
      title="Log an interview"
      level={3}
      error={errors.form}
      busy={busy}
      submitLabel="Log interview"
      busyLabel="Logging…"
      onSubmit={() => void log()}
      onCancel={onCancel}
    >
      {errors.team && <Alert tone="error">{errors.team}</Alert>}
      <div className="form-grid">
        <TextField label="Date" type="date" value={date} onChange={(event) => setDate(event.target.value)} error={errors.date} required autoFocus />
        <TextField
          label="Starts at"
          type="time"
          value={start}
          onChange={(event) => {
            const value = event.target.value;
            setStart(value);
            if (!end && value) setEnd(addMinutes(value, 60));
          }}
          error={errors.startsAt}
          required
        />
        <TextField label="Ends at" type="time" value={end} onChange={(event) => setEnd(event.target.value)} error={errors.endsAt} required />
        <SelectField
          label="Time zone"
          value={timeZone}
          onChange={(event) => setTimeZone(event.target.value)}
          error={errors.timeZone}
          hint={timeZone === ownZone ? 'Yours. Change it if the time was given in another zone.' : `Yours is ${ownZone}.`}
        >
          {zoneOptions}
        </SelectField>
        <TextField label="Round" type="number" min={1} max={50} value={round} onChange={(event) => setRound(event.target.value)} error={errors.round} />
        <TextField label="Title (optional)" value={title} onChange={(event) => setTitle(event.target.value)} error={errors.title} placeholder="e.g. Technical interview" autoComplete="off" />
        <SelectField label="Format" value={format} onChange={(event) => setFormat(event.target.value as InterviewFormat)} error={errors.format}>
          {INTERVIEW_FORMATS.map((value) => (
            <option key={value} value={value}>
              {INTERVIEW_FORMAT_LABELS[value]}
            </option>
          ))}
        </SelectField>
        {format === 'video' ? (
          <TextField label="Meeting link (optional)" type="url" value={meetingUrl} onChange={(event) => setMeetingUrl(event.target.value)} error={errors.meetingUrl} placeholder="https://" autoComplete="off" />
        ) : (
          <TextField
            label={format === 'phone' ? 'Phone number or note (optional)' : 'Place (optional)'}
            value={location}
            onChange={(event) => setLocation(event.target.value)}
            error={errors.location}
            autoComplete="off"
          />
        )}
      </div>

      <fieldset className="team" aria-describedby={`${teamId}-hint`}>
        <legend>Interview team</legend>
        <p id={`${teamId}-hint`} className="field-hint">
          Who you will meet. Each person gets a thank-you note to write afterwards.
        </p>
        {contacts.length > 0 && (
          <ul className="team-known">
            {contacts.map((contact) => (
              <li key={contact.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.includes(contact.id)}
                    onChange={(event) => setChosen((list) => (event.target.checked ? [...list, contact.id] : list.filter((id) => id !== contact.id)))}
                  />
                  {contact.name}
                  {contact.title && <span className="field-hint"> · {contact.title}</span>}
                </label>
              </li>
            ))}
          </ul>
        )}
        {people.map((person, index) => (
          <div key={person.key} className="team-person" role="group" aria-label={`New person ${index + 1}`}>
            <TextField
              label="Name"
              value={person.name}
              data-person={person.key}
              onChange={(event) => updatePerson(person.key, { name: event.target.value })}
              error={errors[`person.${person.key}.name`]}
              autoComplete="off"
            />
            <TextField label="Title (optional)" value={person.title} onChange={(event) => updatePerson(person.key, { title: event.target.value })} error={errors[`person.${person.key}.title`]} autoComplete="off" />
            <TextField label="E-mail (optional)" type="email" value={person.email} onChange={(event) => updatePerson(person.key, { email: event.target.value })} error={errors[`person.${person.key}.email`]} autoComplete="off" />
            <button type="button" className="button small" aria-label={`Remove new person ${index + 1}`} onClick={() => removePerson(person.key)}>
              Remove
            </button>
          </div>
        ))}
        <div>
          <button type="button" className="button small" onClick={addPerson}>
            {contacts.length > 0 ? 'Add someone new' : 'Add a person'}
          </button>
        </div>
        {people.length > 0 && <p className="field-hint">New people are saved as contacts at {companyName}.</p>}
      </fieldset>

    </Form>
  );
}
