import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDispatch, type Dispatch } from '#core/dispatch';
import { createHandlers } from '#core/handlers/index';
import { tempVault } from '#support/temp-vault';

let vault: ReturnType<typeof tempVault>;
let dispatch: Dispatch;
beforeEach(() => {
  vault = tempVault();
  dispatch = createDispatch(createHandlers({ vault, appVersion: '1.2.3', now: () => new Date('2026-05-04T12:00:00Z') }), () => undefined);
});
afterEach(() => vault.cleanup());

function rowCounts() {
  const count = (table: string) => (vault.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { companies: count('companies'), openings: count('openings') };
}

describe('dispatch', () => {
  it('creates and lists openings through the contract', async () => {
    const created = await dispatch('openings.create', { companyName: 'Acme', role: 'Designer', jobUrl: 'https://acme.example/jobs/7' });
    expect(created).toMatchObject({ ok: true, value: { companyName: 'Acme', role: 'Designer', createdAt: '2026-05-04T12:00:00.000Z' } });
    const listed = await dispatch('openings.list', undefined);
    expect(listed.ok && (listed.value as unknown[]).length).toBe(1);
  });

  it('answers app.info with the version and vault path', async () => {
    expect(await dispatch('app.info', undefined)).toEqual({ ok: true, value: { version: '1.2.3', vaultPath: vault.path, schemaVersion: vault.schemaVersion } });
  });

  const badInputs: [string, unknown, RegExp, string?][] = [
    ['nothing at all', undefined, /expected form/],
    ['a string instead of an object', 'Acme', /expected form/],
    ['an array', [1, 2], /expected form/],
    ['a missing role', { companyName: 'Acme' }, /Role/, 'role'],
    ['an empty company', { companyName: '   ', role: 'Dev' }, /Company is required/, 'companyName'],
    ['a number as the role', { companyName: 'Acme', role: 42 }, /Role must be text/, 'role'],
    ['an oversized role', { companyName: 'Acme', role: 'x'.repeat(201) }, /at most 200 characters/, 'role'],
    ['a 50 MB company name', { companyName: 'x'.repeat(50 * 1024 * 1024), role: 'Dev' }, /too large/],
    ['a javascript: job link', { companyName: 'Acme', role: 'Dev', jobUrl: 'javascript:alert(1)' }, /https:\/\//, 'jobUrl'],
    ['an unknown stage', { companyName: 'Acme', role: 'Dev', stage: 'hired' }, /pipeline stages/, 'stage'],
    ['control characters', { companyName: 'Ac\u0000me', role: 'Dev' }, /control characters/, 'companyName'],
    ['unknown fields', { companyName: 'Acme', role: 'Dev', id: 'chosen-by-attacker' }, /does not know/],
    ['a prototype-polluting key', JSON.parse('{"companyName":"Acme","role":"Dev","__proto__":{"polluted":true}}'), /does not know/],
  ];

  for (const [label, input, message, field] of badInputs) {
    it(`refuses ${label} with a clear error and writes nothing`, async () => {
      const before = rowCounts();
      const result = await dispatch('openings.create', input);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message).toMatch(message);
      if (field) expect(result.error.field).toBe(field);
      expect(rowCounts()).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('refuses an unknown channel by name', async () => {
    const result = await dispatch('vault.runSql', { sql: 'DROP TABLE openings' });
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: expect.stringContaining('vault.runSql') } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('refuses input on channels that take none', async () => {
    expect(await dispatch('openings.list', { where: '1=1' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('turns an unexpected failure into a readable message and logs the details', async () => {
    const log = vi.fn();
    const failing = createDispatch(createHandlers({ vault, appVersion: '1', now: () => new Date() }), log);
    vault.db.exec('DROP TABLE openings');
    const result = await failing('companies.list', undefined);
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/nothing was changed/) } });
    expect(log).toHaveBeenCalledOnce();
  });

  describe('output check', () => {
    const drifting = () => {
      const handlers = createHandlers({ vault, appVersion: '1', now: () => new Date('2026-05-04T12:00:00Z') });
      // A handler that forgot a field the contract promises.
      return { ...handlers, 'app.info': () => ({ version: '1', vaultPath: vault.path }) } as unknown as typeof handlers;
    };

    it('answers INTERNAL and logs the mismatch when a handler drifts from the contract', async () => {
      const log = vi.fn();
      const checked = createDispatch(drifting(), log, { validateOutput: true });
      expect(await checked('app.info', undefined)).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/nothing was changed/) } });
      expect(log).toHaveBeenCalledOnce();
      expect(String(log.mock.calls[0]![0])).toMatch(/app\.info answered outside its contract: schemaVersion/);
    });

    it('is off unless asked for, as in production', async () => {
      const unchecked = createDispatch(drifting(), () => undefined);
      expect(await unchecked('app.info', undefined)).toEqual({ ok: true, value: { version: '1', vaultPath: vault.path } });
    });

    it('passes answers that match the contract unchanged', async () => {
      const checked = createDispatch(createHandlers({ vault, appVersion: '1', now: () => new Date('2026-05-04T12:00:00Z') }), () => undefined, { validateOutput: true });
      const created = await checked('openings.create', { companyName: 'Acme', role: 'Designer' });
      expect(created).toMatchObject({ ok: true, value: { companyName: 'Acme', role: 'Designer' } });
    });
  });
});
