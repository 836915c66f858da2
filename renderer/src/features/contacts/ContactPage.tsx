import { useCallback, useState } from 'react';
import { CONTACT_CHANNEL_LABELS } from '#shared/domain/fields';
import { STAGE_LABELS } from '#shared/domain/opening';
import { call } from '#renderer/api';
import { NotesPanel } from '#renderer/editor/NotesPanel';
import { hrefFor, navigate } from '#renderer/router';
import { ConfirmDialog } from '#renderer/ui/ConfirmDialog';
import { formatTimeRange } from '#renderer/ui/datetime';
import { ExternalLink, MailLink } from '#renderer/ui/ExternalLink';
import { messageOf } from '#renderer/ui/message-of';
import { NoteLinks } from '#renderer/ui/NoteLinks';
import { DetailPage, DetailPending } from '#renderer/ui/DetailPage';
import { orNotFound } from '#renderer/ui/NotFound';
import { Section } from '#renderer/ui/Section';
import { useToast } from '#renderer/ui/toast';
import { useAsyncData } from '#renderer/ui/useAsyncData';
import { useReturnFocus } from '#renderer/ui/useReturnFocus';
import { Tip } from '#renderer/ui/Tip';
import { ContactTouchpoints, LinkedInHoldBadge } from '../touchpoints/ContactTouchpoints';
import { BusinessCards } from './BusinessCards';
import { ContactForm, type ContactValues } from './ContactForm';
import '#renderer/ui/section.css';
import './contacts.css';

const loadCompanies = () => call('companies.list');

