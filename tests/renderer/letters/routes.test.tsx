import { describe, expect, it } from 'vitest';
import { hrefFor, NAV_ITEMS, parseRoute } from '#renderer/router';
import { letterIds } from './letter-fixtures';

describe('Letter and template routes', () => {
  it('addresses a letter by id and the templates from the sidebar', () => {
    expect(hrefFor({ name: 'letter', id: letterIds.ana })).toBe(`#/letters/${letterIds.ana}`);
    expect(parseRoute(`#/letters/${letterIds.ana}`)).toEqual({ name: 'letter', id: letterIds.ana });
    expect(parseRoute('#/letters/not-an-id')).toEqual({ name: 'today' });
    expect(parseRoute('#/templates')).toEqual({ name: 'templates' });
    expect(NAV_ITEMS.find((item) => item.label === 'Templates')?.route).toEqual({ name: 'templates' });
  });
});
