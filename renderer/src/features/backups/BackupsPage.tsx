import { useEffect, useState } from 'react';
import { BACKUP_REASON_LABELS, type Backup, type PickedBackup } from '#shared/domain/backup';
import { backupFileSource, call, uploadBackupFile } from '#renderer/api';
import { Alert } from '#renderer/ui/Alert';
import { ConfirmDialog } from '#renderer/ui/ConfirmDialog';
import { FileButton } from '#renderer/ui/FileButton';
import { messageOf } from '#renderer/ui/message-of';
import { timeOfDayOptions } from '#renderer/ui/clock';
import { useToast } from '#renderer/ui/toast';
import { useAsyncData } from '#renderer/ui/useAsyncData';
import { backupMadeMessage, describeHoldings, formatMoment, formatSize, restoreLabels, RETENTION_SENTENCE } from './backup-words';
import './backups.css';

const loadBackups = () => call('backups.list');
const dateTime = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', ...timeOfDayOptions() });
/** Survives the reload that follows a restore, so the restored vault's first screen can say what happened. */
const RESTORED_NOTE = 'afterview:restored';

/** What is being restored, waiting for the user's yes: a backup from the list, or a file they picked. */
type Candidate = { kind: 'listed'; backup: Backup } | { kind: 'picked'; picked: PickedBackup };

/** Backups: made daily and before updates, on demand here, and restorable from the list or from any backup file. */
export function BackupsPage() {
  const data = useAsyncData(loadBackups);
  const toast = useToast();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const [candidate, setCandidate] = useState<Candidate | null>(null);
  const fileSource = backupFileSource();

  useEffect(() => {
    const note = sessionStorage.getItem(RESTORED_NOTE);
    if (!note) return;
    sessionStorage.removeItem(RESTORED_NOTE);
    toast.show(note);
  }, [toast]);

  async function working(status: string, work: () => Promise<void>) {
    setBusy(status);
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(undefined);
    }
  }

  const backUpNow = () =>
    working('Backing up and checking…', async () => {
      toast.show(backupMadeMessage(await call('backups.create')));
      data.reload();
    });

  const pickWithDialog = () =>
    working('Checking the file…', async () => {
      const picked = await call('backups.pick', { source: 'dialog' });
      if (picked) setCandidate({ kind: 'picked', picked });
    });

  const pickUploaded = (file: File) =>
    working('Checking the file…', async () => {
      const picked = await call('backups.pick', { uploadId: await uploadBackupFile(file) });
      if (picked) setCandidate({ kind: 'picked', picked: { ...picked, fileName: picked.fileName ?? file.name } });
    });

  function restore(chosen: Candidate) {
    setCandidate(null);
    void working('Restoring…', async () => {
      if (chosen.kind === 'listed') await call('backups.restore', { fileName: chosen.backup.fileName });
      else await call('backups.restorePicked', { id: chosen.picked.id });
      const when = chosen.kind === 'listed' ? chosen.backup.createdAt : chosen.picked.contents.createdAt;
      sessionStorage.setItem(RESTORED_NOTE, when ? `Restored the backup of ${formatMoment(when)}.` : 'Restored the backup.');
      // Every screen shows the restored vault from a fresh start.
      window.location.reload();
    });
  }

  const backups = data.data?.backups ?? [];
  const labels = restoreLabels(backups);
  return (
    <section className="page backups-page" aria-labelledby="backups-title">
      <header className="page-header">
        <div>
          <h1 id="backups-title">Backups</h1>
          <p className="subtitle">
            Every day and before every update, Afterview copies your whole vault, photos included, into one file and checks it. {RETENTION_SENTENCE}
          </p>
        </div>
        <div className="backups-header-actions">
          <button type="button" className="button primary" onClick={() => void backUpNow()} disabled={busy !== undefined}>
            Back up now
          </button>
          {fileSource === 'dialog' ? (
            <button type="button" className="button" onClick={() => void pickWithDialog()} disabled={busy !== undefined}>
              Restore from a file…
            </button>
          ) : (
            <FileButton label="Restore from a file…" accept=".afterview-backup,.sqlite" disabled={busy !== undefined} onFile={(file) => void pickUploaded(file)} />
          )}
        </div>
      </header>
      <div role="status" aria-live="polite" className="backups-status">
        {busy}
      </div>
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
              <th scope="col">Holds</th>
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
                <td>{backup.contents ? describeHoldings(backup.contents) : 'This file cannot be read, so it cannot be restored.'}</td>
                <td>{formatSize(backup.size)}</td>
                <td className="backups-actions">
                  {backup.contents && (
                    <button type="button" className="button small" disabled={busy !== undefined} onClick={() => setCandidate({ kind: 'listed', backup })} aria-label={labels.get(backup.fileName)}>
                      Restore…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog open={candidate !== null} title="Restore this backup?" confirmLabel="Restore" danger onConfirm={() => candidate && restore(candidate)} onCancel={() => setCandidate(null)}>
        {candidate && <CandidateDescription candidate={candidate} />}
      </ConfirmDialog>
    </section>
  );
}

/** What the confirmation says: where the vault goes back to, what it will hold, and that the current vault is kept. */
function CandidateDescription({ candidate }: { candidate: Candidate }) {
  const contents = candidate.kind === 'listed' ? candidate.backup.contents! : candidate.picked.contents;
  const when = contents.createdAt ? `as it was on ${formatMoment(contents.createdAt)}` : 'as it was when this older backup was made';
  return (
    <>
      {candidate.kind === 'picked' && (
        <p>
          <strong>{candidate.picked.fileName ?? 'The file you picked'}</strong> is a good backup
          {contents.appVersion ? `, made by Afterview ${contents.appVersion}` : ''}.
        </p>
      )}
      <p>
        Your vault goes back {when}: {describeHoldings(contents)}.
        {!contents.includesPhotos && ' The photos you have now stay as they are.'}
      </p>
      <p>Afterview first keeps the vault as it is now as a backup, so you can change your mind.</p>
    </>
  );
}
