import { useState } from 'react';
import { STAGE_LABELS, type Opening } from '../../../../shared/domain/opening';
import { call } from '../../api';
import { Alert } from '../../ui/Alert';
import { formatDate } from '../../ui/format';
import { useAsyncData } from '../../ui/useAsyncData';
import { AddOpeningForm } from './AddOpeningForm';

const loadOpenings = () => call('openings.list');
const loadCompanies = () => call('companies.list');

export function PipelinePage() {
  const openings = useAsyncData(loadOpenings);
  const companies = useAsyncData(loadCompanies);
  const [adding, setAdding] = useState(false);
  const [announcement, setAnnouncement] = useState<string>();

  function added(opening: Opening) {
    setAdding(false);
    setAnnouncement(`Added ${opening.role} at ${opening.companyName}.`);
    openings.reload();
    companies.reload();
  }

  const list = openings.data ?? [];
  return (
    <section aria-labelledby="pipeline-title" className="page">
      <header className="page-header">
        <div>
          <h1 id="pipeline-title">Pipeline</h1>
          {list.length > 0 && <p className="subtitle">{list.length === 1 ? '1 opening' : `${list.length} openings`}</p>}
        </div>
        {!adding && (
          <button type="button" className="button primary" onClick={() => setAdding(true)}>
            Add opening
          </button>
        )}
      </header>

      <div role="status" aria-live="polite" className="sr-only">
        {announcement}
      </div>
      {openings.error && <Alert tone="error">The pipeline could not be loaded: {openings.error}</Alert>}
      {adding && <AddOpeningForm companies={companies.data ?? []} onAdded={added} onCancel={() => setAdding(false)} />}

      {!openings.loading && !openings.error && list.length === 0 && !adding && (
        <div className="empty">
          <h2>Your pipeline is empty</h2>
          <p>Add each job you are pursuing. Afterview then keeps its interviews, people and notes together and reminds you what to do after every conversation.</p>
          <button type="button" className="button primary" onClick={() => setAdding(true)}>
            Add your first opening
          </button>
        </div>
      )}

      {list.length > 0 && (
        <table className="table">
          <caption className="sr-only">Openings, most recently changed first</caption>
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Company</th>
              <th scope="col">Stage</th>
              <th scope="col">Added</th>
            </tr>
          </thead>
          <tbody>
            {list.map((opening) => (
              <tr key={opening.id}>
                <td className="strong">{opening.role}</td>
                <td>{opening.companyName}</td>
                <td>
                  <span className={`stage stage-${opening.stage}`}>{STAGE_LABELS[opening.stage]}</span>
                </td>
                <td>
                  <time dateTime={opening.createdAt}>{formatDate(opening.createdAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
