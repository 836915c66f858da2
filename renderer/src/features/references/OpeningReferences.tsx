import { useId, useState } from 'react';
import type { Stage } from '#shared/domain/opening';
import { call } from '#renderer/api';
import { hrefFor, navigate } from '#renderer/router';
import { Alert } from '#renderer/ui/Alert';
import { messageOf } from '#renderer/ui/message-of';
import { Section } from '#renderer/ui/Section';
import { useToast } from '#renderer/ui/toast';
import { useAsyncData } from '#renderer/ui/useAsyncData';
import { usePlaybook } from '#renderer/saved-settings';
import { PermissionBadge, referencesWarning, thanksDue } from './reference-status';
import './references.css';

const loadReferences = () => call('references.list', undefined);

/** On an opening: who vouches for the user here, whether they said yes, and their briefs. */
export function OpeningReferences({ openingId, stage }: { openingId: string; stage: Stage }) {
  const { data, error, reload } = useAsyncData(loadReferences);
  const [choice, setChoice] = useState('');
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  const { minGrantedReferences } = usePlaybook();
  const selectId = useId();

  const attached = (data ?? []).filter((reference) => reference.uses.some((use) => use.openingId === openingId));
  const others = (data ?? []).filter((reference) => !attached.includes(reference));
  const warning = data ? referencesWarning(stage, attached, minGrantedReferences) : null;

  async function run(what: string, action: () => Promise<void>) {
    setBusy(true);
    try {
      await action();
      reload();
    } catch (caught) {
      toast.show(`Could not ${what}: ${messageOf(caught)}`, { tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title="References" actions={<a href={hrefFor({ name: 'references' })}>All references</a>}>
      {warning && (
        <p className="references-warning" role="alert">
          {warning}
        </p>
      )}
      {error && <Alert tone="error">The references could not be loaded: {error}</Alert>}
      {data !== undefined && attached.length === 0 && <p className="muted">No references for this opening yet.</p>}
      {attached.length > 0 && (
        <ul className="reference-list" aria-label="References for this opening">
          {attached.map((reference) => {
            const use = reference.uses.find((item) => item.openingId === openingId)!;
            return (
              <li key={reference.id}>
                <div className="reference-row-head">
                  <a href={hrefFor({ name: 'reference', id: reference.id })}>
                    <strong>{reference.name}</strong>
                  </a>
                  <PermissionBadge reference={reference} />
                  <span className="muted">{use.briefedAt ? 'Briefed' : 'Not briefed yet'}</span>
                  {thanksDue(stage) && <span className="muted">{use.thankedAt ? 'Thanked' : 'Not thanked yet'}</span>}
                </div>
                <div className="form-actions">
                  <button type="button" className="button small" onClick={() => navigate({ name: 'brief', referenceId: reference.id, openingId })}>
                    {use.briefedAt ? 'Open the brief' : 'Write the brief'}
                  </button>
                  <button
                    type="button"
                    className="button small quiet"
                    disabled={busy}
                    aria-label={`Remove ${reference.name} from this opening`}
                    onClick={() => void run('remove the reference', async () => void (await call('references.detach', { openingId, referenceId: reference.id })))}
                  >
                    Remove
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {others.length > 0 && (
        <div className="reference-attach">
          <label htmlFor={selectId}>Use a reference</label>
          <select id={selectId} value={choice} onChange={(event) => setChoice(event.target.value)}>
            <option value="">Choose…</option>
            {others.map((reference) => (
              <option key={reference.id} value={reference.id}>
                {reference.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button small"
            disabled={busy || !choice}
            onClick={() =>
              void run('add the reference', async () => {
                await call('references.attach', { openingId, referenceId: choice });
                setChoice('');
              })
            }
          >
            Add
          </button>
        </div>
      )}
      {data !== undefined && data.length === 0 && (
        <p className="field-hint">
          <a href={hrefFor({ name: 'references' })}>Add your references</a> first, then choose who to use here.
        </p>
      )}
    </Section>
  );
}
