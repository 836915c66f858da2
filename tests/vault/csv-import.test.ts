import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCsv } from '#core/import/csv';
import type { ColumnMappingInput } from '#shared/domain/csv-import';
import { coreHarness, type CoreHarness } from '#support/core-harness';
import { NOT_TEXT_FILES } from '#support/not-text-files';

let core: CoreHarness;
beforeEach(() => {
  core = coreHarness('2026-03-10T09:00:00.000Z');
});
afterEach(() => core.cleanup());

const HEADER = ['Employer', 'Job title', 'Status', 'Date applied', 'Source', 'Link', 'City', 'Salary', 'Notes'];
const COLUMNS: ColumnMappingInput = { companyName: 0, role: 1, stage: 2, appliedOn: 3, source: 4, jobUrl: 5, location: 6, salary: 7, notes: 8 };
const good = (company: string, role: string, extra: Partial<Record<'stage' | 'applied' | 'notes', string>> = {}) => [
  company, role, extra.stage ?? 'Applied', extra.applied ?? '2026-03-01', 'LinkedIn', 'https://example.com/job', 'Berlin', '80-95k EUR', extra.notes ?? '',
];
const fileOf = (...rows: string[][]) => writeCsv([HEADER, ...rows]);

describe('csvImport.read', () => {
  it('answers the header, the row count, a sample and a guessed mapping', async () => {
    const info = await core.call('csvImport.read', { text: `\uFEFF${fileOf(good('Acme', 'Engineer'), good('Globex', 'Designer')).replaceAll(',', ';')}` });
    expect(info.headers).toEqual(HEADER);
    expect(info.delimiter).toBe('semicolon');
    expect(info.rowCount).toBe(2);
    expect(info.sample[0]?.slice(0, 2)).toEqual(['Acme', 'Engineer']);
    expect(info.guess).toEqual({ ...COLUMNS, salaryCurrency: null });
  });

  it('names the line of an unterminated quote', async () => {
    const error = await core.fail('csvImport.read', { text: 'Company,Role\nAcme,Dev\n"Globex,Designer\nInitech,Tester' });
    expect(error.message).toBe('Line 3: a quoted field is never closed. Look for a missing " on that line.');
  });
});

describe('a file that is not text', () => {
  it('is refused at every step with what it is, and changes nothing', async () => {
    const before = core.fingerprint();
    // As a renderer would have read each: bytes that are not UTF-8 come as Windows-1252.
    const asRead = (bytes: Buffer) => new TextDecoder('windows-1252').decode(bytes);
    const cases: [Buffer, RegExp][] = [
      [NOT_TEXT_FILES.zip, /^This file is a zip archive, not a CSV file\./],
      [NOT_TEXT_FILES.xlsx, /^This file is a zip archive, not a CSV file\./],
      [NOT_TEXT_FILES.xls, /^This file is an Office document/],
      [NOT_TEXT_FILES.png, /^This file is an image, not a CSV file\./],
      [NOT_TEXT_FILES.noise, /^This file is not a text file/],
    ];
    for (const [bytes, message] of cases) {
      const text = asRead(bytes);
      expect((await core.fail('csvImport.read', { text })).message).toMatch(message);
      expect((await core.fail('csvImport.check', { text, columns: { companyName: 0, role: 1 } })).message).toMatch(message);
      expect((await core.fail('csvImport.run', { text, columns: { companyName: 0, role: 1 } })).message).toMatch(message);
    }
    // The same zip read as UTF-8 (replacement characters for its broken bytes) is refused too.
    expect((await core.fail('csvImport.read', { text: new TextDecoder().decode(NOT_TEXT_FILES.zip) })).message).toMatch(/zip archive/);
    expect(core.fingerprint()).toBe(before);
  });
});

