import { useState } from 'react';
import type { ReferenceWithUses } from '#shared/domain/reference';
import { call } from '#renderer/api';
import { hrefFor } from '#renderer/router';
import { Alert } from '#renderer/ui/Alert';
import { formatDate } from '#renderer/ui/format';
import { Tip } from '#renderer/ui/Tip';
import { usePlaybook } from '#renderer/saved-settings';
import { useToast } from '#renderer/ui/toast';
import { useAsyncData } from '#renderer/ui/useAsyncData';
import { formValueOf, ReferenceForm } from './ReferenceForm';
import { PermissionBadge } from './reference-status';
import './references.css';

const loadReferences = () => call('references.list', undefined);

/** The openings a reference is used for, each linking to its brief. */
export function UsesLine({ reference }: { reference: ReferenceWithUses }) {
  if (reference.uses.length === 0) return <span className="muted">Not used for an opening yet.</span>;
  return (
    <span className="reference-uses">
      Used for{' '}
      {reference.uses.map((use, index) => (
        <span key={use.openingId}>
          {index > 0 && ', '}
          <a href={hrefFor({ name: 'brief', referenceId: reference.id, openingId: use.openingId })}>
            {use.role} at {use.companyName}
          </a>
          {use.briefedAt ? ` (briefed ${formatDate(use.briefedAt)})` : ' (not briefed)'}
        </span>
      ))}
    </span>
  );
}

const peopleInWords = (count: number) => (count === 1 ? 'one person' : `${count} people`);

/** Everyone who may vouch for the user, whether they said yes, and where they are used. */
export function ReferencesPage() {
  const { data, error, reload } = useAsyncData(loadReferences);
  const [adding, setAdding] = useState(false);
  const toast = useToast();
  const minimum = usePlaybook().minGrantedReferences;

  return (
    <section className="page" aria-labelledby="references-title">
      <header className="page-header">
        <div>
          <h1 id="references-title">References</h1>
          <p className="subtitle">{minimum > 0 ? `At least ${peopleInWords(minimum)} who said yes` : 'People who said yes'}, each told what the role is before anyone calls.</p>
        </div>
        {!adding && (
          <button type="button" className="button primary" onClick={() => setAdding(true)}>
            Add a reference
          </button>
        )}
      </header>
      <Tip id="ask_references_first" />
      {adding && (
        <ReferenceForm
          initial={formValueOf()}
          submitLabel="Add reference"
          onCancel={() => setAdding(false)}
          onSubmit={async (value) => {
            const created = await call('references.create', value);
            setAdding(false);
            toast.show(`${created.name} added.`);
            reload();
          }}
        />
      )}
      {error && <Alert tone="error">The references could not be loaded: {error}</Alert>}
      {data === undefined ? (
        !error && <p className="muted" role="status">Loading the references…</p>
      ) : data.length === 0 ? (
        !adding && (
          <div className="empty">
            <h2>No references yet</h2>
            <p>
              Add {minimum > 0 ? `at least ${peopleInWords(minimum)}` : 'people'} who know your work. Ask each of them before you give their name; Afterview then reminds
              you to brief them for each opening.
            </p>
            <button type="button" className="button primary" onClick={() => setAdding(true)}>
              Add your first reference
            </button>
          </div>
        )
      ) : (
        <ul className="reference-list" aria-label="References">
          {data.map((reference) => (
            <li key={reference.id}>
              <div className="reference-row-head">
                <a href={hrefFor({ name: 'reference', id: reference.id })}>
                  <strong>{reference.name}</strong>
                </a>
                {reference.relationship && <span className="muted">{reference.relationship}</span>}
                <PermissionBadge reference={reference} />
              </div>
              <UsesLine reference={reference} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
