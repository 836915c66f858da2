import { useEffect, useId, useState } from 'react';
import type { Contact } from '#shared/domain/contact';
import { optionalEmail } from '#shared/domain/fields';
import { INTERVIEW_FORMAT_LABELS, INTERVIEW_FORMATS, interviewPatchSchema, type InterviewFormat } from '#shared/domain/interview';
import type { InterviewDetail } from '#shared/ipc/channels/interviews';
import { call } from '#renderer/api';
import { instantToZoned, knownZones, zonedToInstant } from '#renderer/ui/datetime';
import { SelectField } from '#renderer/ui/Field';
import { issuesToErrors, type FieldErrors } from '#renderer/ui/forms';
import { TextField } from '#renderer/ui/TextField';
import { useFormSubmit } from '#renderer/ui/useFormSubmit';
import { Form } from '#renderer/ui/Form';

type TeamEntry = { key: string; contactId: string; name: string; title: string | null } | { key: string; contactId?: undefined; name: string; title: string; email: string };

const FIELDS = ['round', 'title', 'startsAt', 'endsAt', 'timeZone', 'format', 'location', 'meetingUrl', 'team'] as const;

interface InterviewEditFormProps {
  detail: InterviewDetail;
  onSaved(): void;
  onCancel(): void;
}

let nextKey = 1;

