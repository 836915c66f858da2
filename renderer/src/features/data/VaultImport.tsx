import { useEffect, useId, useRef, useState } from 'react';
import { IMPORT_KIND_LABELS, type ImportKind, type VaultImportPreview } from '#shared/domain/vault-import';
import { vaultImportSource } from '#renderer/api';
import { Alert } from '#renderer/ui/Alert';
import { Form } from '#renderer/ui/Form';
import { TextField } from '#renderer/ui/TextField';
import { Section } from '#renderer/ui/Section';
import { formatDateTime } from '#renderer/ui/format';
import { JobProgress } from './JobProgress';
import { useVaultImport } from './useVaultImport';

const records = (count: number) => (count === 1 ? '1 record' : `${count.toLocaleString()} records`);

/** Import & export: bringing a whole-vault export back in, photos included, with a preview before anything changes. */
export function VaultImport() {
  const vault = useVaultImport();
  const state = vault.state;
  const upload = vaultImportSource() === 'upload';
  const fileInputId = useId();
  const previewHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state.phase === 'ready') previewHeading.current?.focus();
  }, [state.phase]);

  return (
    <Section title="Bring an export back in">
      <p className="data-explain">
        Brings back a whole-vault export made by Afterview, {upload ? 'from its .zip file' : 'from its folder or its .zip file'}, photos included: on a new computer, or
        to recover what you exported. You see what it holds before anything changes. Nothing already in this vault is overwritten: records that are here already are
        left as they are, and only what is missing is added.
      </p>
      {state.phase === 'reading' || state.phase === 'importing' ? (
        <JobProgress
          label={state.phase === 'reading' ? 'Reading and checking the export' : 'Importing the export'}
          percent={state.percent}
          canceling={state.canceling}
          // The last step adds everything at once, or nothing: it cannot stop half way.
          cancelable={state.phase === 'reading' || state.percent < 100}
          onCancel={() => void vault.cancel()}
        />
      ) : state.phase === 'locked' ? (
        <ExportPassphrase error={state.error} onOpen={(passphrase) => void vault.unlock(passphrase)} onCancel={() => void vault.discard()} />
      ) : state.phase === 'ready' ? (
        <ImportPreview preview={state.preview} headingRef={previewHeading} onConfirm={() => void vault.confirm()} onDiscard={() => void vault.discard()} />
      ) : upload ? (
        <div className="field">
          <label htmlFor={fileInputId}>Afterview export (.zip)</label>
          <input
            id={fileInputId}
            type="file"
            accept=".zip,application/zip"
            onChange={(event) => {
              const chosen = event.target.files?.[0];
              event.target.value = '';
              if (chosen) void vault.upload(chosen);
            }}
          />
        </div>
      ) : (
        <div className="data-actions">
          <button type="button" className="button" onClick={() => void vault.pick('folder')}>
            Import an export folder…
          </button>
          <button type="button" className="button" onClick={() => void vault.pick('zip')}>
            Import an export .zip…
          </button>
        </div>
      )}
      {state.phase === 'imported' && (
        <Alert tone="success">
          Imported {records(state.added)} ({state.kinds.map((kind) => `${IMPORT_KIND_LABELS[kind.kind as ImportKind].toLowerCase()}: ${kind.added.toLocaleString()}`).join(', ')}). Nothing
          that was already here changed.
        </Alert>
      )}
      {state.phase === 'canceled' && (
        <Alert tone="success">{state.what === 'reading' ? 'Stopped reading the export. Nothing was changed.' : 'Import canceled. Nothing was added, and no photo was left behind.'}</Alert>
      )}
      {state.phase === 'failed' && <Alert tone="error">{state.message}</Alert>}
    </Section>
  );
}

/** A protected export's passphrase, asked before anything of it is read. */
function ExportPassphrase({ error, onOpen, onCancel }: { error?: string; onOpen(passphrase: string): void; onCancel(): void }) {
  const [passphrase, setPassphrase] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <Form
      title="This export is protected"
      level={3}
      className="data-import-preview data-passphrase"
      submitLabel="Open the export"
      onSubmit={() => {
        setMissing(passphrase === '');
        if (passphrase !== '') onOpen(passphrase);
      }}
      onCancel={onCancel}
    >
      <p className="data-explain">It was saved with a passphrase. Type it to read what the export holds; nothing changes until you choose to import.</p>
      <TextField
        label="The export’s passphrase"
        type="password"
        autoComplete="off"
        // Focus lands here when the form appears, and again after a wrong passphrase.
        autoFocus
        value={passphrase}
        error={missing ? 'Type the export’s passphrase.' : error}
        onChange={(event) => setPassphrase(event.target.value)}
      />
    </Form>
  );
}

function ImportPreview({ preview, headingRef, onConfirm, onDiscard }: { preview: VaultImportPreview; headingRef: React.RefObject<HTMLHeadingElement | null>; onConfirm(): void; onDiscard(): void }) {
  const kept = preview.kinds.reduce((sum, kind) => sum + kind.kept, 0);
  return (
    <div className="data-import-preview" role="region" aria-labelledby="data-import-ready">
      <h3 id="data-import-ready" ref={headingRef} tabIndex={-1}>
        {preview.toAdd > 0 ? `Ready to import ${records(preview.toAdd)}` : 'Everything in this export is already here'}
      </h3>
      <p className="data-explain">
        Exported {formatDateTime(preview.exportedAt)} by Afterview {preview.appVersion}. The export is complete and checked.{' '}
        {preview.vaultWasEmpty
          ? 'This vault is empty, so everything comes in exactly as it was exported.'
          : kept > 0
            ? `${records(kept)} of the export ${kept === 1 ? 'is' : 'are'} also here in a different version; this vault’s version is kept.`
            : ''}
      </p>
      <div className="csv-import-table-wrap">
        <table className="csv-import-table">
          <caption>What the export holds, and what importing it does</caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">In the export</th>
              <th scope="col">Will be added</th>
              <th scope="col">Already here</th>
              <th scope="col">Here in another version (kept)</th>
            </tr>
          </thead>
          <tbody>
            {preview.kinds.map((kind) => (
              <tr key={kind.kind}>
                <th scope="row">{IMPORT_KIND_LABELS[kind.kind]}</th>
                <td>{kind.inExport.toLocaleString()}</td>
                <td>{kind.added.toLocaleString()}</td>
                <td>{kind.same.toLocaleString()}</td>
                <td>{kind.kept.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="form-actions">
        <button type="button" className="button primary" disabled={preview.toAdd === 0} onClick={onConfirm}>
          {preview.toAdd > 0 ? `Import ${records(preview.toAdd)}` : 'Nothing to import'}
        </button>
        <button type="button" className="button" onClick={onDiscard}>
          {preview.toAdd > 0 ? 'Don’t import' : 'Close'}
        </button>
      </div>
    </div>
  );
}
