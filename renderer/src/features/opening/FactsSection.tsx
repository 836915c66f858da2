import { useId, type ReactNode } from 'react';
import { CONTACT_CHANNEL_LABELS, CONTACT_CHANNELS } from '#shared/domain/fields';
import { openingPatchSchema, type Opening, type OpeningPatchInput } from '#shared/domain/opening';
import { call } from '#renderer/api';
import { issuesToPathErrors } from '#renderer/ui/forms';
import { SelectField } from '#renderer/ui/SelectField';
import { TextField } from '#renderer/ui/TextField';
import { useEditInPlace } from '#renderer/ui/useEditInPlace';
import { Form } from '#renderer/ui/Form';

export type FactKey = Exclude<keyof OpeningPatchInput, 'id' | 'stage'>;

export interface FactField {
  key: FactKey;
  label: string;
  kind: 'text' | 'url' | 'date' | 'money' | 'currency' | 'channel';
  hint?: string;
  placeholder?: string;
  /** Shares a row with its neighbours (salary from, to, currency). */
  compact?: boolean;
}

interface FactsSectionProps {
  title: string;
  /** "Edit the job details": the name of the Edit button for screen readers. */
  editLabel: string;
  opening: Opening;
  fields: FactField[];
  /** The read-only view of the same facts. */
  children: ReactNode;
  onSaved(opening: Opening): void;
}

function draftOf(opening: Opening, fields: FactField[]): Record<FactKey, string> {
  const draft = {} as Record<FactKey, string>;
  for (const field of fields) {
    const value = opening[field.key];
    draft[field.key] = value === null || value === undefined ? '' : String(value);
  }
  return draft;
}

/** A salary as typed ("60 000", "60,000") as a number; anything else is left for the schema to refuse. */
function moneyValue(text: string): number | null {
  const trimmed = text.trim().replace(/[\s,_']/g, '');
  if (trimmed === '') return null;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** A panel of facts with an Edit button; the form checks with the core's own schema, then saves what changed. */
export function FactsSection({ title, editLabel, opening, fields, children, onSaved }: FactsSectionProps) {
  const headingId = useId();
  const { draft, setDraft, editRef, stopEditing, errors, busy, submit } = useEditInPlace<Record<FactKey, string>>(fields.map((field) => field.key));

  function save() {
    if (!draft) return;
    const original = draftOf(opening, fields);
    if (fields.every((field) => draft[field.key] === original[field.key])) {
      stopEditing();
      return;
    }
    const patch: Record<string, unknown> = { id: opening.id };
    for (const field of fields) patch[field.key] = field.kind === 'money' ? moneyValue(draft[field.key]) : draft[field.key];
    const parsed = openingPatchSchema.safeParse(patch);
    return submit(parsed.success ? {} : issuesToPathErrors(parsed.error), async () => {
      onSaved(await call('openings.update', patch as OpeningPatchInput));
      stopEditing();
    });
  }

  function input(field: FactField, first = false) {
    const value = draft?.[field.key] ?? '';
    const onChange = (next: string) => setDraft((current) => (current ? { ...current, [field.key]: next } : current));
    if (field.kind === 'channel') {
      return (
        <SelectField key={field.key} label={field.label} name={field.key} value={value} autoFocus={first} error={errors[field.key]} hint={field.hint} onChange={(event) => onChange(event.target.value)}>
          <option value="">Not known yet</option>
          {CONTACT_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {CONTACT_CHANNEL_LABELS[channel]}
            </option>
          ))}
        </SelectField>
      );
    }
    return (
      <TextField
        key={field.key}
        label={field.label}
        name={field.key}
        type={field.kind === 'url' ? 'url' : field.kind === 'date' ? 'date' : 'text'}
        inputMode={field.kind === 'money' ? 'numeric' : undefined}
        maxLength={field.kind === 'currency' ? 3 : undefined}
        value={value}
        error={errors[field.key]}
        hint={field.hint}
        placeholder={field.placeholder}
        autoComplete="off"
        autoFocus={first}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }

  const compact = fields.filter((field) => field.compact);
  return (
    <section className="panel facts-panel" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>{title}</h2>
        {!draft && (
          <button ref={editRef} type="button" className="button small" aria-label={editLabel} onClick={() => setDraft(draftOf(opening, fields))}>
            Edit
          </button>
        )}
      </div>
      {!draft ? (
        children
      ) : (
        <Form className="facts-form" label={editLabel} error={errors.form} busy={busy} submitLabel="Save" busyLabel="Saving…" onSubmit={() => void save()} onCancel={stopEditing}>
          {fields.map((field, index) => {
            if (!field.compact) return input(field, index === 0);
            if (fields[index - 1]?.compact) return null;
            return (
              <div key={field.key} className="facts-row">
                {compact.map((each) => input(each, index === 0 && each === field))}
              </div>
            );
          })}
        </Form>
      )}
    </section>
  );
}
