import { describe, expect, it } from 'vitest';
import { salaryRange } from '#shared/domain/opening';

const numbers = new Intl.NumberFormat('en-GB');
const salary = (salaryMin: number | null, salaryMax: number | null, salaryCurrency: string | null = null) => salaryRange({ salaryMin, salaryMax, salaryCurrency }, numbers);

/** The opening page, the import preview and the prep sheet all write the salary with this one phrase. */
describe('salaryRange', () => {
  it('writes a range, one amount, or an open end, with the currency after', () => {
    expect(salary(60_000, 80_000, 'EUR')).toBe('60,000 – 80,000 EUR');
    expect(salary(60_000, 60_000, 'GBP')).toBe('60,000 GBP');
    expect(salary(60_000, null)).toBe('from 60,000');
    expect(salary(null, 80_000, 'USD')).toBe('up to 80,000 USD');
  });

  it('is empty when no amount is known, even with a currency', () => {
    expect(salary(null, null, 'EUR')).toBeNull();
  });
});
