import { useCallback, useState } from 'react';
import type { ReferenceWithUses } from '#shared/domain/reference';
import { call } from '#renderer/api';
import { hrefFor, navigate } from '#renderer/router';
import { ConfirmDialog } from '#renderer/ui/ConfirmDialog';
import { formatDate } from '#renderer/ui/format';
import { messageOf } from '#renderer/ui/message-of';
import { DetailPage, DetailPending } from '#renderer/ui/DetailPage';
import { orNotFound } from '#renderer/ui/NotFound';
import { Section } from '#renderer/ui/Section';
import { useToast } from '#renderer/ui/toast';
import { useAsyncData } from '#renderer/ui/useAsyncData';
import { formValueOf, ReferenceForm } from './ReferenceForm';
import { PermissionBadge, thanksDue } from './reference-status';
import './references.css';

/** One reference: their details and permission, and the brief for each opening they are used for. */
export function ReferencePage({ id }: { id: string }) {
  const load = useCallback(() => orNotFound(call('references.get', { id })), [id]);
  const state = useAsyncData(load);
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const toast = useToast();

  const data = state.data && state.data.id === id ? state.data : undefined;
  if (!data) return <DetailPending what="reference" state={state} back={{ label: 'Back to references', route: { name: 'references' } }} />;
  const reference: ReferenceWithUses = data;

  async function thank(openingId: string, thanked: boolean) {
    try {
      await call('references.brief.markThanked', { openingId, referenceId: id, thanked });
      state.reload();
    } catch (caught) {
      toast.show(`Could not update it: ${messageOf(caught)}`, { tone: 'error' });
    }
  }

  async function remove() {
    setConfirmingDelete(false);
    try {
      await call('references.delete', { id });
    } catch (caught) {
      toast.show(`Could not delete the reference: ${messageOf(caught)}`, { tone: 'error' });
      return;
    }
    navigate({ name: 'references' });
    toast.show(`${reference.name} is in the trash.`);
  }

  return (
    <DetailPage
      what="reference"
      trail={[{ label: 'References', route: { name: 'references' } }]}
      title={reference.name}
      about={
        <p className="subtitle">
          {reference.relationship && <>{reference.relationship} — </>}
          <PermissionBadge reference={reference} />
        </p>
      }
      actions={
        <>
          {!editing && (
            <button type="button" className="button" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          <button type="button" className="button quiet danger-text" onClick={() => setConfirmingDelete(true)}>
            Delete…
          </button>
        </>
      }
      actionsClassName="form-actions"
      refreshError={state.error}
    >
      {editing ? (
        <ReferenceForm
          initial={formValueOf(reference)}
          submitLabel="Save"
          onCancel={() => setEditing(false)}
          onSubmit={async (value) => {
            await call('references.update', { id, ...value });
            setEditing(false);
            state.reload();
          }}
        />
      ) : (
        <dl className="facts-list">
          <div className="fact">
            <dt>E-mail</dt>
            <dd>{reference.email ?? <span className="muted">Not set</span>}</dd>
          </div>
          <div className="fact">
            <dt>Phone</dt>
            <dd>{reference.phone ?? <span className="muted">Not set</span>}</dd>
          </div>
          <div className="fact">
            <dt>Asked</dt>
            <dd>{reference.askedAt ? formatDate(reference.askedAt) : <span className="muted">Not yet</span>}</dd>
          </div>
          <div className="fact">
            <dt>Answered</dt>
            <dd>{reference.answeredAt ? formatDate(reference.answeredAt) : <span className="muted">Not yet</span>}</dd>
          </div>
          {reference.notes && (
            <div className="fact">
              <dt>Notes</dt>
              <dd>{reference.notes}</dd>
            </div>
          )}
        </dl>
      )}

      <Section title="Briefs">
        {reference.uses.length === 0 ? (
          <p className="muted">Not used for an opening yet. Add them from an opening’s References section.</p>
        ) : (
          <ul className="reference-list" aria-label="Briefs">
            {reference.uses.map((use) => (
              <li key={use.openingId}>
                <div className="reference-row-head">
                  <a href={hrefFor({ name: 'opening', id: use.openingId })}>
                    {use.role} at {use.companyName}
                  </a>
                  <span>{use.briefedAt ? `Brief sent ${formatDate(use.briefedAt)}` : 'Brief not sent yet'}</span>
                  {use.thankedAt && <span>Thanked {formatDate(use.thankedAt)}</span>}
                </div>
                <div className="form-actions">
                  <a className="button small" href={hrefFor({ name: 'brief', referenceId: id, openingId: use.openingId })}>
                    {use.briefedAt ? 'Open the brief' : 'Write the brief'}
                  </a>
                  {(thanksDue(use.stage) || use.thankedAt) && (
                    <button type="button" className="button small" onClick={() => void thank(use.openingId, !use.thankedAt)}>
                      {use.thankedAt ? 'Not thanked yet' : 'Mark as thanked'}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <ConfirmDialog open={confirmingDelete} title="Delete this reference?" confirmLabel="Move to trash" danger onConfirm={() => void remove()} onCancel={() => setConfirmingDelete(false)}>
        They go to the trash with their briefs, where you can restore them.
      </ConfirmDialog>
    </DetailPage>
  );
}