export function ContactPage({ id }: { id: string }) {
  const load = useCallback(() => orNotFound(call('contacts.get', { id })), [id]);
  const state = useAsyncData(load);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [announcement, setAnnouncement] = useState<string>();
  const toast = useToast();
  const editButton = useReturnFocus<HTMLButtonElement>(editing);

  const detail = state.data && state.data.contact.id === id ? state.data : undefined;
  if (!detail) return <DetailPending what="contact" state={state} back={{ label: 'Back to contacts', route: { name: 'contacts' } }} />;
  const { contact } = detail;

  async function update(values: ContactValues) {
    await call('contacts.update', { id, ...values });
    setEditing(false);
    setAnnouncement('Contact saved.');
    state.reload();
  }

  async function remove() {
    setConfirming(false);
    try {
      await call('contacts.delete', { id });
      navigate({ name: 'contacts' });
      toast.show(`${contact.name} moved to the trash.`, {
        action: {
          label: 'Undo',
          run: async () => {
            try {
              await call('trash.restore', { kind: 'contact', id });
              navigate({ name: 'contact', id });
            } catch (caught) {
              toast.show(`Could not restore ${contact.name}: ${messageOf(caught)}`, { tone: 'error' });
            }
          },
        },
      });
    } catch (caught) {
      toast.show(`Could not delete ${contact.name}: ${messageOf(caught)}`, { tone: 'error' });
    }
  }

  return (
    <DetailPage
      what="contact"
      className="contact-page"
      trail={[{ label: 'Contacts', route: { name: 'contacts' } }]}
      title={contact.name}
      about={
        <>
          {detail.linkedinHold && <LinkedInHoldBadge />}
          {(contact.title || contact.companyName) && (
            <p className="subtitle">
              {contact.title}
              {contact.title && contact.companyName && ' at '}
              {contact.companyName && (contact.companyId ? <a href={hrefFor({ name: 'company', id: contact.companyId })}>{contact.companyName}</a> : contact.companyName)}
            </p>
          )}
        </>
      }
      actions={
        <>
          {!editing && (
            <button type="button" className="button" ref={editButton} onClick={() => setEditing(true)}>
              Edit details
            </button>
          )}
          <button type="button" className="button quiet danger-text" onClick={() => setConfirming(true)}>
            Delete…
          </button>
        </>
      }
      announcement={announcement ?? ''}
      refreshError={state.error}
    >
      {detail.linkedinHold && <Tip id="linkedin_after_process" />}

      {editing ? (
        <EditContact contact={detail.contact} save={update} onCancel={() => setEditing(false)} />
      ) : (
        <Section title="How to reach them">
          <dl className="facts">
            <dt>E-mail</dt>
            <dd>{contact.email ? <MailLink email={contact.email} /> : <span className="muted">Not noted</span>}</dd>
            <dt>Phone</dt>
            <dd>{contact.phone ?? <span className="muted">Not noted</span>}</dd>
            <dt>LinkedIn</dt>
            <dd>
              {contact.linkedinUrl ? (
                <ExternalLink href={contact.linkedinUrl}>Profile on LinkedIn</ExternalLink>
              ) : (
                <span className="muted">Not noted</span>
              )}
              {contact.linkedinUrl && !contact.linkedinUrl.startsWith('https:') && <span className="field-hint"> (only https links open from Afterview)</span>}
              {detail.linkedinHold && <p className="field-hint">Their hiring process is still open: hold the invitation until it is over. Afterview will remind you then.</p>}
            </dd>
            <dt>Prefers</dt>
            <dd>{contact.preferredChannel ? CONTACT_CHANNEL_LABELS[contact.preferredChannel] : <span className="muted">Not known yet — worth asking at the end of an interview</span>}</dd>
          </dl>
        </Section>
      )}

      <BusinessCards contactId={contact.id} contactName={contact.name} cards={detail.cards} onChanged={state.reload} />

      <div className="contact-overview">
        <Section title="Interviews">
          {detail.interviews.length === 0 ? (
            <p className="muted">Not on any interview team yet.</p>
          ) : (
            <ul className="plain-list">
              {detail.interviews.map((interview) => (
                <li key={interview.id}>
                  <a className="strong" href={hrefFor({ name: 'interview', id: interview.id })}>
                    Round {interview.round} · {interview.role}
                  </a>
                  <span className="muted">{interview.companyName}</span>
                  <time className="muted" dateTime={interview.startsAt}>
                    {formatTimeRange(interview.startsAt, interview.endsAt)}
                  </time>
                  {interview.debriefCompleted && <span className="badge badge-done">Debrief done</span>}
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title="Openings">
          {detail.openings.length === 0 ? (
            <p className="muted">No openings linked to them yet.</p>
          ) : (
            <ul className="plain-list">
              {detail.openings.map((opening) => (
                <li key={opening.id}>
                  <a className="strong" href={hrefFor({ name: 'opening', id: opening.id })}>
                    {opening.role}
                  </a>
                  <span className="muted">{opening.companyName}</span>
                  <span className={`stage stage-${opening.stage}`}>{STAGE_LABELS[opening.stage]}</span>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>

      <ContactTouchpoints contact={contact} openings={detail.openings} />

      <NotesPanel parentType="contact" parentId={contact.id} notes={detail.notes} onChanged={state.reload} />

      <Section title="Mentioned in">
        {detail.mentionedIn.length === 0 ? <p className="muted">No other note mentions {contact.name} yet.</p> : <NoteLinks notes={detail.mentionedIn} />}
      </Section>

      <ConfirmDialog open={confirming} title={`Delete ${contact.name}?`} confirmLabel="Move to trash" danger onConfirm={() => void remove()} onCancel={() => setConfirming(false)}>
        {contact.name} goes to the trash, with their card photos and notes. You can restore them from there until you empty it.
      </ConfirmDialog>
    </DetailPage>
  );
}

function EditContact({ contact, save, onCancel }: { contact: Parameters<typeof ContactForm>[0]['contact']; save(values: ContactValues): Promise<void>; onCancel(): void }) {
  const companies = useAsyncData(loadCompanies);
  return <ContactForm title="Edit contact" submitLabel="Save changes" contact={contact} companies={companies.data ?? []} save={save} onCancel={onCancel} />;
}
