import { useState, type FormEvent } from 'react';
import { REFERENCE_PERMISSION_LABELS, REFERENCE_PERMISSIONS, type Reference, type ReferencePermission } from '../../../../shared/domain/reference';
import { Alert } from '../../ui/Alert';
import { errorsFromApi, type FieldErrors } from '../../ui/forms';
import { messageOf } from '../../ui/message-of';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';

export interface ReferenceFormValue {
  name: string;
  relationship: string;
  email: string;
  phone: string;
  permission: ReferencePermission;
  notes: string;
}

const FIELDS = ['name', 'relationship', 'email', 'phone', 'permission', 'notes'] as const;

export function formValueOf(reference?: Reference): ReferenceFormValue {
  return {
    name: reference?.name ?? '',
    relationship: reference?.relationship ?? '',
    email: reference?.email ?? '',
    phone: reference?.phone ?? '',
    permission: reference?.permission ?? 'not_asked',
    notes: reference?.notes ?? '',
  };
}

/** Add or edit a reference: who they are, how to reach them, whether they said yes. */
export function ReferenceForm({ initial, submitLabel, onSubmit, onCancel }: { initial: ReferenceFormValue; submitLabel: string; onSubmit(value: ReferenceFormValue): Promise<void>; onCancel?(): void }) {
  const [value, setValue] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (key: keyof ReferenceFormValue) => (event: { target: { value: string } }) => setValue((previous) => ({ ...previous, [key]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!value.name.trim()) return setErrors({ name: 'Name is required.' });
    setBusy(true);
    setErrors({});
    setError(undefined);
    try {
      await onSubmit(value);
    } catch (caught) {
      const fieldErrors = errorsFromApi(caught, FIELDS);
      setErrors(fieldErrors);
      if (Object.values(fieldErrors).every((message) => !message)) setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="reference-form" onSubmit={(event) => void submit(event)} aria-label={submitLabel}>
      {error && <Alert tone="error">{error}</Alert>}
      <TextField label="Name" value={value.name} error={errors.name} onChange={set('name')} maxLength={200} />
      <TextField label="How you know them" value={value.relationship} error={errors.relationship} placeholder="Former manager at …" onChange={set('relationship')} />
      <TextField label="E-mail" type="email" value={value.email} error={errors.email} onChange={set('email')} />
      <TextField label="Phone" value={value.phone} error={errors.phone} onChange={set('phone')} />
      <SelectField label="Permission" value={value.permission} error={errors.permission} hint="Ask before you give anyone's name." onChange={set('permission')}>
        {REFERENCE_PERMISSIONS.map((option) => (
          <option key={option} value={option}>
            {REFERENCE_PERMISSION_LABELS[option]}
          </option>
        ))}
      </SelectField>
      <TextField label="Notes" value={value.notes} error={errors.notes} onChange={set('notes')} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
