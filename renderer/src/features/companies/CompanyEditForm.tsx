import { useState, type FormEvent } from 'react';
import { companyPatchSchema, type Company } from '../../../../shared/domain/company';
import { ApiError, call } from '../../api';
import { Alert } from '../../ui/Alert';
import { errorsFromApi, issuesToErrors, type FieldErrors } from '../../ui/forms';
import { TextField } from '../../ui/TextField';

const FIELDS = ['name', 'website'] as const;

/** Rename the company or note its website. */
export function CompanyEditForm({ company, onSaved, onCancel }: { company: Company; onSaved(company: Company): void; onCancel(): void }) {
  const [name, setName] = useState(company.name);
  const [website, setWebsite] = useState(company.website ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { id: company.id, name, website };
    const parsed = companyPatchSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(issuesToErrors(parsed.error));
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      onSaved(await call('companies.update', input));
    } catch (caught) {
      // Two companies cannot share a name; that is always about the name.
      if (caught instanceof ApiError && caught.code === 'CONFLICT' && !caught.field) setErrors({ name: caught.message });
      else setErrors(errorsFromApi(caught, FIELDS));
      setSaving(false);
    }
  }

  return (
    <form
      className="panel"
      aria-labelledby="company-edit-title"
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <h2 id="company-edit-title">Edit company</h2>
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <div className="form-grid">
        <TextField label="Company name" value={name} onChange={(event) => setName(event.target.value)} error={errors.name} autoComplete="off" autoFocus required />
        <TextField label="Website (optional)" type="url" value={website} onChange={(event) => setWebsite(event.target.value)} error={errors.website} placeholder="https://" autoComplete="off" />
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