describe('csvImport.check', () => {
  it('previews the rows as they would be imported, matching companies by name without case or accents', async () => {
    await core.call('openings.create', { companyName: 'Société Générale', role: 'Analyst' });
    const text = fileOf(good('societe generale', 'Engineer', { notes: 'Met Ana at the fair.\nFollow up in May.' }), good('Initech', 'Tester', { stage: '', applied: '' }), good('INITECH', 'Lead'));
    const report = await core.call('csvImport.check', { text, columns: COLUMNS });
    expect(report.problems).toEqual([]);
    expect(report.rowCount).toBe(3);
    expect(report.newCompanies).toEqual(['Initech']);
    expect(report.matchedCompanies).toBe(1);
    expect(report.preview[0]).toMatchObject({
      line: 2, companyName: 'Société Générale', companyExists: true, role: 'Engineer', stage: 'applied', appliedOn: '2026-03-01',
      source: 'LinkedIn', jobUrl: 'https://example.com/job', location: 'Berlin', salaryMin: 80000, salaryMax: 95000, salaryCurrency: 'EUR',
      notes: 'Met Ana at the fair.\nFollow up in May.',
    });
    // No stage and no applied date: the opening starts as one of interest.
    expect(report.preview[1]).toMatchObject({ companyName: 'Initech', companyExists: false, stage: 'interested', appliedOn: null });
    expect(report.preview[2]?.companyName).toBe('Initech');
  });

  it('lists every bad row with its line and all its reasons', async () => {
    const text = writeCsv([
      HEADER,
      good('Acme', 'Engineer'),
      ['', 'Tester', 'Applied', '', '', '', '', '', ''],
      good('Globex', 'Designer', { stage: 'Ghosted', applied: '03/04/2026' }),
      ['Hooli', 'r'.repeat(201), '', '2026-02-30', '', 'www.hooli.com', '', 'lots', ''],
      ['Initech', 'Dev\nOps', '', '', '', '', '', '', '', 'stray'],
    ]);
    const report = await core.call('csvImport.check', { text, columns: COLUMNS });
    expect(report.problems).toEqual([
      { line: 3, reasons: ['Company is required.'] },
      {
        line: 4,
        reasons: [
          'Stage “Ghosted” is not one Afterview knows. Use one of: Interested, Applied, Interviewing, Offer, Accepted, Rejected, Withdrawn, Dormant.',
          'Applied date “03/04/2026” could be 3 April or March 4. Choose the date order for this file, or write it as 2026-03-04.',
        ],
      },
      {
        line: 5,
        reasons: [
          'Applied date “2026-02-30” is not a real date.',
          expect.stringMatching(/^Salary “lots” is not an amount/),
          'Role must be at most 200 characters.',
          'Job link must be a web address starting with https:// or http://.',
        ],
      },
      { line: 6, reasons: [expect.stringMatching(/^The row has 10 cells but the header has 9/)] },
    ]);
    expect(report.preview.map((row) => row.line)).toEqual([2]);
  });

  it('reads an ambiguous date once the order is chosen', async () => {
    const text = fileOf(good('Globex', 'Designer', { applied: '03/04/2026' }));
    expect((await core.call('csvImport.check', { text, columns: COLUMNS, dateOrder: 'dmy' })).preview[0]?.appliedOn).toBe('2026-04-03');
  });

  it('warns about an opening already in the pipeline or twice in the file, without blocking', async () => {
    await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    const report = await core.call('csvImport.check', { text: fileOf(good('ACME', 'engineer'), good('Globex', 'Designer'), good('Globex', 'Designer')), columns: COLUMNS });
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([
      { line: 2, reasons: ['engineer at Acme is already in your pipeline; this adds a second one.'] },
      { line: 4, reasons: ['Same company and role as line 3.'] },
    ]);
  });
});

