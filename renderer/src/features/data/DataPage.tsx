import { useState } from 'react';
import { useAddressIntent } from '#renderer/address-intent';
import { vaultExportTarget } from '#renderer/api';
import { Alert } from '#renderer/ui/Alert';
import { Section } from '#renderer/ui/Section';
import { useToast } from '#renderer/ui/toast';
import { CsvImport } from '../import/CsvImport';
import { useLockStatus } from '../lock/lock-state';
import { DATA_PATH, EXPORT_VAULT_INTENT, IMPORT_CSV_INTENT } from './data-intents';
import { downloadedMessage, downloadFileExport, type FileExport } from './file-exports';
import { JobProgress } from './JobProgress';
import { useVaultExport } from './useVaultExport';
import { VaultExportDialog } from './VaultExportDialog';
import { VaultImport } from './VaultImport';
import './data.css';
import { messageOf } from '#renderer/ui/message-of';

/** Import & export: the pipeline for a spreadsheet, interviews for a calendar, and the whole vault. */
export function DataPage() {
  const toast = useToast();
  const [busy, setBusy] = useState<FileExport | null>(null);
  const [error, setError] = useState<string>();
  const vault = useVaultExport();
  const toZip = vaultExportTarget() === 'zip';
  const protection = useLockStatus().status?.protection ?? 'none';
  const [choosing, setChoosing] = useState(false);
  const [importRequests, setImportRequests] = useState(0);
  // The command palette's "Export whole vault…" and "Import openings from CSV…" land here.
  useAddressIntent(DATA_PATH, EXPORT_VAULT_INTENT, () => setChoosing(true));
  useAddressIntent(DATA_PATH, IMPORT_CSV_INTENT, () => setImportRequests((count) => count + 1));

  async function download(channel: FileExport) {
    setBusy(channel);
    setError(undefined);
    try {
      const saved = await downloadFileExport(channel);
      if (saved) toast.show(downloadedMessage(saved));
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(null);
    }
  }

  const state = vault.state;
  return (
    <section className="page data-page" aria-labelledby="data-title">
      <header className="page-header">
        <div>
          <h1 id="data-title">Import &amp; export</h1>
          <p className="subtitle">Take your job search with you. Exports are made on this computer and go only where you save them.</p>
        </div>
      </header>
      {error && <Alert tone="error">{error}</Alert>}


      <Section title="Pipeline as a spreadsheet">
        <p className="data-explain">
          One row per opening: company, role, stage, dates, salary, next step, how many interviews and touchpoints, and the text of its notes. Opens in Excel, Numbers or
          Google Sheets.
        </p>
        <div>
          <button type="button" className="button" disabled={busy !== null} onClick={() => void download('exports.pipelineCsv')}>
            {busy === 'exports.pipelineCsv' ? 'Preparing…' : 'Download pipeline (CSV)'}
          </button>
        </div>
      </Section>

      <Section title="Interviews for your calendar">
        <p className="data-explain">Every interview as a calendar event with its time, place or meeting link, and who you are meeting. Importing it again updates the same events.</p>
        <div>
          <button type="button" className="button" disabled={busy !== null} onClick={() => void download('exports.interviewsIcs')}>
            {busy === 'exports.interviewsIcs' ? 'Preparing…' : 'Download interviews (.ics)'}
          </button>
        </div>
      </Section>

      <Section title="Whole vault">
        <p className="data-explain">
          Everything, readable without Afterview: one Markdown file per note, opening, company, contact, interview, letter and reference brief, the business-card photos,
          and a complete JSON copy of the vault that Afterview can bring back in. {toZip ? 'It downloads as a .zip file' : 'You save it as one .zip file or as a folder'}, and a .zip can be
          protected with a passphrase.
        </p>
        {state.phase === 'running' ? (
          <JobProgress label="Exporting the whole vault" percent={state.percent} canceling={state.canceling} onCancel={() => void vault.cancel()} />
        ) : (
          <div>
            <button type="button" className="button primary" onClick={() => setChoosing(true)}>
              Export whole vault…
            </button>
          </div>
        )}
        {choosing && (
          <VaultExportDialog
            canWriteFolder={!toZip}
            vaultProtection={protection}
            onCancel={() => setChoosing(false)}
            onExport={(choice) => {
              setChoosing(false);
              void vault.start(choice);
            }}
          />
        )}
        {state.phase === 'saved' && <Alert tone="success">{state.message}</Alert>}
        {state.phase === 'canceled' && <Alert tone="success">Export canceled. Nothing was left behind.</Alert>}
        {state.phase === 'failed' && <Alert tone="error">{state.message}</Alert>}
      </Section>

      <VaultImport />

      <Section title="Import openings from CSV">
        <p className="data-explain">
          Bring in a list kept in a spreadsheet. You match its columns to Afterview's fields and see every row checked before anything is added; a file with a problem
          adds nothing until it is fixed.
        </p>
        <div>
          <CsvImport buttonLabel="Import openings from CSV…" openRequests={importRequests} />
        </div>
      </Section>
    </section>
  );
}
