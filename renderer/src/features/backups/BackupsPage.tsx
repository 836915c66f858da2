import { useState } from 'react';
import { BACKUP_REASON_LABELS, type Backup } from '../../../../shared/domain/backup';
import { call } from '../../api';
import { Alert } from '../../ui/Alert';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useToast } from '../../ui/toast';
import { useAsyncData } from '../../ui/useAsyncData';
import { backupMadeMessage, formatSize } from './backup-words';
import './backups.css';

const loadBackups = () => call('backups.list');
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Backups: made daily and before updates, on demand here, and restorable. */
export function BackupsPage() {
  const data = useAsyncData(loadBackups);
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [restoring, setRestoring] = useState<Backup | null>(null);

  async function backUpNow() {
    setBusy(true);
    setError(undefined);
    try {
      const backup = await call('backups.create');
      toast.show(backupMadeMessage(backup));
      data.reload();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  async function restore(backup: Backup) {
    setRestoring(null);
    setBusy(true);
    setError(undefined);
    try {
      await call('backups.restore', { fileName: backup.fileName });
      // Every screen shows the restored vault from a fresh start.
      window.location.reload();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  }

  const backups = data.data?.backups ?? [];
  return (
    <section className="page backups-page" aria-labelledby="backups-title">
      <header className="page-header">
        <div>
          <h1 id="backups-title">Backups</h1>
          <p className="subtitle">Afterview backs up your vault every day and before every update, checks each copy, and keeps the newest ten.</p>
        </div>
        <button type="button" className="button primary" onClick={() => void backUpNow()} disabled={busy}>
          {busy ? 'Working…' : 'Back up now'}
        </button>
      </header>
      {error && <Alert tone="error">{error}</Alert>}
      {data.error && <Alert tone="error">The backups could not be listed: {data.error}</Alert>}
      {data.data && <p className="backups-folder">Kept in {data.data.folder}</p>}
      {!data.loading && backups.length === 0 && (
        <div className="empty">
          <h2>No backups yet</h2>
          <p>The first one is made today. You can also make one now, for example before a big clean-up.</p>
        </div>
      )}
      {backups.length > 0 && (
        <table className="table">
          <caption className="sr-only">Backups, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Made</th>
              <th scope="col">Kind</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((backup) => (
              <tr key={backup.fileName}>
                <td>
                  <time dateTime={backup.createdAt}>{dateTime.format(new Date(backup.createdAt))}</time>
                </td>
                <td>{BACKUP_REASON_LABELS[backup.reason]}</td>
                <td>{formatSize(backup.size)}</td>
                <td className="backups-actions">
                  <button type="button" className="button small" disabled={busy} onClick={() => setRestoring(backup)} aria-label={`Restore the backup of ${dateTime.format(new Date(backup.createdAt))}`}>
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={restoring !== null}
        title="Restore this backup?"
        confirmLabel="Restore"
        danger
        onConfirm={() => restoring && void restore(restoring)}
        onCancel={() => setRestoring(null)}
      >
        Your vault goes back to how it was on {restoring ? dateTime.format(new Date(restoring.createdAt)) : ''}. Afterview first keeps the vault as it is now as a backup, so you can change your mind.
      </ConfirmDialog>
    </section>
  );
}
