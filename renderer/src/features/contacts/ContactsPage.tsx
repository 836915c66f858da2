import { useDeferredValue, useState } from 'react';
import type { Contact } from '#shared/domain/contact';
import { CONTACT_CHANNEL_LABELS } from '#shared/domain/fields';
import { call } from '#renderer/api';
import { hrefFor } from '#renderer/router';
import { Alert } from '#renderer/ui/Alert';
import { ShowMore } from '#renderer/ui/ShowMore';
import { useAsyncData } from '#renderer/ui/useAsyncData';
import { useIncrementalList } from '#renderer/ui/useIncrementalList';
import { useReturnFocus } from '#renderer/ui/useReturnFocus';
import { ContactForm, type ContactValues } from './ContactForm';
import '#renderer/ui/section.css';
import './contacts.css';

const loadContacts = () => call('contacts.list');
const loadCompanies = () => call('companies.list');

function matches(contact: Contact, words: string[]): boolean {
  const text = [contact.name, contact.title, contact.companyName, contact.email].filter(Boolean).join(' ').toLocaleLowerCase();
  return words.every((word) => text.includes(word));
}

export function ContactsPage() {
  const contacts = useAsyncData(loadContacts);
  const companies = useAsyncData(loadCompanies);
  const [adding, setAdding] = useState(false);
  const [query, setQuery] = useState('');
  const [announcement, setAnnouncement] = useState<string>();
  const deferred = useDeferredValue(query);
  const addButton = useReturnFocus<HTMLButtonElement>(adding);

  async function add(values: ContactValues) {
    const contact = await call('contacts.create', values);
    setAdding(false);
    setAnnouncement(`Added ${contact.name}.`);
    contacts.reload();
    companies.reload();
  }

  const all = contacts.data ?? [];
  const words = deferred.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const shown = words.length ? all.filter((contact) => matches(contact, words)) : all;
  const list = useIncrementalList(shown, words.join(' '));

  return (
    <section className="page" aria-labelledby="contacts-title">
      <header className="page-header">
        <div>
          <h1 id="contacts-title">Contacts</h1>
          <p className="subtitle">Interviewers, recruiters and references: everyone you may want to thank or follow up with.</p>
        </div>
        {!adding && (
          <button type="button" className="button primary" ref={addButton} onClick={() => setAdding(true)}>
            Add contact
          </button>
        )}
      </header>

      <div role="status" aria-live="polite" className="sr-only">
        {announcement}
      </div>
      {contacts.error && <Alert tone="error">Your contacts could not be loaded: {contacts.error}</Alert>}
      {adding && <ContactForm title="Add a contact" submitLabel="Add contact" companies={companies.data ?? []} save={add} onCancel={() => setAdding(false)} />}

      {!contacts.loading && !contacts.error && all.length === 0 && !adding && (
        <div className="empty">
          <h2>No contacts yet</h2>
          <p>People you meet in interviews land here when you add them to an interview team. You can also add anyone yourself, such as a recruiter or a reference.</p>
          <button type="button" className="button primary" onClick={() => setAdding(true)}>
            Add your first contact
          </button>
        </div>
      )}

      {all.length > 0 && (
        <>
          <div className="field search-field">
            <label htmlFor="contacts-search">Search contacts</label>
            <input id="contacts-search" type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Name, title or company" autoComplete="off" />
          </div>
          <p className="sr-only" role="status" aria-live="polite">
            {words.length ? `${shown.length} of ${all.length} contacts shown` : ''}
          </p>
          {shown.length === 0 ? (
            <p className="muted">Nobody matches “{deferred.trim()}”.</p>
          ) : (
            <>
              <table className="table">
                <caption className="sr-only">Contacts by name</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Title</th>
                    <th scope="col">Company</th>
                    <th scope="col">Preferred channel</th>
                  </tr>
                </thead>
                <tbody>
                  {list.visible.map((contact) => (
                    <tr key={contact.id}>
                      <td>
                        <a className="strong" href={hrefFor({ name: 'contact', id: contact.id })}>
                          {contact.name}
                        </a>
                      </td>
                      <td>{contact.title ?? <span className="muted">—</span>}</td>
                      <td>{contact.companyName ?? <span className="muted">—</span>}</td>
                      <td>{contact.preferredChannel ? CONTACT_CHANNEL_LABELS[contact.preferredChannel] : <span className="muted">Not known</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <ShowMore list={list} what="contacts" />
            </>
          )}
        </>
      )}
    </section>
  );
}