/** Time, format, place or link, round, title and who was on the team. */
export function InterviewEditForm({ detail, onSaved, onCancel }: InterviewEditFormProps) {
  const { interview } = detail;
  const start = instantToZoned(interview.startsAt, interview.timeZone);
  const end = instantToZoned(interview.endsAt, interview.timeZone);
  const [round, setRound] = useState(String(interview.round));
  const [title, setTitle] = useState(interview.title ?? '');
  const [date, setDate] = useState(start.date);
  const [startTime, setStartTime] = useState(start.time);
  const [endTime, setEndTime] = useState(end.time);
  const [timeZone, setTimeZone] = useState(interview.timeZone);
  const [format, setFormat] = useState<InterviewFormat>(interview.format);
  const [location, setLocation] = useState(interview.location ?? '');
  const [meetingUrl, setMeetingUrl] = useState(interview.meetingUrl ?? '');
  const [team, setTeam] = useState<TeamEntry[]>(() => detail.team.map((member) => ({ key: member.contactId, contactId: member.contactId, name: member.name, title: member.title })));
  const [contacts, setContacts] = useState<Contact[]>([]);
  const [pick, setPick] = useState('');
  const [newPerson, setNewPerson] = useState({ name: '', title: '', email: '' });
  const [personErrors, setPersonErrors] = useState<FieldErrors>({});
  const { errors, busy, submit } = useFormSubmit(FIELDS);
  const zonesId = useId();
  const [zones] = useState(knownZones);

  useEffect(() => {
    let current = true;
    call('contacts.list').then(
      (list) => current && setContacts(list),
      () => undefined, // Picking from known contacts is a convenience; new people can still be added.
    );
    return () => {
      current = false;
    };
  }, []);

  const onTeam = new Set(team.map((entry) => entry.contactId).filter(Boolean));
  const choices = contacts.filter((contact) => !onTeam.has(contact.id));

  function addKnown() {
    const contact = contacts.find((candidate) => candidate.id === pick);
    if (!contact) return;
    setTeam((list) => [...list, { key: contact.id, contactId: contact.id, name: contact.name, title: contact.title }]);
    setPick('');
  }

  function addNew() {
    const name = newPerson.name.trim();
    const email = optionalEmail.safeParse(newPerson.email);
    const next: FieldErrors = {};
    if (!name) next.name = 'Name is required.';
    if (!email.success) next.email = email.error.issues[0]?.message;
    setPersonErrors(next);
    if (next.name || next.email) return;
    setTeam((list) => [...list, { key: `new-${nextKey++}`, name, title: newPerson.title.trim(), email: newPerson.email.trim() }]);
    setNewPerson({ name: '', title: '', email: '' });
  }

  function save() {
    const startsAt = zonedToInstant(date, startTime, timeZone);
    const endsAt = zonedToInstant(date, endTime, timeZone);
    const input = {
      id: interview.id,
      round: round.trim() === '' ? Number.NaN : Number(round),
      title,
      startsAt: startsAt ?? '',
      endsAt: endsAt ?? '',
      timeZone,
      format,
      location,
      meetingUrl,
      team: team.map((entry) => (entry.contactId ? { contactId: entry.contactId } : { name: entry.name, title: entry.title ?? '', email: 'email' in entry ? entry.email : '' })),
    };
    const parsed = interviewPatchSchema.safeParse(input);
    const next: FieldErrors = parsed.success ? {} : issuesToErrors(parsed.error);
    if (!startsAt) next.startsAt = 'Pick a date and a start time.';
    if (!endsAt) next.endsAt = 'Pick an end time.';
    return submit(next, async () => {
      await call('interviews.update', input);
      onSaved();
    });
  }

  return (
    <Form className="panel interview-edit" title="Edit the interview" error={errors.form} busy={busy} submitLabel="Save changes" busyLabel="Saving…" onSubmit={() => void save()} onCancel={onCancel}>
      <div className="form-grid">
        <TextField label="Round" type="number" min={1} max={50} value={round} onChange={(event) => setRound(event.target.value)} error={errors.round} autoFocus />
        <TextField label="Title (optional)" value={title} onChange={(event) => setTitle(event.target.value)} error={errors.title} placeholder="e.g. Technical interview" autoComplete="off" />
        <SelectField label="Format" value={format} onChange={(event) => setFormat(event.target.value as InterviewFormat)} error={errors.format}>
          {INTERVIEW_FORMATS.map((value) => (
            <option key={value} value={value}>
              {INTERVIEW_FORMAT_LABELS[value]}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-grid">
        <TextField label="Date" type="date" value={date} onChange={(event) => setDate(event.target.value)} />
        <TextField label="Starts" type="time" value={startTime} onChange={(event) => setStartTime(event.target.value)} error={errors.startsAt} />
        <TextField label="Ends" type="time" value={endTime} onChange={(event) => setEndTime(event.target.value)} error={errors.endsAt} />
        <TextField
          label="Time zone"
          value={timeZone}
          onChange={(event) => setTimeZone(event.target.value)}
          error={errors.timeZone}
          hint="The zone the times above are in."
          list={zonesId}
          autoComplete="off"
        />
        <datalist id={zonesId}>
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </div>
      <div className="form-grid">
        <TextField label="Place (optional)" value={location} onChange={(event) => setLocation(event.target.value)} error={errors.location} placeholder="Address or room" autoComplete="off" />
        <TextField
          label="Meeting link (optional)"
          type="url"
          value={meetingUrl}
          onChange={(event) => setMeetingUrl(event.target.value)}
          error={errors.meetingUrl}
          placeholder="https://"
          autoComplete="off"
        />
      </div>

      <fieldset className="team-editor">
        <legend>Interview team</legend>
        {errors.team && <p className="field-error">{errors.team}</p>}
        {team.length === 0 ? (
          <p className="field-hint">Nobody yet. Add each person you met, so you can thank them one by one.</p>
        ) : (
          <ul className="plain-list">
            {team.map((entry) => (
              <li key={entry.key}>
                <span className="strong">{entry.name}</span>
                {entry.title && <span className="muted">{entry.title}</span>}
                {!entry.contactId && <span className="muted">(new contact)</span>}
                <button type="button" className="button small" aria-label={`Remove ${entry.name} from the team`} onClick={() => setTeam((list) => list.filter((other) => other.key !== entry.key))}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        {choices.length > 0 && (
          <div className="team-add">
            <SelectField label="Someone already in your contacts" value={pick} onChange={(event) => setPick(event.target.value)}>
              <option value="">Choose a person…</option>
              {choices.map((contact) => (
                <option key={contact.id} value={contact.id}>
                  {contact.companyName ? `${contact.name} (${contact.companyName})` : contact.name}
                </option>
              ))}
            </SelectField>
            <button type="button" className="button" disabled={!pick} onClick={addKnown}>
              Add to team
            </button>
          </div>
        )}
        <div className="team-add">
          <TextField label="New person’s name" value={newPerson.name} onChange={(event) => setNewPerson({ ...newPerson, name: event.target.value })} error={personErrors.name} autoComplete="off" />
          <TextField label="Their title" value={newPerson.title} onChange={(event) => setNewPerson({ ...newPerson, title: event.target.value })} autoComplete="off" />
          <TextField label="Their e-mail" type="email" value={newPerson.email} onChange={(event) => setNewPerson({ ...newPerson, email: event.target.value })} error={personErrors.email} autoComplete="off" />
          <button type="button" className="button" onClick={addNew}>
            Add new person
          </button>
        </div>
        <p className="field-hint">New people become contacts at {detail.opening.companyName} when you save.</p>
      </fieldset>

    </Form>
  );
}
