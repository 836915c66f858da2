import { DATE_ORDER_LABELS, DATE_ORDERS, IMPORT_FIELD_LABELS, IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ColumnMapping, type CsvFileInfo, type DateOrder } from '#shared/domain/csv-import';
import { SelectField } from '#renderer/ui/Field';
import type { TextEncodingName } from './read-file-text';

const DELIMITER_WORDS: Record<CsvFileInfo['delimiter'], string> = { comma: 'commas', semicolon: 'semicolons', tab: 'tabs' };
const NOT_IMPORTED = '';

interface ColumnMappingStepProps {
  fileName: string;
  encoding: TextEncodingName;
  info: CsvFileInfo;
  columns: ColumnMapping;
  dateOrder: DateOrder;
  onColumnsChange(columns: ColumnMapping): void;
  onDateOrderChange(order: DateOrder): void;
}

/** An example from the first row that has one, so the user sees what a column holds. */
function exampleOf(info: CsvFileInfo, column: number | null): string | undefined {
  if (column === null) return undefined;
  const value = info.sample.map((row) => row[column]?.trim() ?? '').find((cell) => cell !== '');
  if (!value) return 'Empty in the first rows.';
  const flat = value.replace(/\s+/g, ' ');
  return `e.g. “${flat.length > 60 ? `${flat.slice(0, 59)}…` : flat}”`;
}

/** Step 1: for each Afterview field, the file's column that fills it. */
export function ColumnMappingStep({ fileName, encoding, info, columns, dateOrder, onColumnsChange, onDateOrderChange }: ColumnMappingStepProps) {
  return (
    <div className="csv-import-step">
      <p className="csv-import-file">
        <span className="strong">{fileName}</span> · {info.rowCount === 1 ? '1 row' : `${info.rowCount.toLocaleString()} rows`} · values separated by {DELIMITER_WORDS[info.delimiter]}
      </p>
      {encoding === 'windows-1252' && (
        <p className="field-hint">
          This file is not UTF-8, so it was read as Windows text (as older Excel versions save it). Check that accented letters look right below; if not, save the
          file as “CSV UTF-8” and choose it again.
        </p>
      )}
      <p className="field-hint">Choose the column that holds each detail. Company and role are needed for every row; the rest may stay empty.</p>
      <div className="csv-import-mapping">
        {IMPORT_FIELDS.map((field) => {
          const required = REQUIRED_IMPORT_FIELDS.includes(field);
          const column = columns[field];
          return (
            <SelectField
              key={field}
              label={required ? `${IMPORT_FIELD_LABELS[field]} (required)` : IMPORT_FIELD_LABELS[field]}
              value={column === null ? NOT_IMPORTED : String(column)}
              hint={exampleOf(info, column)}
              error={required && column === null ? `Choose the column with the ${IMPORT_FIELD_LABELS[field].toLowerCase()}.` : undefined}
              onChange={(event) => onColumnsChange({ ...columns, [field]: event.target.value === NOT_IMPORTED ? null : Number(event.target.value) })}
            >
              <option value={NOT_IMPORTED}>{required ? 'Choose a column' : 'Not imported'}</option>
              {info.headers.map((header, index) => (
                <option key={index} value={index}>
                  {header}
                </option>
              ))}
            </SelectField>
          );
        })}
        {columns.appliedOn !== null && (
          <SelectField
            label="Date order"
            value={dateOrder}
            hint="For dates such as 03/04/2026. Dates that can be read only one way are read that way."
            onChange={(event) => onDateOrderChange(event.target.value as DateOrder)}
          >
            {DATE_ORDERS.map((order) => (
              <option key={order} value={order}>
                {DATE_ORDER_LABELS[order]}
              </option>
            ))}
          </SelectField>
        )}
      </div>
    </div>
  );
}
