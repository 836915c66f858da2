import { useState, type FormEvent } from 'react';
import type { Company } from '../../../../shared/domain/company';
import { newOpeningSchema, STAGE_LABELS, STAGES, type Opening, type Stage } from '../../../../shared/domain/opening';
import { ApiError, call } from '../../api';
import { Alert } from '../../ui/Alert';
import { TextField } from '../../ui/TextField';

type FieldErrors = Partial<Record<'companyName' | 'role' | 'jobUrl' | 'stage', string>>;

interface AddOpeningFormProps {
  companies: Company[];
  onAdded(opening: Opening): void;
  onCancel(): void;
}

/** Company and role are all it takes; the same schema as the core checks the rest. */
export function AddOpeningForm({ companies, onAdded, onCancel }: AddOpeningFormProps) {
  const [companyName, setCompanyName] = useState('');
  const [role, setRole] = useState('');
  const [jobUrl, setJobUrl] = useState('');
  const [stage, setStage] = useState<Stage>('interested');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { companyName, role, jobUrl, stage };
    const parsed = newOpeningSchema.safeParse(input);
    if (!parsed.success) {
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof FieldErrors;
        next[key] ??= issue.message;
      }
      setErrors(next);
      setFormError(undefined);
      return;
    }
    setErrors({});
    setFormError(undefined);
    setSaving(true);
    try {
      onAdded(await call('openings.create', input));
    } catch (caught) {
      if (caught instanceof ApiError && caught.field && caught.field in { companyName: 1, role: 1, jobUrl: 1, stage: 1 }) {
        setErrors({ [caught.field]: caught.message });
      } else {
        setFormError(caught instanceof Error ? caught.message : String(caught));
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="panel add-opening" aria-labelledby="add-opening-title" noValidate onSubmit={submit}>
      <h2 id="add-opening-title">Add an opening</h2>
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="form-grid">
        <TextField
          label="Company"
          name="companyName"
          value={companyName}
          onChange={(event) => setCompanyName(event.target.value)}
          error={errors.companyName}
          list="known-companies"
          autoComplete="off"
          autoFocus
          required
        />
        <datalist id="known-companies">
          {companies.map((company) => (
            <option key={company.id} value={company.name} />
          ))}
        </datalist>
        <TextField label="Role" name="role" value={role} onChange={(event) => setRole(event.target.value)} error={errors.role} autoComplete="off" required />
        <TextField
          label="Job link (optional)"
          name="jobUrl"
          type="url"
          value={jobUrl}
          onChange={(event) => setJobUrl(event.target.value)}
          error={errors.jobUrl}
          placeholder="https://"
          autoComplete="off"
        />
        <div className="field">
          <label htmlFor="opening-stage">Stage</label>
          <select id="opening-stage" value={stage} onChange={(event) => setStage(event.target.value as Stage)}>
            {STAGES.map((value) => (
              <option key={value} value={value}>
                {STAGE_LABELS[value]}
              </option>
            ))}
          </select>
          {errors.stage && <p className="field-error">{errors.stage}</p>}
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={saving}>
          {saving ? 'Adding…' : 'Add opening'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
