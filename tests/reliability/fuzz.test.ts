import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '#shared/ipc/contract';
import { coreHarness, docOf, type CoreHarness } from '#support/core-harness';

/**
 * Property-based: every channel, given anything at all — wrong types, huge
 * strings, prototype-polluting keys, traversal paths, real ids in odd places —
 * answers with an envelope, never an internal error, and writes nothing
 * when it refuses.
 */
const RUNS = Number(process.env.AFTERVIEW_FUZZ_RUNS ?? 40);
const KEYS = ['id', 'openingId', 'interviewId', 'contactId', 'companyId', 'parentId', 'parentType', 'companyName', 'role', 'name', 'title', 'doc', 'stage', 'key', 'kind', 'team', 'startsAt', 'endsAt', 'timeZone', 'format', 'fileName', 'mimeType', 'dataBase64', 'jobUrl', 'sourceUrl', 'text', 'columns', 'openingIds', 'dateOrder', '__proto__', 'constructor', 'prototype'];

let core: CoreHarness;
let ids: string[];

beforeAll(async () => {
  core = coreHarness();
  const opening = await core.call('openings.create', { companyName: 'Fuzz Co', role: 'Tester' });
  const interview = await core.call('interviews.create', { openingId: opening.id, startsAt: '2026-03-01T10:00:00Z', endsAt: '2026-03-01T11:00:00Z', timeZone: 'UTC', format: 'video', team: [{ name: 'Pat Doe' }] });
  const note = await core.call('notes.create', { parentType: 'opening', parentId: opening.id });
  await core.call('notes.save', { id: note.id, title: 'Seed', doc: docOf('seed') });
  const contacts = await core.call('contacts.list', undefined);
  ids = [opening.id, opening.companyId, interview.id, note.id, ...contacts.map((contact) => contact.id)];
});
afterAll(() => core.cleanup());

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom('../../etc/passwd', '..\\..\\windows\\system32', '/dev/zero', 'javascript:alert(1)', 'file:///etc/passwd', '\u0000', '💥'.repeat(3), 'Robert"); DROP TABLE openings;--', '%00', '{{name}}'),
  fc.constant('x'.repeat(300_000)),
);

function arbitraryInput() {
  const leaf = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constantFrom(...ids));
  const value = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 5 })),
  })).value;
  return fc.oneof(value, fc.dictionary(fc.constantFrom(...KEYS), value, { minKeys: 1, maxKeys: 6 }), fc.anything());
}

describe('every channel under arbitrary input', () => {
  for (const channel of CHANNELS) {
    it(`${channel} answers every input with an envelope and writes nothing when it refuses`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitraryInput(), async (input) => {
          const before = core.fingerprint();
          const filesBefore = core.attachmentFiles();
          const result = await core.dispatch(channel, input);
          expect(result === null || typeof result !== 'object' ? 'no envelope' : 'envelope').toBe('envelope');
          if (result.ok) return;
          expect(result.error.code).not.toBe('INTERNAL');
          expect(result.error.message.length).toBeGreaterThan(0);
          expect(result.error.message).not.toMatch(/\n\s+at /);
          expect(core.fingerprint()).toBe(before);
          expect(core.attachmentFiles()).toEqual(filesBefore);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: RUNS },
      );
    }, 60_000);
  }

  it('never logged an internal error along the way', () => {
    expect(core.logged).toEqual([]);
  });
});
