import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import {
  CSV_IMPORT_LIMITS,
  REQUIRED_IMPORT_FIELDS,
  type ColumnMapping,
  type CsvFileInfo,
  type CsvImportCheck,
  type CsvImportResult,
  type DateOrder,
} from '#shared/domain/csv-import';
import { call } from '#renderer/api';
import { Alert } from '#renderer/ui/Alert';
import { messageOf } from '#renderer/ui/message-of';
import { useToast } from '#renderer/ui/toast';
import { useReturnFocus } from '#renderer/ui/useReturnFocus';
import { ColumnMappingStep } from './ColumnMappingStep';
import { ImportPreviewStep } from './ImportPreviewStep';
import { readFileText, type TextEncodingName } from './read-file-text';
import './csv-import.css';

type Step = 'file' | 'map' | 'preview';

const STEP_TITLES: Record<Exclude<Step, 'file'>, string> = {
  map: 'Step 1 of 2: Match the columns',
  preview: 'Step 2 of 2: Check and import',
};

interface CsvImportProps {
  /** Called after a successful import, e.g. to load the list again. */
  onImported?(result: CsvImportResult): void;
  /** Called when the user undoes the import from its notification (the openings went to the trash). */
  onUndone?(): void;
  /** The button that opens the wizard; “Import CSV…” unless told. */
  buttonLabel?: string;
  buttonClassName?: string;
  /** Raised by one each time something else (the command palette) asks for the wizard to open. */
  openRequests?: number;
}

interface LoadedFile {
  name: string;
  text: string;
  encoding: TextEncodingName;
  info: CsvFileInfo;
}

function openingsWord(count: number): string {
  return count === 1 ? '1 opening' : `${count.toLocaleString()} openings`;
}

/**
 * Openings from a spreadsheet: a button that opens a modal wizard (choose a
 * file, match its columns, check every row, import all or none). Escape or
 * Cancel closes it without changing anything; focus goes back to the button.
 */
export function CsvImport({ onImported, onUndone, buttonLabel = 'Import CSV…', buttonClassName = 'button', openRequests = 0 }: CsvImportProps) {
  const [open, setOpen] = useState(openRequests > 0);
  const [seenRequests, setSeenRequests] = useState(openRequests);
  if (openRequests !== seenRequests) {
    setSeenRequests(openRequests);
    if (openRequests > seenRequests) setOpen(true);
  }
  const buttonRef = useReturnFocus<HTMLButtonElement>(open);
  return (
    <>
      <button ref={buttonRef} type="button" className={buttonClassName} onClick={() => setOpen(true)}>
        {buttonLabel}
      </button>
      {open && (
        <CsvImportDialog
          onClose={() => setOpen(false)}
          onUndone={() => onUndone?.()}
          onImported={(result) => {
            setOpen(false);
            onImported?.(result);
          }}
        />
      )}
    </>
  );
}

