import { useEffect, useMemo, useState } from 'react';
import type { InviteReading, ProposedPerson } from '#shared/domain/capture';
import { INTERVIEW_FORMAT_LABELS, INTERVIEW_FORMATS, newInterviewSchema, type InterviewFormat, type NewInterviewInput } from '#shared/domain/interview';
import { instantToZoned, zonedToInstant } from '#renderer/ui/datetime';
import { issuesToPathErrors, type FieldErrors } from '#renderer/ui/forms';
import { SelectField } from '#renderer/ui/SelectField';
import { OpeningSelect, type OpeningChoice } from './OpeningSelect';
import { TextField } from '#renderer/ui/TextField';
import { formatDateTime } from '#renderer/ui/format';

/** What the invite would do, in words. */
export function actionText(reading: InviteReading): string {
  const where = reading.existing ? ` (${reading.existing.openingName})` : '';
  switch (reading.action) {
    case 'create':
      return 'A new interview.';
    case 'update':
      return `An updated invitation: it changes the interview you imported before${where}.`;
    case 'cancel':
      return `The organiser cancelled this meeting: the interview you imported${where} will be marked cancelled. Its notes and debrief stay.`;
    case 'unchanged':
      return `This invitation is already imported${where}, unchanged. Saving it again brings back its times, place and people.`;
    case 'outdated':
      return `A newer version of this invitation is already imported${where}; this older one changes nothing.`;
    case 'nothing-to-cancel':
      return 'This cancels a meeting that was never imported into Afterview, so there is nothing to cancel.';
    case 'already-cancelled':
      return `The interview${where} is already marked cancelled.`;
  }
}

export function personLabel(person: ProposedPerson): string {
  const name = person.contactName ?? person.name ?? person.address ?? '';
  return person.address && name !== person.address ? `${name} <${person.address}>` : name;
}

export type InviteDraftResult = { input: NewInterviewInput } | { errors: FieldErrors };

interface InviteReviewProps {
  reading: InviteReading;
  /** The openings to choose from; none when the dialog is for one opening. */
  openings: OpeningChoice[];
  openingId: string;
  onOpening(id: string): void;
  errors: FieldErrors;
  /** Called with every change: the interview as it would be saved, or the errors that keep it from being saved. */
  draftRef: { current: () => InviteDraftResult };
}

/**
 * A proposed interview, every field editable before it is saved: the times in
 * the organiser's zone, the place or link, and who is on the team (people
 * matched to contacts by address, the others proposed as new contacts).
 */
