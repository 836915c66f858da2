import { useDeferredValue, useState } from 'react';
import { call } from '#renderer/api';
import { hrefFor } from '#renderer/router';
import { Alert } from '#renderer/ui/Alert';
import { useAsyncData } from '#renderer/ui/useAsyncData';
import '#renderer/ui/section.css';
import './companies.css';

const loadCompanies = () => call('companies.list');

function count(value: number, one: string, many: string): string {
  return `${value} ${value === 1 ? one : many}`;
}

export function CompaniesPage() {
  const companies = useAsyncData(loadCompanies);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const all = companies.data ?? [];
  const needle = deferred.trim().toLocaleLowerCase();
  const shown = needle ? all.filter((company) => company.name.toLocaleLowerCase().includes(needle) || (company.website ?? '').toLocaleLowerCase().includes(needle)) : all;

  return (
    <section className="page" aria-labelledby="companies-title">
      <header className="page-header">
        <div>
          <h1 id="companies-title">Companies</h1>
          <p className="subtitle">Every employer you are talking to, with what you have found out about them.</p>
        </div>
      </header>
      {companies.error && <Alert tone="error">Your companies could not be loaded: {companies.error}</Alert>}

      {!companies.loading && !companies.error && all.length === 0 && (
        <div className="empty">
          <h2>No companies yet</h2>
          <p>A company appears here as soon as you add an opening or a contact that works there.</p>
          <p>
            <a href={hrefFor({ name: 'pipeline' })}>Go to the pipeline</a> · <a href={hrefFor({ name: 'contacts' })}>Go to contacts</a>
          </p>
        </div>
      )}

      {all.length > 0 && (
        <>
          <div className="field search-field">
            <label htmlFor="companies-filter">Filter companies</label>
            <input id="companies-filter" type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Company name" autoComplete="off" />
          </div>
          <p className="sr-only" role="status" aria-live="polite">
            {needle ? `${shown.length} of ${all.length} companies shown` : ''}
          </p>
          {shown.length === 0 ? (
            <p className="muted">No company matches “{deferred.trim()}”.</p>
          ) : (
            <table className="table">
              <caption className="sr-only">Companies by name</caption>
              <thead>
                <tr>
                  <th scope="col">Company</th>
                  <th scope="col">Openings</th>
                  <th scope="col">Contacts</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((company) => (
                  <tr key={company.id}>
                    <td>
                      <a className="strong" href={hrefFor({ name: 'company', id: company.id })}>
                        {company.name}
                      </a>
                    </td>
                    <td>{count(company.openingCount, 'opening', 'openings')}</td>
                    <td>{count(company.contactCount, 'contact', 'contacts')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