function CsvImportDialog({ onClose, onImported, onUndone }: { onClose(): void; onImported(result: CsvImportResult): void; onUndone(): void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const fileInputId = useId();
  const toast = useToast();
  const [step, setStep] = useState<Step>('file');
  const [file, setFile] = useState<LoadedFile>();
  const [columns, setColumns] = useState<ColumnMapping>();
  const [dateOrder, setDateOrder] = useState<DateOrder>('unset');
  const [report, setReport] = useState<CsvImportCheck>();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    fileInputRef.current?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
    };
  }, []);

  // Each new step is announced by moving focus to its heading.
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    if (step === 'file') fileInputRef.current?.focus();
    else headingRef.current?.focus();
  }, [step]);

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (!chosen) return;
    setError(undefined);
    if (chosen.size > CSV_IMPORT_LIMITS.maxChars) {
      setError(`“${chosen.name}” is larger than 5 MB. Split it into smaller files and import each.`);
      return;
    }
    setBusy('Reading the file…');
    try {
      const { text, encoding } = await readFileText(chosen);
      const info = await call('csvImport.read', { text });
      // The same columns as before keep the user's choices; a different file starts from the guess.
      const sameHeaders = file && file.info.headers.join('\u0000') === info.headers.join('\u0000');
      setFile({ name: chosen.name, text, encoding, info });
      if (!sameHeaders || !columns) setColumns(info.guess);
      setReport(undefined);
      if (sameHeaders && columns && step === 'preview') await check(text, columns, dateOrder);
      else setStep('map');
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(undefined);
    }
  }

  async function check(text: string, mapping: ColumnMapping, order: DateOrder) {
    setBusy('Checking every row…');
    setError(undefined);
    try {
      setReport(await call('csvImport.check', { text, columns: mapping, dateOrder: order }));
      setStep('preview');
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(undefined);
    }
  }

  async function importAll() {
    if (!file || !columns) return;
    setBusy('Importing…');
    setError(undefined);
    try {
      const result = await call('csvImport.run', { text: file.text, columns, dateOrder });
      const companies = result.newCompanies > 0 ? ` and ${result.newCompanies === 1 ? '1 new company' : `${result.newCompanies} new companies`}` : '';
      toast.show(`Imported ${openingsWord(result.imported)}${companies}.`, {
        action: {
          label: 'Undo',
          run: async () => {
            try {
              const { removed } = await call('csvImport.undo', { openingIds: result.openingIds });
              toast.show(`Import undone: ${openingsWord(removed)} moved to the trash.`);
              onUndone();
            } catch (caught) {
              toast.show(`The import could not be undone. ${messageOf(caught)}`, { tone: 'error' });
            }
          },
        },
      });
      onImported(result);
    } catch (caught) {
      setError(messageOf(caught));
      setBusy(undefined);
    }
  }

  const missingRequired = columns ? REQUIRED_IMPORT_FIELDS.some((field) => columns[field] === null) : true;
  const canImport = step === 'preview' && report !== undefined && report.problems.length === 0 && !busy;

  return (
    <dialog
      ref={dialogRef}
      className="dialog csv-import"
      aria-labelledby={titleId}
      aria-busy={busy ? true : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <h2 id={titleId}>Import openings from a CSV file</h2>
      {step !== 'file' && (
        <h3 className="csv-import-step-title" ref={headingRef} tabIndex={-1}>
          {STEP_TITLES[step]}
        </h3>
      )}

      {step === 'file' && (
        <div className="csv-import-step">
          <p className="field-hint">
            A spreadsheet saved as CSV, with a header row and one opening per row (up to {CSV_IMPORT_LIMITS.maxRows.toLocaleString()} rows and 5 MB). You will match its
            columns to Afterview’s and see every row before anything is added.
          </p>
        </div>
      )}

      {step === 'map' && file && columns && (
        <ColumnMappingStep fileName={file.name} encoding={file.encoding} info={file.info} columns={columns} dateOrder={dateOrder} onColumnsChange={setColumns} onDateOrderChange={setDateOrder} />
      )}
      {step === 'preview' && report && <ImportPreviewStep report={report} />}

      <div className={step === 'file' ? 'field' : 'field csv-import-refile'}>
        <label htmlFor={fileInputId}>{step === 'file' ? 'CSV file' : step === 'map' ? 'Choose a different file' : 'Choose the file again after fixing it'}</label>
        <input ref={fileInputRef} id={fileInputId} type="file" accept=".csv,text/csv" disabled={Boolean(busy)} onChange={(event) => void chooseFile(event)} />
      </div>

      <div role="status" aria-live="polite" className="csv-import-busy">
        {busy}
      </div>
      {error && <Alert tone="error">{error}</Alert>}

      <div className="form-actions">
        {step === 'map' && (
          <button type="button" className="button primary" disabled={missingRequired || Boolean(busy)} onClick={() => file && columns && void check(file.text, columns, dateOrder)}>
            Check rows
          </button>
        )}
        {step === 'preview' && (
          <>
            <button type="button" className="button primary" disabled={!canImport} onClick={() => void importAll()}>
              {report && report.problems.length === 0 ? `Import ${openingsWord(report.rowCount)}` : 'Import'}
            </button>
            <button type="button" className="button" disabled={Boolean(busy)} onClick={() => setStep('map')}>
              Back to columns
            </button>
          </>
        )}
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
