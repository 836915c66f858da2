import { useId, useState, type FormEvent } from 'react';
import { newResearchEntrySchema, researchEntryPatchSchema, type ResearchEntry } from '../../../../shared/domain/company';
import { Alert } from '../../ui/Alert';
import { todayLocal } from '../../ui/datetime';
import { TextAreaField } from '../../ui/Field';
import { errorsFromApi, issuesToErrors, type FieldErrors } from '../../ui/forms';
import { TextField } from '../../ui/TextField';

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
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const titleId = useId();
  const set = (key: keyof ResearchValues) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [key]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = entry ? researchEntryPatchSchema.safeParse({ id: entry.id, ...values }) : newResearchEntrySchema.safeParse({ companyId, ...values });
    if (!parsed.success) {
      setErrors(issuesToErrors(parsed.error));
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await save(values);
    } catch (caught) {
      setErrors(errorsFromApi(caught, FIELDS));
      setSaving(false);
    }
  }

  return (
    <form
      className="research-form"
      aria-labelledby={titleId}
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <h3 id={titleId}>{entry ? `Edit “${entry.title}”` : 'New research entry'}</h3>
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <div className="research-form-grid">
        <TextField label="Date" type="date" value={values.occurredOn} onChange={set('occurredOn')} error={errors.occurredOn} />
        <TextField label="Title" value={values.title} onChange={set('title')} error={errors.title} placeholder="e.g. Q3 results: new office in Lisbon" autoComplete="off" autoFocus />
        <TextField label="Source link (optional)" type="url" value={values.sourceUrl} onChange={set('sourceUrl')} error={errors.sourceUrl} placeholder="https://" autoComplete="off" />
      </div>
      <TextAreaField label="Summary (optional)" value={values.summary} onChange={set('summary')} error={errors.summary} hint="What it says, and what it might mean for the role or your next conversation." rows={3} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={saving}>
          {saving ? 'Saving…' : entry ? 'Save entry' : 'Add entry'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
