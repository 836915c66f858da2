import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_DELIMITERS, CsvSyntaxError, parseCsv, sniffDelimiter, writeCsv } from '#core/import/csv';

const cellsOf = (text: string, delimiter?: ',' | ';' | '\t') => parseCsv(text, { delimiter }).records.map((record) => record.cells);
const linesOf = (text: string) => parseCsv(text).records.map((record) => record.line);

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes and line breaks inside quotes', () => {
    const text = 'Company,Role,Notes\r\n"Acme, Inc.",Engineer,"She said ""call me""\nnext week"\r\nGlobex,Designer,\r\n';
    expect(cellsOf(text)).toEqual([
      ['Company', 'Role', 'Notes'],
      ['Acme, Inc.', 'Engineer', 'She said "call me"\nnext week'],
      ['Globex', 'Designer', ''],
    ]);
  });

  it('treats CRLF, LF and a lone CR alike and counts lines the way an editor does', () => {
    for (const end of ['\r\n', '\n', '\r']) {
      const text = `a,b${end}1,2${end}3,"x${end}y"${end}5,6`;
      expect(cellsOf(text)).toEqual([['a', 'b'], ['1', '2'], ['3', `x${end}y`], ['5', '6']]);
      expect(linesOf(text)).toEqual([1, 2, 3, 5]);
    }
  });

  it('drops a UTF-8 byte-order mark, so the first header is not "\\uFEFFCompany"', () => {
    expect(cellsOf('\uFEFFCompany,Role\nAcme,Dev')[0]).toEqual(['Company', 'Role']);
  });

  it('sniffs a semicolon or tab from the header line, ignoring delimiters inside quotes', () => {
    expect(sniffDelimiter('Company;Role;"Notes, more"\nAcme,Inc;Dev;x')).toBe(';');
    expect(sniffDelimiter('Company\tRole\tStage')).toBe('\t');
    expect(sniffDelimiter('"a;b;c",d')).toBe(',');
    expect(sniffDelimiter('Company')).toBe(',');
    expect(cellsOf('Firma;Stelle\n"Müller; Söhne";Entwickler')).toEqual([['Firma', 'Stelle'], ['Müller; Söhne', 'Entwickler']]);
  });

  it('skips blank lines, trailing ones included, but keeps a quoted empty value', () => {
    expect(cellsOf('a,b\n\n1,2\n\n\r\n\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(linesOf('a,b\n\n1,2\n\n')).toEqual([1, 3]);
    expect(cellsOf('a\n""\nb')).toEqual([['a'], [''], ['b']]);
    expect(cellsOf('a,b\n1,\n')).toEqual([['a', 'b'], ['1', '']]);
  });

  it('keeps a stray quote inside an unquoted value, as spreadsheets do', () => {
    expect(cellsOf('size,name\n5" screen,TV')).toEqual([['size', 'name'], ['5" screen', 'TV']]);
  });

  it('points at the line where an unterminated quote opens', () => {
    const text = 'Company,Role\nAcme,Dev\nGlobex,"Designer\nInitech,Tester\n';
    expect(() => parseCsv(text)).toThrow(CsvSyntaxError);
    try {
      parseCsv(text);
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(3);
      expect((error as Error).message).toBe('Line 3: a quoted field is never closed. Look for a missing " on that line.');
    }
  });

  it('refuses text after a closing quote, naming the line', () => {
    expect(() => parseCsv('a,b\n"Acme" Inc,Dev')).toThrow('Line 2: text follows a closing quote');
  });

  it('stops at the row and column limits with a clear message', () => {
    expect(() => parseCsv('a\n1\n2\n3\n', { maxRecords: 3 })).toThrow('The file has more than 2 rows. Split it into smaller files and import each.');
    expect(parseCsv('a\n1\n2\n', { maxRecords: 3 }).records).toHaveLength(3);
    expect(() => parseCsv('a,b,c,d', { maxCellsPerRecord: 3 })).toThrow('Line 1 has more than 3 columns.');
  });
});

const cell = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '\t', '"', '\n', '\r', 'é', '€', '😀', 'x') });

describe('writeCsv and parseCsv', () => {
  it('round-trip any table, with any of the delimiters', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CSV_DELIMITERS),
        fc.integer({ min: 1, max: 5 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 })),
        (delimiter, rows) => {
          expect(cellsOf(writeCsv(rows, delimiter), delimiter)).toEqual(rows);
        },
      ),
    );
  });

  it('round-trip when the delimiter is left to the sniffer (two columns or more), with or without a BOM', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CSV_DELIMITERS),
        fc.boolean(),
        fc.integer({ min: 2, max: 5 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 })),
        (delimiter, bom, rows) => {
          const text = `${bom ? '\uFEFF' : ''}${writeCsv(rows, delimiter)}`;
          expect(parseCsv(text).delimiter).toBe(delimiter);
          expect(cellsOf(text)).toEqual(rows);
        },
      ),
    );
  });

  it('never throws anything but a CsvSyntaxError with a line inside the file, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', ';', '"', '\n', '\r', ' ') }), (text) => {
        try {
          parseCsv(text);
        } catch (error) {
          expect(error).toBeInstanceOf(CsvSyntaxError);
          const lines = text.split(/\r\n|\r|\n/).length;
          expect((error as CsvSyntaxError).line).toBeGreaterThanOrEqual(1);
          expect((error as CsvSyntaxError).line).toBeLessThanOrEqual(lines);
        }
      }),
    );
  });
});
