import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES } from '#core/letters/templates';
import { coreHarness, docOf, type CoreHarness } from '#support/core-harness';

let core: CoreHarness;
beforeEach(() => (core = coreHarness('2026-03-02T09:00:00.000Z')));
afterEach(() => core.cleanup());

const slot = { startsAt: '2026-03-03T10:00:00Z', endsAt: '2026-03-03T11:00:00Z', timeZone: 'UTC', format: 'video' as const };
const defaults = async () => (await core.call('templates.list', undefined)).filter((template) => template.isDefault);
const builtIn = async (kind: 'thank_you' | 'rejection') => (await core.call('templates.list', undefined)).find((template) => template.builtIn && template.kind === kind)!;

describe('templates.list', () => {
  it('seeds the two built-ins on first use, each the default of its kind, once', async () => {
    const first = await core.call('templates.list', undefined);
    expect(first).toEqual([
      expect.objectContaining({ kind: 'rejection', name: 'Reply to a rejection', isDefault: true, builtIn: true, doc: BUILT_IN_TEMPLATES.rejection.doc }),
      expect.objectContaining({ kind: 'thank_you', name: 'Thank-you note', isDefault: true, builtIn: true, subject: BUILT_IN_TEMPLATES.thank_you.subject }),
    ]);
    expect(await core.call('templates.list', undefined)).toEqual(first);
  });
});

describe('templates.save', () => {
  it('creates a template, and making it the default clears the old default in the same step', async () => {
    const mine = await core.call('templates.save', { kind: 'thank_you', name: 'Short and warm', subject: 'Thanks, {{firstName}}', doc: docOf('Hi {{firstName}}, thank you for {{company}}.'), isDefault: true });
    expect(mine).toMatchObject({ isDefault: true, builtIn: false, name: 'Short and warm' });
    expect((await defaults()).map((template) => template.id).sort()).toEqual([mine.id, (await builtIn('rejection')).id].sort());

    // New letters start from the new default.
    const { id: openingId } = await core.call('openings.create', { companyName: 'Northwind', role: 'Analyst' });
    await core.call('interviews.create', { openingId, ...slot, team: [{ name: 'Ana Ruiz' }] });
    const [letter] = await core.call('letters.list', undefined);
    expect(letter!.subject).toBe('Thanks, Ana');
    expect(JSON.stringify((await core.call('letters.get', { id: letter!.id })).letter.doc)).toContain('Hi Ana, thank you for Northwind.');
  });

  it('keeps a template the default when it is saved without saying, and hands back to the built-in when it stops being one', async () => {
    const mine = await core.call('templates.save', { kind: 'rejection', name: 'Mine', doc: docOf('Thanks'), isDefault: true });
    expect((await core.call('templates.save', { id: mine.id, kind: 'rejection', name: 'Mine, renamed', doc: docOf('Thanks!') })).isDefault).toBe(true);
    expect((await core.call('templates.save', { id: mine.id, kind: 'rejection', name: 'Mine', doc: docOf('Thanks!'), isDefault: false })).isDefault).toBe(false);
    expect((await builtIn('rejection')).isDefault).toBe(true);
    // The built-in itself cannot leave its kind without a default.
    const original = await builtIn('rejection');
    expect((await core.call('templates.save', { id: original.id, kind: 'rejection', name: original.name, doc: original.doc, isDefault: false })).isDefault).toBe(true);
  });

  it('edits a built-in, drops unsafe links, and refuses to change a template’s kind', async () => {
    const original = await builtIn('thank_you');
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'file:///etc/passwd' } }] }] }] };
    const edited = await core.call('templates.save', { id: original.id, kind: 'thank_you', name: 'Edited', doc });
    expect(edited).toMatchObject({ name: 'Edited', builtIn: true, isDefault: true, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'click' }] }] } });
    const before = core.fingerprint();
    expect(await core.fail('templates.save', { id: original.id, kind: 'rejection', name: 'X', doc: docOf('x') })).toMatchObject({ code: 'INVALID_INPUT', field: 'kind' });
    expect(core.fingerprint()).toBe(before);
  });
});

describe('templates.delete and templates.reset', () => {
  it('refuses to delete a built-in with a clear message', async () => {
    const original = await builtIn('thank_you');
    expect(await core.fail('templates.delete', { id: original.id })).toEqual({
      code: 'CONFLICT',
      message: 'Built-in templates cannot be deleted. You can change their words, or reset them to the original.',
    });
  });

  it('makes the built-in the default again when the default is deleted', async () => {
    const mine = await core.call('templates.save', { kind: 'thank_you', name: 'Mine', doc: docOf('x'), isDefault: true });
    expect(await core.call('templates.delete', { id: mine.id })).toEqual({ id: mine.id });
    expect((await builtIn('thank_you')).isDefault).toBe(true);
    expect((await core.call('templates.list', undefined)).map((template) => template.id)).not.toContain(mine.id);
    expect((await core.fail('templates.delete', { id: mine.id })).code).toBe('NOT_FOUND');
  });

  it('keeps letters drafted from a deleted template', async () => {
    const mine = await core.call('templates.save', { kind: 'thank_you', name: 'Mine', subject: 'Hello', doc: docOf('Hello {{firstName}}'), isDefault: true });
    const { id: openingId } = await core.call('openings.create', { companyName: 'Northwind', role: 'Analyst' });
    await core.call('interviews.create', { openingId, ...slot, team: [{ name: 'Ana Ruiz' }] });
    await core.call('templates.delete', { id: mine.id });
    expect((await core.call('letters.list', undefined))[0]).toMatchObject({ subject: 'Hello' });
  });

  it('puts a built-in back to its original words, keeping which template is the default', async () => {
    const original = await builtIn('rejection');
    await core.call('templates.save', { id: original.id, kind: 'rejection', name: 'Rewritten', subject: 'Hi', doc: docOf('Mine') });
    const mine = await core.call('templates.save', { kind: 'rejection', name: 'Mine', doc: docOf('x'), isDefault: true });
    core.clock.advance(60_000);
    const reset = await core.call('templates.reset', { kind: 'rejection' });
    expect(reset).toMatchObject({ id: original.id, name: 'Reply to a rejection', subject: BUILT_IN_TEMPLATES.rejection.subject, doc: BUILT_IN_TEMPLATES.rejection.doc, isDefault: false, updatedAt: '2026-03-02T09:01:00.000Z' });
    expect((await defaults()).map((template) => template.id)).toContain(mine.id);
  });
});
