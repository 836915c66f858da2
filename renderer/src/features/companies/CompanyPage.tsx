import { useCallback, useState } from 'react';
import { CONTACT_CHANNEL_LABELS } from '#shared/domain/fields';
import { STAGE_LABELS } from '#shared/domain/opening';
import { call } from '#renderer/api';
import { NotesPanel } from '#renderer/editor/NotesPanel';
import { hrefFor } from '#renderer/router';
import { ExternalLink } from '#renderer/ui/ExternalLink';
import { DetailPage, DetailPending } from '#renderer/ui/DetailPage';
import { orNotFound } from '#renderer/ui/NotFound';
import { Section } from '#renderer/ui/Section';
import { useAsyncData } from '#renderer/ui/useAsyncData';
import { useReturnFocus } from '#renderer/ui/useReturnFocus';
import { CompanyEditForm } from './CompanyEditForm';
import { ResearchLog } from './ResearchLog';
import '#renderer/ui/section.css';
import './companies.css';

export function CompanyPage({ id }: { id: string }) {
  const load = useCallback(() => orNotFound(call('companies.get', { id })), [id]);
  const state = useAsyncData(load);
  const [editing, setEditing] = useState(false);
  const [announcement, setAnnouncement] = useState<string>();
  const editButton = useReturnFocus<HTMLButtonElement>(editing);

  const detail = state.data && state.data.company.id === id ? state.data : undefined;
  if (!detail) return <DetailPending what="company" state={state} back={{ label: 'Back to companies', route: { name: 'companies' } }} />;
  const { company } = detail;

  return (
    <DetailPage
      what="company"
      className="company-page"
      trail={[{ label: 'Companies', route: { name: 'companies' } }]}
      title={company.name}
      about={<p className="subtitle">{company.website ? <ExternalLink href={company.website} /> : 'No website noted'}</p>}
      actions={
        !editing && (
          <button type="button" className="button" ref={editButton} onClick={() => setEditing(true)}>
            Edit company
          </button>
        )
      }
      announcement={announcement ?? ''}
      refreshError={state.error}
    >
      {editing && (
        <CompanyEditForm
          company={company}
          onSaved={(saved) => {
            setEditing(false);
            setAnnouncement(`Saved ${saved.name}.`);
            state.reload();
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

      <NotesPanel parentType="company" parentId={company.id} notes={detail.notes} onChanged={state.reload} />
    </DetailPage>
  );
}
