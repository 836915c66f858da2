import { useState } from 'react';
import { newResearchEntrySchema, researchEntryPatchSchema, type ResearchEntry } from '#shared/domain/company';
import { todayLocal } from '#renderer/ui/datetime';
import { TextAreaField } from '#renderer/ui/Field';
import { Form } from '#renderer/ui/Form';
import { issuesToErrors } from '#renderer/ui/forms';
import { TextField } from '#renderer/ui/TextField';
import { useFormSubmit } from '#renderer/ui/useFormSubmit';

export interface ResearchValues {
  occurredOn: string;
  title: string;
  sourceUrl: string;
  summary: string;
}

const FIELDS = ['occurredOn', 'title', 'sourceUrl', 'summary'] as const;

interface ResearchEntryFormProps {
  companyId: string;
  /** The entry being edited; none when adding. */
  entry?: ResearchEntry;
  save(values: ResearchValues): Promise<void>;
  onCancel(): void;
}

/** A dated finding with where it came from; checked with the core's own rules before it is sent. */
export function ResearchEntryForm({ companyId, entry, save, onCancel }: ResearchEntryFormProps) {
  const [values, setValues] = useState<ResearchValues>(() => ({
    occurredOn: entry?.occurredOn ?? todayLocal(),
    title: entry?.title ?? '',
    sourceUrl: entry?.sourceUrl ?? '',
    summary: entry?.summary ?? '',
  }));
  const { errors, busy, submit } = useFormSubmit(FIELDS);
  const set = (key: keyof ResearchValues) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [key]: event.target.value }));

  function send() {
    const parsed = entry ? researchEntryPatchSchema.safeParse({ id: entry.id, ...values }) : newResearchEntrySchema.safeParse({ companyId, ...values });
    return submit(parsed.success ? {} : issuesToErrors(parsed.error), () => save(values));
  }

  return (
    <Form
      className="research-form"
      title={entry ? `Edit “${entry.title}”` : 'New research entry'}
      level={3}
      error={errors.form}
      busy={busy}
      submitLabel={entry ? 'Save entry' : 'Add entry'}
      busyLabel="Saving…"
      onSubmit={() => void send()}
      onCancel={onCancel}
    >
      <div className="research-form-grid">
        <TextField label="Date" type="date" value={values.occurredOn} onChange={set('occurredOn')} error={errors.occurredOn} />
        <TextField label="Title" value={values.title} onChange={set('title')} error={errors.title} placeholder="e.g. Q3 results: new office in Lisbon" autoComplete="off" autoFocus />
        <TextField label="Source link (optional)" type="url" value={values.sourceUrl} onChange={set('sourceUrl')} error={errors.sourceUrl} placeholder="https://" autoComplete="off" />
      </div>
      <TextAreaField label="Summary (optional)" value={values.summary} onChange={set('summary')} error={errors.summary} hint="What it says, and what it might mean for the role or your next conversation." rows={3} />
    </Form>
  );
}