describe('csvImport.run', () => {
  it('imports every row in one go, reusing known companies and keeping notes', async () => {
    const existing = await core.call('openings.create', { companyName: 'Acme', role: 'Analyst' });
    const text = fileOf(good('acme', 'Engineer', { notes: 'Referred by Ana.' }), good('Globex', 'Designer'), good('Globex', 'Lead'));
    const result = await core.call('csvImport.run', { text, columns: COLUMNS });
    expect(result.imported).toBe(3);
    expect(result.newCompanies).toBe(1);
    const list = await core.call('openings.list', undefined);
    expect(list.map((opening) => `${opening.companyName} · ${opening.role}`).sort()).toEqual(['Acme · Analyst', 'Acme · Engineer', 'Globex · Designer', 'Globex · Lead']);
    const engineer = list.find((opening) => opening.role === 'Engineer')!;
    expect(engineer.companyId).toBe(existing.companyId);
    expect(engineer).toMatchObject({ stage: 'applied', appliedOn: '2026-03-01', salaryMin: 80000, salaryMax: 95000, salaryCurrency: 'EUR', location: 'Berlin', source: 'LinkedIn' });
    const detail = await core.call('openings.get', { id: engineer.id });
    expect(detail.notes.map((note) => [note.title, note.excerpt])).toEqual([['Imported notes', 'Referred by Ana.']]);
    // The notes are found by search like any other.
    const hits = await core.call('search.query', { text: 'Referred' });
    expect(JSON.stringify(hits)).toContain('Imported notes');
  });

  it('imports nothing from a file with one bad row', async () => {
    const before = core.fingerprint();
    const text = fileOf(good('Acme', 'Engineer'), good('Globex', 'Designer', { stage: 'Ghosted' }), good('Initech', 'Tester'));
    const error = await core.fail('csvImport.run', { text, columns: COLUMNS });
    expect(error.message).toBe('Nothing was imported: 1 row has a problem (the first on line 3). Fix it in the file and try again.');
    expect(core.fingerprint()).toBe(before);
  });

  it('rolls back every row when the vault fails in the middle of the import', async () => {
    await core.call('openings.create', { companyName: 'Acme', role: 'Analyst' });
    const before = core.fingerprint();
    // A fault the checks cannot foresee: the third insert is refused by the database itself.
    core.vault.db.exec("CREATE TEMP TRIGGER refuse_third BEFORE INSERT ON openings WHEN NEW.role = 'Tester' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    const error = await core.fail('csvImport.run', { text: fileOf(good('Globex', 'Designer', { notes: 'kept?' }), good('Hooli', 'Engineer'), good('Initech', 'Tester')), columns: COLUMNS });
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toMatch(/nothing was changed/);
    core.vault.db.exec('DROP TRIGGER refuse_third');
    core.logged.length = 0;
    expect(core.fingerprint()).toBe(before);
  });

  it('checks the file again instead of trusting an earlier preview', async () => {
    const columns = { ...COLUMNS, stage: null, role: 2 };
    // Mapped to the status column, "Applied" is a fine role; the point is the check runs on what is sent now.
    const report = await core.call('csvImport.check', { text: fileOf(good('Acme', 'Engineer')), columns });
    expect(report.problems).toEqual([]);
    const changed = fileOf(good('', 'Engineer'));
    expect((await core.fail('csvImport.run', { text: changed, columns })).message).toMatch(/^Nothing was imported/);
  });

  it('re-plans reminders after the import like any other write', async () => {
    const planned: string[] = [];
    const { createDispatch } = await import('#core/dispatch');
    const { createHandlers } = await import('#core/handlers/index');
    const dispatch = createDispatch(createHandlers({ vault: core.vault, appVersion: 't', now: core.clock.now }), () => undefined, { afterWrite: (channel) => planned.push(channel) });
    await dispatch('csvImport.read', { text: fileOf(good('Acme', 'Engineer')) });
    await dispatch('csvImport.check', { text: fileOf(good('Acme', 'Engineer')), columns: COLUMNS });
    expect(planned).toEqual([]);
    const result = await dispatch('csvImport.run', { text: fileOf(good('Acme', 'Engineer')), columns: COLUMNS });
    expect(result.ok).toBe(true);
    expect(planned).toEqual(['csvImport.run']);
  });
});

describe('csvImport.undo', () => {
  it('moves the imported openings to the trash, where they can be restored', async () => {
    const { openingIds } = await core.call('csvImport.run', { text: fileOf(good('Acme', 'Engineer'), good('Globex', 'Designer')), columns: COLUMNS });
    expect(await core.call('csvImport.undo', { openingIds })).toEqual({ removed: 2 });
    expect(await core.call('openings.list', undefined)).toEqual([]);
    const trash = await core.call('trash.list', undefined);
    expect(trash.map((item) => item.id).sort()).toEqual([...openingIds].sort());
    // Undoing again finds nothing left to undo.
    expect((await core.fail('csvImport.undo', { openingIds })).code).toBe('NOT_FOUND');
  });
});
