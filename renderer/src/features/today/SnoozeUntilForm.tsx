import { useEffect, useRef, useState } from 'react';
import { Form } from '#renderer/ui/Form';
import { TextField } from '#renderer/ui/TextField';

const pad = (value: number) => String(value).padStart(2, '0');

/** A local wall-clock time as a datetime-local value ("2026-03-05T14:30"). */
export function toLocalInput(ms: number): string {
  const date = new Date(ms);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value as an instant in the user's zone, or null when it is not a time. */
export function fromLocalInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The next whole hour from now, a sensible first guess. */
function nextHour(now: number): number {
  const date = new Date(now);
  date.setMinutes(0, 0, 0);
  return date.getTime() + 3_600_000;
}

interface SnoozeUntilFormProps {
  title: string;
  busy?: boolean;
  onSnooze(until: Date): void;
  onCancel(): void;
}

/** "Pick a time…": a date and time in the future, checked before it is sent. */
export function SnoozeUntilForm({ title, busy, onSnooze, onCancel }: SnoozeUntilFormProps) {
  const [value, setValue] = useState(() => toLocalInput(nextHour(Date.now())));
  const [error, setError] = useState<string>();
  const [earliest] = useState(() => toLocalInput(Date.now()));
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);

  function snooze() {
    const until = fromLocalInput(value);
    if (!until) return setError('Choose a date and a time.');
    if (until.getTime() <= Date.now()) return setError('That time has already passed. Choose a moment later than now.');
    setError(undefined);
    onSnooze(until);
  }

  return (
    <Form formRef={formRef} className="snooze-until" label={`Snooze until a time you choose: ${title}`} busy={busy} submitLabel="Snooze" small onSubmit={snooze} onCancel={onCancel}>
      <TextField
        label="Remind me again on"
        type="datetime-local"
        value={value}
        min={earliest}
        error={error}
        onChange={(event) => {
          setValue(event.target.value);
          setError(undefined);
        }}
      />
    </Form>
  );
}
