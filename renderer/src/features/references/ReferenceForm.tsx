import { useState } from 'react';
import { REFERENCE_PERMISSION_LABELS, REFERENCE_PERMISSIONS, type Reference, type ReferencePermission } from '#shared/domain/reference';
import { SelectField } from '#renderer/ui/SelectField';
import { TextField } from '#renderer/ui/TextField';
import { useFormSubmit } from '#renderer/ui/useFormSubmit';
import { Form } from '#renderer/ui/Form';

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
  const { errors, busy, submit } = useFormSubmit(FIELDS);
  const set = (key: keyof ReferenceFormValue) => (event: { target: { value: string } }) => setValue((previous) => ({ ...previous, [key]: event.target.value }));

  function save() {
    return submit(value.name.trim() ? {} : { name: 'Name is required.' }, () => onSubmit(value));
  }

  return (
    <Form className="reference-form" label={submitLabel} error={errors.form} busy={busy} submitLabel={submitLabel} busyLabel="Saving…" onSubmit={() => void save()} onCancel={onCancel}>
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
    </Form>
  );
}
