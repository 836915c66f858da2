import { useCallback, useState } from 'react';
import { CONTACT_CHANNEL_LABELS } from '../../../../shared/domain/fields';
import { STAGE_LABELS } from '../../../../shared/domain/opening';
import { call } from '../../api';
import { NotesPanel } from '../../editor/NotesPanel';
import { hrefFor } from '../../router';
import { Alert } from '../../ui/Alert';
import { ExternalLink } from '../../ui/ExternalLink';
import { NotFound, orNotFound } from '../../ui/NotFound';
import { Section } from '../../ui/Section';
import { useAsyncData } from '../../ui/useAsyncData';
import { useReturnFocus } from '../../ui/useReturnFocus';
import { CompanyEditForm } from './CompanyEditForm';
import { ResearchLog } from './ResearchLog';
import '../../ui/section.css';
import './companies.css';

export function CompanyPage({ id }: { id: string }) {
  const load = useCallback(() => orNotFound(call('companies.get', { id })), [id]);
  const { data, error, loading, reload } = useAsyncData(load);
  const [editing, setEditing] = useState(false);
  const [announcement, setAnnouncement] = useState<string>();
  const editButton = useReturnFocus<HTMLButtonElement>(editing);

  if (data === null && !loading) return <NotFound what="company" back={{ label: 'Back to companies', route: { name: 'companies' } }} />;
  const detail = data && data.company.id === id ? data : undefined;
  if (!detail) {
    return (
      <section className="page" aria-busy={loading} aria-label="Company">
        {error ? <Alert tone="error">The company could not be loaded: {error}</Alert> : <p className="muted">Loading…</p>}
      </section>
    );
  }
  const { company } = detail;

  return (
    <article className="page company-page" aria-labelledby="company-title">
      <a className="back-link" href={hrefFor({ name: 'companies' })}>
        ← All companies
      </a>
      <header className="page-header">
        <div>
          <h1 id="company-title">{company.name}</h1>
          <p className="subtitle">{company.website ? <ExternalLink href={company.website} /> : 'No website noted'}</p>
        </div>
        {!editing && (
          <button type="button" className="button" ref={editButton} onClick={() => setEditing(true)}>
            Edit company
          </button>
        )}
      </header>

      <div role="status" aria-live="polite" className="sr-only">
        {announcement}
      </div>
      {error && <Alert tone="error">Could not refresh this company: {error}</Alert>}

      {editing && (
        <CompanyEditForm
          company={company}
          onSaved={(saved) => {
            setEditing(false);
            setAnnouncement(`Saved ${saved.name}.`);
            reload();
          }}
          onCancel={() => setEditing(false)}
        />
      )}

      <div className="company-overview">
        <Section title="Openings">
          {detail.openings.length === 0 ? (
            <p className="muted">No openings here at the moment.</p>
          ) : (
            <ul className="plain-list">
              {detail.openings.map((opening) => (
                <li key={opening.id}>
                  <a className="strong" href={hrefFor({ name: 'opening', id: opening.id })}>
                    {opening.role}
                  </a>
                  <span className={`stage stage-${opening.stage}`}>{STAGE_LABELS[opening.stage]}</span>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title="People">
          {detail.contacts.length === 0 ? (
            <p className="muted">Nobody from {company.name} in your contacts yet.</p>
          ) : (
            <ul className="plain-list">
              {detail.contacts.map((contact) => (
                <li key={contact.id}>
                  <a className="strong" href={hrefFor({ name: 'contact', id: contact.id })}>
                    {contact.name}
                  </a>
                  {contact.title && <span className="muted">{contact.title}</span>}
                  {contact.preferredChannel && <span className="badge">Prefers {CONTACT_CHANNEL_LABELS[contact.preferredChannel]}</span>}
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>

      <ResearchLog key={company.id} companyId={company.id} companyName={company.name} entries={detail.research} />

      <NotesPanel parentType="company" parentId={company.id} notes={detail.notes} onChanged={reload} />
    </article>
  );
}
