import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openVault } from '#core/vault/connection';
import { excerptOf, plainTextOf } from '#core/documents/plain-text';
import { withSafeLinks } from '#core/documents/safe-links';
import { createNotesRepository } from '#core/vault/repositories/notes';
import { EMPTY_DOC, type DocNode } from '#shared/domain/note';
import { coreHarness, docOf, type CoreHarness } from '#support/core-harness';

let core: CoreHarness;
beforeEach(() => (core = coreHarness('2026-03-02T09:00:00.000Z')));
afterEach(() => core.cleanup());

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const link = (href: string) => ({ type: 'link', attrs: { href } });

const richDoc: DocNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Impressions' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Line one' }, { type: 'hardBreak' }, { type: 'text', marks: [{ type: 'bold' }], text: 'line two' }] },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'first' }] }] },
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'second' }] }] },
      ],
    },
  ],
};

describe('plain text of a document', () => {
  it('concatenates text, separates blocks with newlines and turns hard breaks into newlines', () => {
    expect(plainTextOf(richDoc)).toBe('Impressions\nLine one\nline two\nfirst\nsecond');
    expect(plainTextOf(EMPTY_DOC)).toBe('');
  });

  it('makes a one-line excerpt of about 160 characters, cut between words', () => {
    expect(excerptOf('Short\n\nnote')).toBe('Short note');
    // Every kind and run of white space becomes one space; single spaces stay as they are.
    expect(excerptOf(' a \n\t b\u00a0c\r\nd  e\u2028f g ')).toBe('a b c d e f g');
    const long = excerptOf('word '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(161);
    expect(long.endsWith('word…')).toBe(true);
  });
});

describe('safe links', () => {
  it('keeps https and mailto links and strips every other link mark, keeping the text', () => {
    const doc = docWithLinks(['https://example.com', 'mailto:a@example.com', 'javascript:alert(1)', 'file:///etc/passwd', 'http://example.com', 'vbscript:x']);
    const safe = withSafeLinks(doc);
    const marks = safe.content![0]!.content!.map((node) => node.marks?.map((mark) => mark.attrs?.href));
    expect(marks).toEqual([['https://example.com'], ['mailto:a@example.com'], undefined, undefined, undefined, undefined]);
    expect(plainTextOf(safe)).toBe(plainTextOf(doc));
  });
});

function docWithLinks(hrefs: string[]): DocNode {
  return { type: 'doc', content: [{ type: 'paragraph', content: hrefs.map((href, index) => ({ type: 'text', text: `link${index} `, marks: [link(href)] })) }] };
}

describe('notes', () => {
  it('creates an empty note on a live parent and reads it back', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    const note = await core.call('notes.create', { parentType: 'opening', parentId: opening.id, title: '' });
    expect(note).toMatchObject({ parentType: 'opening', parentId: opening.id, title: 'Untitled note', doc: EMPTY_DOC, revision: 1, createdAt: '2026-03-02T09:00:00.000Z' });
    expect(await core.call('notes.get', { id: note.id })).toEqual(note);
  });

  it('accepts each kind of parent and refuses a parent that is unknown or in the trash', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    const interview = await core.call('interviews.create', { openingId: opening.id, startsAt: '2026-03-03T09:00:00Z', endsAt: '2026-03-03T10:00:00Z', timeZone: 'UTC', format: 'phone' });
    const contact = await core.call('contacts.create', { name: 'Ann' });
    for (const [parentType, parentId] of [['opening', opening.id], ['interview', interview.id], ['company', opening.companyId], ['contact', contact.id]] as const) {
      await core.call('notes.create', { parentType, parentId });
      expect(await core.fail('notes.create', { parentType, parentId: UNKNOWN })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining(`This ${parentType} no longer exists`) });
    }
    await core.call('contacts.delete', { id: contact.id });
    await core.call('openings.delete', { id: opening.id });
    const before = core.rowCounts();
    for (const [parentType, parentId] of [['opening', opening.id], ['interview', interview.id], ['contact', contact.id]] as const) {
      expect(await core.fail('notes.create', { parentType, parentId })).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(core.rowCounts()).toEqual(before);
  });

  it('saves the document with its plain text, bumps the revision and keeps it after reopening', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    const note = await core.call('notes.create', { parentType: 'opening', parentId: opening.id });
    core.clock.advance(30_000);
    const saved = await core.call('notes.save', { id: note.id, title: 'Debrief', doc: richDoc });
    expect(saved).toEqual({ id: note.id, revision: 2, updatedAt: '2026-03-02T09:00:30.000Z' });
    expect((await core.call('notes.save', { id: note.id, title: 'Debrief', doc: richDoc })).revision).toBe(3);

    const summary = (await core.call('openings.get', { id: opening.id })).notes[0]!;
    expect(summary).toMatchObject({ title: 'Debrief', excerpt: 'Impressions Line one line two first second' });

    core.vault.close();
    const reopened = openVault(core.vault.path);
    const stored = createNotesRepository(reopened.db).get(note.id);
    expect(stored).toMatchObject({ title: 'Debrief', doc: richDoc, revision: 3 });
    const plain = reopened.db.prepare('SELECT plain_text AS text FROM notes WHERE id = ?').get(note.id) as { text: string };
    expect(plain.text).toBe('Impressions\nLine one\nline two\nfirst\nsecond');
    reopened.close();
  });

  it('strips unsafe links before storing', async () => {
    const company = await core.call('openings.create', { companyName: 'Acme', role: 'X' });
    const note = await core.call('notes.create', { parentType: 'company', parentId: company.companyId });
    await core.call('notes.save', { id: note.id, title: 'Links', doc: docWithLinks(['javascript:alert(1)', 'https://ok.example']) });
    const stored = await core.call('notes.get', { id: note.id });
    expect(JSON.stringify(stored.doc)).not.toContain('javascript:');
    expect(JSON.stringify(stored.doc)).toContain('https://ok.example');
  });

  it('saves a 50 KB note well within 50 ms', async () => {
    const company = await core.call('openings.create', { companyName: 'Acme', role: 'X' });
    const note = await core.call('notes.create', { parentType: 'company', parentId: company.companyId });
    const paragraphs = Array.from({ length: 500 }, (_, i) => `Paragraph ${i}: ${'a thought worth keeping '.repeat(4)}`);
    const doc = docOf(...paragraphs);
    expect(JSON.stringify(doc).length).toBeGreaterThan(50_000);
    const timings: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await core.call('notes.save', { id: note.id, title: 'Big', doc });
      timings.push(performance.now() - started);
    }
    timings.sort((a, b) => a - b);
    expect(timings[Math.floor(timings.length / 2)]).toBeLessThan(50);
  });

  it('moves to the trash and cannot be saved there', async () => {
    const contact = await core.call('contacts.create', { name: 'Ann' });
    const note = await core.call('notes.create', { parentType: 'contact', parentId: contact.id, title: 'About Ann' });
    expect(await core.call('notes.delete', { id: note.id })).toEqual({ kind: 'note', id: note.id, deletedAt: '2026-03-02T09:00:00.000Z' });
    expect(await core.fail('notes.get', { id: note.id })).toMatchObject({ code: 'NOT_FOUND', message: 'This note no longer exists. It may be in the trash.' });
    expect(await core.fail('notes.save', { id: note.id, title: 'x', doc: EMPTY_DOC })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await core.call('contacts.get', { id: contact.id })).notes).toEqual([]);
    expect(await core.call('trash.list', undefined)).toEqual([expect.objectContaining({ kind: 'note', title: 'About Ann', context: 'Ann' })]);
  });
});
