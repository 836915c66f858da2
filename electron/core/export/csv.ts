/** A value a CSV cell can hold; null and undefined become an empty cell. */
export type CsvValue = string | number | null | undefined;

// A spreadsheet runs a cell that starts with one of these as a formula (or
// turns it into one): a leading apostrophe keeps it text.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
const BYTE_ORDER_MARK = '\uFEFF';

/** One cell, formula-safe and quoted as RFC 4180 asks when it holds a quote, comma or line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV file: RFC 4180 rows ended by CRLF, with the UTF-8 byte order
 * mark that makes Excel read accents correctly.
 */
export function csvDocument(header: readonly string[], rows: readonly CsvValue[][]): Buffer {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return Buffer.from(BYTE_ORDER_MARK + lines.join('\r\n') + '\r\n', 'utf8');
}
