import { describe, expect, it } from 'vitest';
import { readCurrency, readDate, readSalary, readStage } from '#core/import/cell-values';
import { guessColumns } from '#core/import/column-guess';

const value = <T>(read: { ok: true; value: T } | { ok: false; reason: string }) => (read.ok ? read.value : `✗ ${read.reason}`);

describe('readDate', () => {
  it('reads ISO dates, with or without a time, and dates with month names', () => {
    for (const text of ['2026-03-01', '2026/3/1', '2026-03-01T09:30:00Z', '2026-03-01 09:30', '1 March 2026', '1st Mar 2026', 'March 1, 2026', 'Mar. 1 2026', '01-Mar-2026']) {
      expect(value(readDate(text, 'unset', 'Applied date')), text).toBe('2026-03-01');
    }
    expect(value(readDate('  ', 'unset', 'Applied date'))).toBeNull();
  });

  it('reads a numeric date that can only be read one way, whatever the order', () => {
    expect(value(readDate('25/03/2026', 'unset', 'Applied date'))).toBe('2026-03-25');
    expect(value(readDate('03/25/2026', 'unset', 'Applied date'))).toBe('2026-03-25');
    expect(value(readDate('04.04.2026', 'unset', 'Applied date'))).toBe('2026-04-04');
  });

  it('refuses an ambiguous day/month date until the order is chosen, then reads it that way', () => {
    expect(value(readDate('03/04/2026', 'unset', 'Applied date'))).toBe(
      '✗ Applied date “03/04/2026” could be 3 April or March 4. Choose the date order for this file, or write it as 2026-03-04.',
    );
    expect(value(readDate('03/04/2026', 'dmy', 'Applied date'))).toBe('2026-04-03');
    expect(value(readDate('03/04/2026', 'mdy', 'Applied date'))).toBe('2026-03-04');
    expect(value(readDate('25/03/2026', 'mdy', 'Applied date'))).toBe('✗ Applied date “25/03/2026” is not a real date as month first.');
  });

  it('refuses impossible dates, two-digit years and words', () => {
    expect(value(readDate('2026-02-30', 'unset', 'Applied date'))).toBe('✗ Applied date “2026-02-30” is not a real date.');
    expect(value(readDate('3/4/26', 'dmy', 'Applied date'))).toMatch(/two-digit year/);
    expect(value(readDate('last Tuesday', 'unset', 'Applied date'))).toMatch(/is not a date Afterview can read/);
    expect(value(readDate('31 Foo 2026', 'unset', 'Applied date'))).toMatch(/is not a date Afterview can read/);
  });
});

describe('readStage', () => {
  it('reads stage names, labels and common synonyms in any case; empty is none', () => {
    expect(value(readStage('Applied'))).toBe('applied');
    expect(value(readStage(' INTERVIEWING '))).toBe('interviewing');
    expect(value(readStage('Interview'))).toBe('interviewing');
    expect(value(readStage('Offer received'))).toBe('offer');
    expect(value(readStage(''))).toBeNull();
  });

  it('names the accepted stages when it cannot read one', () => {
    expect(value(readStage('Ghosted'))).toBe(
      '✗ Stage “Ghosted” is not one Afterview knows. Use one of: Interested, Applied, Interviewing, Offer, Accepted, Rejected, Withdrawn, Dormant.',
    );
  });
});

describe('readSalary and readCurrency', () => {
  it('reads amounts, ranges, k and currencies', () => {
    expect(value(readSalary('85000'))).toEqual({ min: 85000, max: 85000, currency: null });
    expect(value(readSalary('€85,000 – 95,000'))).toEqual({ min: 85000, max: 95000, currency: 'EUR' });
    expect(value(readSalary('80-95k USD per year'))).toEqual({ min: 80000, max: 95000, currency: 'USD' });
    expect(value(readSalary('72.000 EUR'))).toEqual({ min: 72000, max: 72000, currency: 'EUR' });
    expect(value(readSalary('£60k to £70k'))).toEqual({ min: 60000, max: 70000, currency: 'GBP' });
    expect(value(readSalary(''))).toEqual({ min: null, max: null, currency: null });
  });

  it('refuses what it cannot read', () => {
    expect(value(readSalary('competitive'))).toMatch(/^✗ Salary “competitive” is not an amount/);
    expect(value(readSalary('€80k USD'))).toBe('✗ Salary “€80k USD” names two currencies.');
    expect(value(readSalary('1-2-3'))).toMatch(/not an amount/);
    expect(value(readCurrency('eur'))).toBe('EUR');
    expect(value(readCurrency('€'))).toBe('EUR');
    expect(value(readCurrency('Euro'))).toMatch(/three-letter code/);
  });
});

describe('guessColumns', () => {
  it('maps the usual header names of trackers and spreadsheets', () => {
    expect(guessColumns(['Employer', 'Job Title', 'Status', 'Date Applied', 'Found via', 'Posting URL', 'City', 'Salary range', 'Notes'])).toEqual({
      companyName: 0, role: 1, stage: 2, appliedOn: 3, source: 4, jobUrl: 5, location: 6, salary: 7, salaryCurrency: null, notes: 8,
    });
    expect(guessColumns(['Organisation', 'Position', 'Application status'])).toMatchObject({ companyName: 0, role: 1, stage: 2 });
    expect(guessColumns(['Organización', 'Rôle'])).toMatchObject({ role: 1 });
  });

  it('prefers an exact name to a partial one and never uses one column twice', () => {
    const guess = guessColumns(['Company website', 'Company', 'Title', 'Job link']);
    expect(guess.companyName).toBe(1);
    expect(guess.role).toBe(2);
    expect(guess.jobUrl).toBe(3);
    const used = Object.values(guess).filter((column) => column !== null);
    expect(new Set(used).size).toBe(used.length);
  });

  it('leaves a field unmapped when no header fits', () => {
    expect(guessColumns(['Foo', 'Bar'])).toMatchObject({ companyName: null, role: null, stage: null });
  });
});
