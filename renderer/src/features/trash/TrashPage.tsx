import { useState } from 'react';
import { TRASH_KINDS, type TrashItem, type TrashKind } from '#shared/domain/trash';
import { ApiError, call } from '#renderer/api';
import { hrefFor, navigate, type Route } from '#renderer/router';
import { Alert } from '#renderer/ui/Alert';
import { ConfirmDialog } from '#renderer/ui/ConfirmDialog';
import { formatDateTime, formatRelative } from '#renderer/ui/format';
import { useNow } from '#renderer/ui/useNow';
import { useToast } from '#renderer/ui/toast';
import { useAsyncData } from '#renderer/ui/useAsyncData';
import './trash.css';
import { messageOf } from '#renderer/ui/message-of';

const loadTrash = () => call('trash.list');

const GROUP_TITLES: Record<TrashKind, string> = {
  opening: 'Openings',
  interview: 'Interviews',
  contact: 'Contacts',
  note: 'Notes',
  research: 'Research entries',
  letter: 'Letters',
  reference: 'References',
  card: 'Business card photos',
};

/** Where a restored item lives, when it has a page of its own. */
function routeFor(item: TrashItem): Route | undefined {
  switch (item.kind) {
    case 'opening':
      return { name: 'opening', id: item.id };
    case 'interview':
      return { name: 'interview', id: item.id };
    case 'contact':
      return { name: 'contact', id: item.id };
    case 'letter':
      return { name: 'letter', id: item.id };
    case 'reference':
      return { name: 'reference', id: item.id };
    default:
      return undefined;
  }
}

function itemsLabel(count: number): string {
  return count === 1 ? '1 item' : `${count} items`;
}

export function TrashPage() {
  const trash = useAsyncData(loadTrash);
  const toast = useToast();
  const now = useNow();
  const [restored, setRestored] = useState<string[]>([]);
  const [busy, setBusy] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [confirmingEmpty, setConfirmingEmpty] = useState(false);
  const [announcement, setAnnouncement] = useState<string>();

  const items = (trash.data ?? []).filter((item) => !restored.includes(`${item.kind}:${item.id}`));

  async function restore(item: TrashItem) {
    const key = `${item.kind}:${item.id}`;
    setBusy(key);
    setProblem(undefined);
    try {
      await call('trash.restore', { kind: item.kind, id: item.id });
      setRestored((list) => [...list, key]);
      const route = routeFor(item);
      setAnnouncement(`Restored “${item.title}”.`);
      toast.show(`“${item.title}” is back.`, route ? { action: { label: 'Open', run: () => navigate(route) } } : undefined);
      trash.reload();
    } catch (caught) {
      const message = messageOf(caught);
      setProblem(caught instanceof ApiError && caught.code === 'CONFLICT' ? `“${item.title}” can’t be restored yet. ${message}` : `“${item.title}” could not be restored: ${message}`);
    } finally {
      setBusy(undefined);
    }
  }

  async function emptyTrash() {
    setConfirmingEmpty(false);
    setProblem(undefined);
    try {
      const { removed } = await call('trash.empty');
      toast.show(removed === 0 ? 'The trash was already empty.' : `Deleted ${itemsLabel(removed)} for good.`);
      setAnnouncement('The trash is empty.');
      trash.reload();
    } catch (caught) {
      setProblem(`The trash could not be emptied: ${messageOf(caught)}`);
    }
  }

  const groups = TRASH_KINDS.map((kind) => ({ kind, items: items.filter((item) => item.kind === kind) })).filter((group) => group.items.length > 0);

  return (
    <section className="page trash" aria-labelledby="trash-title">
      <header className="page-header">
        <div>
          <h1 id="trash-title">Trash</h1>
          {items.length > 0 && <p className="subtitle">{itemsLabel(items.length)} · kept until you empty the trash</p>}
        </div>
        {items.length > 0 && (
          <button type="button" className="button danger" onClick={() => setConfirmingEmpty(true)}>
            Empty trash…
          </button>
        )}
      </header>

      <div role="status" aria-live="polite" className="sr-only">
        {announcement}
      </div>
      {trash.error && <Alert tone="error">The trash could not be loaded: {trash.error}</Alert>}
      {problem && <Alert tone="error">{problem}</Alert>}

      {trash.data !== undefined && items.length === 0 && (
        <div className="empty">
          <h2>The trash is empty</h2>
          <p>What you delete waits here, so you can bring it back if you change your mind.</p>
          <a className="button" href={hrefFor({ name: 'pipeline' })}>
            Back to the pipeline
          </a>
        </div>
      )}

      {groups.map((group) => (
        <section key={group.kind} className="trash-group" aria-labelledby={`trash-${group.kind}`}>
          <h2 id={`trash-${group.kind}`}>
            {GROUP_TITLES[group.kind]} <span className="trash-count">{group.items.length}</span>
          </h2>
          <ul className="trash-list">
            {group.items.map((item) => {
              const key = `${item.kind}:${item.id}`;
              return (
                <li key={key} className="trash-item">
                  <div className="trash-text">
                    <span className="strong">{item.title}</span>
                    {item.context && <span className="trash-context">{item.context}</span>}
                    <span className="trash-context">
                      Deleted{' '}
                      <time dateTime={item.deletedAt} title={formatDateTime(item.deletedAt)}>
                        {formatRelative(item.deletedAt, now)}
                      </time>
                    </span>
                  </div>
                  <button type="button" className="button small" aria-label={`Restore ${item.title}`} disabled={busy === key} onClick={() => void restore(item)}>
                    {busy === key ? 'Restoring…' : 'Restore'}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}

      {confirmingEmpty && (
        <ConfirmDialog open danger title="Empty the trash?" confirmLabel={`Delete ${itemsLabel(items.length)} for good`} onConfirm={() => void emptyTrash()} onCancel={() => setConfirmingEmpty(false)}>
          <p>
            {items.length === 1 ? 'The item' : `All ${items.length} items`} in the trash, with any business-card photos, will be deleted for good. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
