import { useState } from 'react';
import { companyPatchSchema, type Company } from '#shared/domain/company';
import { ApiError, call } from '#renderer/api';
import { Form } from '#renderer/ui/Form';
import { errorsFromApi, issuesToErrors } from '#renderer/ui/forms';
import { TextField } from '#renderer/ui/TextField';
import { useFormSubmit } from '#renderer/ui/useFormSubmit';

const FIELDS = ['name', 'website'] as const;

// Two companies cannot share a name; that refusal is always about the name.
const errorsOf = (caught: unknown) => (caught instanceof ApiError && caught.code === 'CONFLICT' && !caught.field ? { name: caught.message } : errorsFromApi(caught, FIELDS));

/** Rename the company or note its website. */
export function CompanyEditForm({ company, onSaved, onCancel }: { company: Company; onSaved(company: Company): void; onCancel(): void }) {
  const [name, setName] = useState(company.name);
  const [website, setWebsite] = useState(company.website ?? '');
  const { errors, busy, submit } = useFormSubmit(FIELDS, errorsOf);

  function save() {
    const input = { id: company.id, name, website };
    const parsed = companyPatchSchema.safeParse(input);
    return submit(parsed.success ? {} : issuesToErrors(parsed.error), async () => onSaved(await call('companies.update', input)));
  }

  return (
    <Form className="panel" title="Edit company" error={errors.form} busy={busy} submitLabel="Save changes" busyLabel="Saving…" onSubmit={() => void save()} onCancel={onCancel}>
      <div className="form-grid">
        <TextField label="Company name" value={name} onChange={(event) => setName(event.target.value)} error={errors.name} autoComplete="off" autoFocus required />
        <TextField label="Website (optional)" type="url" value={website} onChange={(event) => setWebsite(event.target.value)} error={errors.website} placeholder="https://" autoComplete="off" />
      </div>
    </Form>
  );
}