export function InviteReview({ reading, openings, openingId, onOpening, errors, draftRef }: InviteReviewProps) {
  const { proposal } = reading;
  const zone = proposal.timeZone;
  const startClock = useMemo(() => instantToZoned(proposal.startsAt, zone), [proposal.startsAt, zone]);
  const endClock = useMemo(() => instantToZoned(proposal.endsAt, zone), [proposal.endsAt, zone]);
  const [title, setTitle] = useState(proposal.title);
  const [date, setDate] = useState(startClock.date);
  const [start, setStart] = useState(startClock.time);
  const [end, setEnd] = useState(endClock.time);
  const [format, setFormat] = useState<InterviewFormat>(proposal.format ?? (proposal.meetingUrl ? 'video' : proposal.location ? 'onsite' : 'video'));
  const [location, setLocation] = useState(proposal.location ?? '');
  const [meetingUrl, setMeetingUrl] = useState(proposal.meetingUrl ?? '');
  const [onTeam, setOnTeam] = useState<boolean[]>(() => reading.people.map(() => true));
  const cancelling = reading.action === 'cancel';

  function draft(): InviteDraftResult {
    const startsAt = zonedToInstant(date, start, zone);
    // An end before the start runs past midnight.
    const endsAt = zonedToInstant(end < start ? nextDay(date) : date, end, zone);
    const team: NewInterviewInput['team'] = reading.people
      .filter((_, index) => onTeam[index])
      .map((person) => (person.contactId ? { contactId: person.contactId } : { name: person.name ?? person.address ?? '', email: person.address ?? '' }));
    const input: NewInterviewInput = { openingId, title, startsAt: startsAt ?? '', endsAt: endsAt ?? '', timeZone: zone, format, location: format === 'video' ? '' : location, meetingUrl: format === 'video' ? meetingUrl : '', team };
    const parsed = newInterviewSchema.safeParse(input);
    const found: FieldErrors = parsed.success ? {} : issuesToPathErrors(parsed.error);
    if (!startsAt) found.startsAt = 'Enter a valid date and start time.';
    if (!endsAt) found.endsAt = 'Enter a valid end time.';
    return Object.keys(found).length > 0 ? { errors: found } : { input };
  }

  // The dialog's Confirm asks for the draft as it is at that moment.
  useEffect(() => {
    draftRef.current = draft;
  });

  return (
    <div className="invite-review">
      <p className={`invite-action invite-action-${reading.action}`}>{actionText(reading)}</p>
      {openings.length > 0 && !reading.existing && (
        <OpeningSelect openings={openings} value={openingId} error={errors.openingId} onChange={onOpening} />
      )}
      {cancelling ? (
        <p>
          <strong>{proposal.title || 'The meeting'}</strong> on {formatDateTime(proposal.startsAt)}.
        </p>
      ) : (
        <>
          <TextField label="Title" value={title} maxLength={200} error={errors.title} onChange={(event) => setTitle(event.target.value)} />
          <div className="invite-times">
            <TextField label="Date" type="date" value={date} error={errors.date} onChange={(event) => setDate(event.target.value)} />
            <TextField label="Starts" type="time" value={start} error={errors.startsAt} onChange={(event) => setStart(event.target.value)} />
            <TextField label="Ends" type="time" value={end} error={errors.endsAt} onChange={(event) => setEnd(event.target.value)} />
          </div>
          <p className="field-hint">
            Times in the organiser’s time zone, <strong>{zone.replace(/_/g, ' ')}</strong>
            {proposal.timeZoneSource === 'fallback' ? ' (your own: the invitation gives none)' : ''}.
          </p>
          <div className="invite-place">
            <SelectField label="Format" value={format} onChange={(event) => setFormat(event.target.value as InterviewFormat)}>
              {INTERVIEW_FORMATS.map((option) => (
                <option key={option} value={option}>
                  {INTERVIEW_FORMAT_LABELS[option]}
                </option>
              ))}
            </SelectField>
            {format === 'video' ? (
              <TextField label="Meeting link" type="url" value={meetingUrl} error={errors.meetingUrl} onChange={(event) => setMeetingUrl(event.target.value)} placeholder="https://" />
            ) : (
              <TextField label="Place" value={location} error={errors.location} onChange={(event) => setLocation(event.target.value)} />
            )}
          </div>
          <fieldset className="invite-people">
            <legend>Interview team</legend>
            {reading.people.length === 0 && <p className="field-hint">The invitation names no one but you.</p>}
            {reading.people.map((person, index) => (
              <label key={`${person.address ?? person.name}-${index}`} className="checkbox">
                <input type="checkbox" checked={onTeam[index] ?? false} onChange={(event) => setOnTeam((list) => list.map((value, at) => (at === index ? event.target.checked : value)))} />
                <span>
                  {personLabel(person)}
                  <span className="muted">
                    {' '}
                    · {person.organizer ? 'organiser, ' : ''}
                    {person.contactId ? 'in your contacts' : 'new contact'}
                  </span>
                </span>
              </label>
            ))}
            {errors.team && <p className="field-error">{errors.team}</p>}
          </fieldset>
        </>
      )}
      {proposal.notes.length > 0 && (
        <ul className="capture-notes">
          {proposal.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}
