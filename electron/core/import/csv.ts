/**
 * RFC 4180 CSV, read as spreadsheets actually write it: quoted fields with
 * doubled quotes and line breaks inside, CRLF, LF or lone CR line ends, a
 * UTF-8 byte-order mark, and `,`, `;` or tab as the delimiter (sniffed from
 * the header line). Blank lines are skipped. Every record keeps the line it
 * starts on, so a problem can be pointed at in the file.
 */

export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export interface CsvRecord {
  /** 1-based line of the file on which the record starts. */
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  delimiter: CsvDelimiter;
  records: CsvRecord[];
}

export interface CsvLimits {
  /** Records (header included) beyond which reading stops with an error. */
  maxRecords?: number;
  maxCellsPerRecord?: number;
}

/** A file that is not valid CSV; the message names the line and is shown as is. */
export class CsvSyntaxError extends Error {
  override name = 'CsvSyntaxError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const BOM = '\uFEFF';
const QUOTE = '"';

/** The delimiter used most outside quotes on the first line; a comma when none is. */
export function sniffDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CSV_DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (let index = text.startsWith(BOM) ? 1 : 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === QUOTE) quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char as CsvDelimiter)) counts.set(char as CsvDelimiter, counts.get(char as CsvDelimiter)! + 1);
  }
  let best: CsvDelimiter = ',';
  for (const delimiter of CSV_DELIMITERS) if (counts.get(delimiter)! > counts.get(best)!) best = delimiter;
  return best;
}

export function parseCsv(text: string, options: CsvLimits & { delimiter?: CsvDelimiter } = {}): ParsedCsv {
  const delimiter = options.delimiter ?? sniffDelimiter(text);
  const maxRecords = options.maxRecords ?? Infinity;
  const maxCells = options.maxCellsPerRecord ?? Infinity;
  const records: CsvRecord[] = [];

  let index = text.startsWith(BOM) ? 1 : 0;
  let line = 1;
  let cells: string[] = [];
  let cell = '';
  let recordLine = 1;
  // A record of one empty, unquoted cell is a blank line, not data.
  let anyQuoted = false;

  function endCell() {
    cells.push(cell);
    cell = '';
    if (cells.length > maxCells) {
      throw new CsvSyntaxError(`Line ${recordLine} has more than ${maxCells} columns. Is this the right file?`, recordLine);
    }
  }
  function endRecord() {
    endCell();
    const blank = cells.length === 1 && cells[0] === '' && !anyQuoted;
    if (!blank) {
      if (records.length >= maxRecords) {
        throw new CsvSyntaxError(`The file has more than ${(maxRecords - 1).toLocaleString('en')} rows. Split it into smaller files and import each.`, recordLine);
      }
      records.push({ line: recordLine, cells });
    }
    cells = [];
    anyQuoted = false;
  }
  /** Consumes a line break at `index` if there is one; true when it did. */
  function takeLineBreak(): boolean {
    const char = text[index];
    if (char === '\r') {
      index += text[index + 1] === '\n' ? 2 : 1;
    } else if (char === '\n') {
      index += 1;
    } else return false;
    line += 1;
    return true;
  }

  while (index < text.length) {
    // A quote opens a quoted field only at the start of a field.
    if (text[index] === QUOTE && cell.length === 0) {
      // A quoted field: runs to the next quote not doubled.
      const openedOn = line;
      anyQuoted = true;
      index += 1;
      // Whole runs between quotes at a time: the usual cell has none inside.
      for (;;) {
        const quote = text.indexOf(QUOTE, index);
        if (quote === -1) {
          throw new CsvSyntaxError(`Line ${openedOn}: a quoted field is never closed. Look for a missing " on that line.`, openedOn);
        }
        const run = text.slice(index, quote);
        line += countLineBreaks(run);
        cell += run;
        index = quote + 1;
        if (text[index] === QUOTE) {
          cell += QUOTE;
          index += 1;
          continue;
        }
        break;
      }
      // After the closing quote only a delimiter, a line end or the end of the file may follow.
      const next = text[index];
      if (next === delimiter) {
        index += 1;
        endCell();
      } else if (next === undefined) {
        // The loop ends; the record is closed below.
      } else if (next === '\r' || next === '\n') {
        takeLineBreak();
        endRecord();
        recordLine = line;
      } else {
        throw new CsvSyntaxError(`Line ${line}: text follows a closing quote. Quotes inside a quoted field must be doubled ("").`, line);
      }
      if (next === undefined) break;
      continue;
    }

    const char = text[index]!;
    if (char === delimiter) {
      index += 1;
      endCell();
    } else if (takeLineBreak()) {
      endRecord();
      recordLine = line;
    } else {
      // The rest of an unquoted field; a quote inside it is kept as it is, as spreadsheets do.
      let end = index + 1;
      while (end < text.length) {
        const next = text[end];
        if (next === delimiter || next === '\n' || next === '\r') break;
        end += 1;
      }
      cell += text.slice(index, end);
      index = end;
    }
  }
  // The last record, unless the file ended with a line break.
  if (cell !== '' || cells.length > 0 || anyQuoted) endRecord();
  return { delimiter, records };
}

function countLineBreaks(run: string): number {
  let count = 0;
  for (let at = 0; at < run.length; at++) {
    const char = run[at];
    if (char === '\n') count += 1;
    else if (char === '\r') {
      count += 1;
      if (run[at + 1] === '\n') at += 1;
    }
  }
  return count;
}

/** Quotes a cell when it has to, or when it holds any delimiter, so a reader sniffing the header is never misled. */
function formatCell(cell: string): string {
  if (/["\r\n,;\t]/.test(cell)) {
    return `${QUOTE}${cell.replaceAll(QUOTE, QUOTE + QUOTE)}${QUOTE}`;
  }
  return cell;
}

/** The inverse of parseCsv: CRLF line ends, as RFC 4180 asks. A row of one empty cell is written as "" so it survives. */
export function writeCsv(rows: readonly (readonly string[])[], delimiter: CsvDelimiter = ','): string {
  return rows
    .map((row) => (row.length === 1 && row[0] === '' ? '""' : row.map(formatCell).join(delimiter)))
    .map((line) => `${line}\r\n`)
    .join('');
}
