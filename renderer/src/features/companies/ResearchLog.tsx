import { useState } from 'react';
import type { ResearchEntry } from '#shared/domain/company';
import { call } from '#renderer/api';
import { formatDay } from '#renderer/ui/datetime';
import { ExternalLink } from '#renderer/ui/ExternalLink';
import { messageOf } from '#renderer/ui/message-of';
import { Section } from '#renderer/ui/Section';
import { useToast } from '#renderer/ui/toast';
import { useReturnFocus } from '#renderer/ui/useReturnFocus';
import { ResearchEntryForm, type ResearchValues } from './ResearchEntryForm';

function newestFirst(entries: ResearchEntry[]): ResearchEntry[] {
  return [...entries].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.createdAt.localeCompare(a.createdAt));
}

interface ResearchLogProps {
  companyId: string;
  companyName: string;
  entries: ResearchEntry[];
}

/** What the user keeps learning about the company, dated and sourced, newest first. */
export function ResearchLog({ companyId, companyName, entries: initial }: ResearchLogProps) {
  const [entries, setEntries] = useState(() => newestFirst(initial));
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string>();
  const [announcement, setAnnouncement] = useState<string>();
  const addButton = useReturnFocus<HTMLButtonElement>(adding);
  const toast = useToast();

  async function add(values: ResearchValues) {
    const entry = await call('research.add', { companyId, ...values });
    setEntries((list) => newestFirst([entry, ...list]));
    setAdding(false);
    setAnnouncement(`Added “${entry.title}” to the research log.`);
  }

  async function update(id: string, values: ResearchValues) {
    const entry = await call('research.update', { id, ...values });
    setEntries((list) => newestFirst(list.map((other) => (other.id === id ? entry : other))));
    setEditingId(undefined);
    setAnnouncement(`Saved “${entry.title}”.`);
  }

  async function remove(entry: ResearchEntry) {
    try {
      await call('research.delete', { id: entry.id });
    } catch (caught) {
      toast.show(`Could not delete the entry: ${messageOf(caught)}`, { tone: 'error' });
      return;
    }
    setEntries((list) => list.filter((other) => other.id !== entry.id));
    addButton.current?.focus();
    toast.show(`Deleted “${entry.title}”.`, {
      action: {
        label: 'Undo',
        run: async () => {
          try {
            await call('trash.restore', { kind: 'research', id: entry.id });
            setEntries((list) => newestFirst([entry, ...list.filter((other) => other.id !== entry.id)]));
            setAnnouncement(`Restored “${entry.title}”.`);
          } catch (caught) {
            toast.show(`Could not restore the entry: ${messageOf(caught)}`, { tone: 'error' });
          }
        },
      },
    });
  }

  return (
    <Section
      title="Research log"
      className="research-log"
      actions={
        !adding && (
          <button type="button" className="button" ref={addButton} onClick={() => setAdding(true)}>
            Add entry
          </button>
        )
      }
    >
      <div role="status" aria-live="polite" className="sr-only">
        {announcement}
      </div>
      {adding && <ResearchEntryForm companyId={companyId} save={add} onCancel={() => setAdding(false)} />}
      {entries.length === 0 && !adding ? (
        <div className="empty">
          <p>
            Nothing logged about {companyName} yet. News, launches and hires you note here between rounds let you walk into the next conversation up to date, and show that your interest did not stop at the last one.
          </p>
        </div>
      ) : (
        <ol className="research-entries">
          {entries.map((entry) =>
            entry.id === editingId ? (
              <li key={entry.id} className="research-entry editing">
                <ResearchEntryForm companyId={companyId} entry={entry} save={(values) => update(entry.id, values)} onCancel={() => setEditingId(undefined)} />
              </li>
            ) : (
              <li key={entry.id} className="research-entry">
                <time className="research-date" dateTime={entry.occurredOn}>
                  {formatDay(entry.occurredOn)}
                </time>
                <div className="research-body">
                  <h3>{entry.title}</h3>
                  {entry.summary && <p className="research-summary">{entry.summary}</p>}
                  {entry.sourceUrl && (
                    <p className="research-source">
                      Source: <ExternalLink href={entry.sourceUrl}>{hostOf(entry.sourceUrl)}</ExternalLink>
                    </p>
                  )}
                </div>
                <div className="research-actions">
                  <button type="button" className="button small" aria-label={`Edit “${entry.title}”`} onClick={() => setEditingId(entry.id)}>
                    Edit
                  </button>
                  <button type="button" className="button small quiet danger-text" aria-label={`Delete “${entry.title}”`} onClick={() => void remove(entry)}>
                    Delete
                  </button>
                </div>
              </li>
            ),
          )}
        </ol>
      )}
    </Section>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || url;
  } catch {
    return url;
  }
}
