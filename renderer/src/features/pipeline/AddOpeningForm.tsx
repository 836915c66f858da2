import { useState } from 'react';
import { newOpeningSchema, STAGE_LABELS, STAGES, type Opening, type Stage } from '#shared/domain/opening';
import { call } from '#renderer/api';
import { issuesToPathErrors } from '#renderer/ui/forms';
import { SelectField } from '#renderer/ui/SelectField';
import { TextField } from '#renderer/ui/TextField';
import { useAsyncData } from '#renderer/ui/useAsyncData';
import { useFormSubmit } from '#renderer/ui/useFormSubmit';
import { Form } from '#renderer/ui/Form';

const FIELDS = ['companyName', 'role', 'jobUrl', 'stage', 'location', 'source', 'appliedOn'] as const;

// Only for the company suggestions: read when the form opens, so the pipeline's start does not wait on them.
const loadCompanies = () => call('companies.list');

interface AddOpeningFormProps {
  onAdded(opening: Opening): void;
  onCancel(): void;
}

/** Company and role are all it takes; the same schema as the core checks the rest. */
export function AddOpeningForm({ onAdded, onCancel }: AddOpeningFormProps) {
  const companies = useAsyncData(loadCompanies).data ?? [];
  const [companyName, setCompanyName] = useState('');
  const [role, setRole] = useState('');
  const [jobUrl, setJobUrl] = useState('');
  const [stage, setStage] = useState<Stage>('interested');
  const [location, setLocation] = useState('');
  const [source, setSource] = useState('');
  const [appliedOn, setAppliedOn] = useState('');
  const { errors, busy, submit } = useFormSubmit(FIELDS);

  function add() {
    const input = { companyName, role, jobUrl, stage, location, source, appliedOn };
    const parsed = newOpeningSchema.safeParse(input);
    return submit(parsed.success ? {} : issuesToPathErrors(parsed.error), async () => onAdded(await call('openings.create', input)));
  }

  return (
    <Form className="panel add-opening" title="Add an opening" error={errors.form} busy={busy} submitLabel="Add opening" busyLabel="Adding…" onSubmit={() => void add()} onCancel={onCancel}>
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
        <SelectField label="Stage" name="stage" value={stage} onChange={(event) => setStage(event.target.value as Stage)} error={errors.stage}>
          {STAGES.map((value) => (
            <option key={value} value={value}>
              {STAGE_LABELS[value]}
            </option>
          ))}
        </SelectField>
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
        <TextField
          label="Location (optional)"
          name="location"
          value={location}
          onChange={(event) => setLocation(event.target.value)}
          error={errors.location}
          placeholder="City, or Remote"
          autoComplete="off"
        />
        <TextField
          label="Source (optional)"
          name="source"
          value={source}
          onChange={(event) => setSource(event.target.value)}
          error={errors.source}
          hint="Where you found it: a job board, a referral…"
          autoComplete="off"
        />
        <TextField label="Applied on (optional)" name="appliedOn" type="date" value={appliedOn} onChange={(event) => setAppliedOn(event.target.value)} error={errors.appliedOn} />
      </div>
    </Form>
  );
}
