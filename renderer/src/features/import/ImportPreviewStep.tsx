import type { ReactNode } from 'react';
import type { CsvImportCheck, ImportedRow, RowIssue } from '#shared/domain/csv-import';
import { salaryRange, STAGE_LABELS } from '#shared/domain/opening';
import { Alert } from '#renderer/ui/Alert';
import { formatCalendarDate } from '#renderer/ui/format';

const numberFormat = new Intl.NumberFormat();

function salaryOf(row: ImportedRow): string {
  return salaryRange(row, numberFormat) ?? '';
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? `1 ${one}` : `${count.toLocaleString()} ${many}`;
}

function IssueList({ issues, label }: { issues: RowIssue[]; label: string }) {
  return (
    <ul className="csv-import-issues" aria-label={label}>
      {issues.map((issue) => (
        <li key={issue.line}>
          <span className="strong">Line {issue.line}:</span> {issue.reasons.join(' ')}
        </li>
      ))}
    </ul>
  );
}

interface PreviewColumn {
  label: string;
  cell(row: ImportedRow): ReactNode;
}

const PREVIEW_COLUMNS: PreviewColumn[] = [
  { label: 'Line', cell: (row) => row.line },
  {
    label: 'Company',
    cell: (row) => (
      <>
        {row.companyName}
        {!row.companyExists && <span className="csv-import-new"> new</span>}
      </>
    ),
  },
  { label: 'Role', cell: (row) => row.role },
  { label: 'Stage', cell: (row) => STAGE_LABELS[row.stage] },
  { label: 'Applied', cell: (row) => (row.appliedOn ? formatCalendarDate(row.appliedOn) : '') },
  { label: 'Location', cell: (row) => row.location ?? '' },
  { label: 'Salary', cell: salaryOf },
  { label: 'Source', cell: (row) => row.source ?? '' },
  { label: 'Link', cell: (row) => row.jobUrl ?? '' },
  { label: 'Notes', cell: (row) => (row.notes ? excerpt(row.notes) : '') },
];
/** Always shown; the others only when some row fills them. */
const ALWAYS_SHOWN = new Set(['Line', 'Company', 'Role', 'Stage']);

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}

/** Step 2: the rows as they will be imported, and every row that cannot be. */
export function ImportPreviewStep({ report }: { report: CsvImportCheck }) {
  const { problems, warnings, preview, rowCount, newCompanies, matchedCompanies } = report;
  const columns = PREVIEW_COLUMNS.filter((column) => ALWAYS_SHOWN.has(column.label) || preview.some((row) => column.cell(row) !== ''));
  const companies = [
    newCompanies.length > 0 ? `${plural(newCompanies.length, 'new company', 'new companies')}` : '',
    matchedCompanies > 0 ? `${plural(matchedCompanies, 'company', 'companies')} already in Afterview` : '',
  ].filter(Boolean);
  return (
    <div className="csv-import-step">
      {problems.length > 0 ? (
        <Alert tone="error">
          {plural(problems.length, 'row', 'rows')} of {rowCount.toLocaleString()} cannot be imported, so nothing will be. Fix these rows in the file and try again.
        </Alert>
      ) : (
        <p className="csv-import-summary">
          Ready to import {plural(rowCount, 'opening', 'openings')}
          {companies.length > 0 ? ` (${companies.join(', ')})` : ''}.
        </p>
      )}
      {problems.length > 0 && (
        <section aria-labelledby="csv-import-problems" className="csv-import-section">
          <h4 id="csv-import-problems">Rows with problems</h4>
          <IssueList issues={problems} label="Rows with problems" />
        </section>
      )}
      {warnings.length > 0 && (
        <section aria-labelledby="csv-import-warnings" className="csv-import-section">
          <h4 id="csv-import-warnings">Worth a look</h4>
          <p className="field-hint">These rows will be imported as they are.</p>
          <IssueList issues={warnings} label="Rows worth a look" />
        </section>
      )}
      {preview.length > 0 && (
        <div className="csv-import-table-wrap">
          <table className="table csv-import-table">
            <caption>
              {preview.length < rowCount - problems.length
                ? `The first ${preview.length} of ${plural(rowCount - problems.length, 'importable row', 'importable rows')}`
                : problems.length > 0
                  ? 'The rows without problems'
                  : 'The rows to import'}
            </caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.label} scope="col">
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.map((row) => (
                <tr key={row.line}>
                  {columns.map((column) => (
                    <td key={column.label}>{column.cell(row)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
