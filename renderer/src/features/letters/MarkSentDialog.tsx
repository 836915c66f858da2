import { useState } from 'react';
import { CONTACT_CHANNEL_LABELS, CONTACT_CHANNELS, type ContactChannel } from '#shared/domain/fields';
import { SelectField } from '#renderer/ui/SelectField';
import { TextField } from '#renderer/ui/TextField';
import { FormDialog } from './FormDialog';

const pad = (value: number) => String(value).padStart(2, '0');

/** A moment as the value of a datetime-local input, in the user's zone. */
export function toLocalInput(instant: number): string {
  const date = new Date(instant);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

interface MarkSentDialogProps {
  recipientName: string;
  /** The opening's preferred channel, if the user noted one; else e-mail. */
  defaultChannel?: ContactChannel | null;
  now: number;
  busy?: boolean;
  error?: string;
  onSubmit(value: { channel: ContactChannel; sentAt: string }): void;
  onCancel(): void;
}

/** Says how and when the letter went out; the countdown then stops. */
export function MarkSentDialog({ recipientName, defaultChannel, now, busy, error, onSubmit, onCancel }: MarkSentDialogProps) {
  const [channel, setChannel] = useState<ContactChannel>(defaultChannel ?? 'email');
  const [when, setWhen] = useState(() => toLocalInput(now));
  const [whenError, setWhenError] = useState<string>();

  function submit() {
    const instant = Date.parse(when);
    if (!when || Number.isNaN(instant)) return setWhenError('Enter the date and time you sent it.');
    // A minute of grace for a clock read a moment ago.
    if (instant > Date.now() + 60_000) return setWhenError('That is in the future. Mark it once it has gone out.');
    setWhenError(undefined);
    onSubmit({ channel, sentAt: new Date(instant).toISOString() });
  }

  return (
    <FormDialog title={`Mark as sent to ${recipientName}`} submitLabel="Mark as sent" busy={busy} error={error} onSubmit={submit} onCancel={onCancel}>
      <SelectField label="How you sent it" value={channel} onChange={(event) => setChannel(event.target.value as ContactChannel)}>
        {CONTACT_CHANNELS.map((option) => (
          <option key={option} value={option}>
            {CONTACT_CHANNEL_LABELS[option]}
          </option>
        ))}
      </SelectField>
      <TextField
        label="When you sent it"
        type="datetime-local"
        value={when}
        max={toLocalInput(now + 60_000)}
        error={whenError}
        hint="Change it if you sent the note earlier."
        onChange={(event) => setWhen(event.target.value)}
      />
    </FormDialog>
  );
}
