import { useId, useState } from 'react';
import type { Company } from '#shared/domain/company';
import { contactPatchSchema, newContactSchema, type Contact } from '#shared/domain/contact';
import { CONTACT_CHANNEL_LABELS, CONTACT_CHANNELS, type ContactChannel } from '#shared/domain/fields';
import { SelectField } from '#renderer/ui/Field';
import { issuesToErrors } from '#renderer/ui/forms';
import { TextField } from '#renderer/ui/TextField';
import { useFormSubmit } from '#renderer/ui/useFormSubmit';
import { Form } from '#renderer/ui/Form';

export interface ContactValues {
  name: string;
  title: string;
  companyName: string;
  email: string;
  phone: string;
  linkedinUrl: string;
  preferredChannel: ContactChannel | '';
}

const FIELDS = ['name', 'title', 'companyName', 'email', 'phone', 'linkedinUrl', 'preferredChannel'] as const;

export function valuesOf(contact?: Contact): ContactValues {
  return {
    name: contact?.name ?? '',
    title: contact?.title ?? '',
    companyName: contact?.companyName ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    linkedinUrl: contact?.linkedinUrl ?? '',
    preferredChannel: contact?.preferredChannel ?? '',
  };
}

interface ContactFormProps {
  title: string;
  submitLabel: string;
  /** The contact being edited; none when adding. */
  contact?: Contact;
  companies: Company[];
  save(values: ContactValues): Promise<void>;
  onCancel(): void;
}

/** Who they are and how to reach them; the same rules as the core, checked before sending. */
export function ContactForm({ title, submitLabel, contact, companies, save, onCancel }: ContactFormProps) {
  const [values, setValues] = useState(() => valuesOf(contact));
  const { errors, busy, submit } = useFormSubmit(FIELDS);
  const companiesId = useId();

  const set = (key: keyof ContactValues) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [key]: event.target.value }) as ContactValues);

  function send() {
    const parsed = contact ? contactPatchSchema.safeParse({ id: contact.id, ...values }) : newContactSchema.safeParse(values);
    return submit(parsed.success ? {} : issuesToErrors(parsed.error), () => save(values));
  }

  return (
    <Form className="panel contact-form" title={title} error={errors.form} busy={busy} submitLabel={submitLabel} busyLabel="Saving…" onSubmit={() => void send()} onCancel={onCancel}>
      <div className="form-grid">
        <TextField label="Name" value={values.name} onChange={set('name')} error={errors.name} autoComplete="off" autoFocus required />
        <TextField label="Title (optional)" value={values.title} onChange={set('title')} error={errors.title} placeholder="e.g. Engineering manager" autoComplete="off" />
        <TextField label="Company (optional)" value={values.companyName} onChange={set('companyName')} error={errors.companyName} list={companiesId} autoComplete="off" />
        <datalist id={companiesId}>
          {companies.map((company) => (
            <option key={company.id} value={company.name} />
          ))}
        </datalist>
        <TextField label="E-mail (optional)" type="email" value={values.email} onChange={set('email')} error={errors.email} autoComplete="off" />
        <TextField label="Phone (optional)" type="tel" value={values.phone} onChange={set('phone')} error={errors.phone} autoComplete="off" />
        <TextField label="LinkedIn profile (optional)" type="url" value={values.linkedinUrl} onChange={set('linkedinUrl')} error={errors.linkedinUrl} placeholder="https://www.linkedin.com/in/…" autoComplete="off" />
        <SelectField
          label="Preferred follow-up channel"
          value={values.preferredChannel}
          onChange={set('preferredChannel')}
          error={errors.preferredChannel}
          hint="The way they asked to be contacted, if they said."
        >
          <option value="">Not known yet</option>
          {CONTACT_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {CONTACT_CHANNEL_LABELS[channel]}
            </option>
          ))}
        </SelectField>
      </div>
    </Form>
  );
}
