import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreHarness, docOf, IMAGES, type CoreHarness } from '#support/core-harness';

let core: CoreHarness;
beforeEach(() => (core = coreHarness('2026-03-02T09:00:00.000Z')));
afterEach(() => core.cleanup());

const slot = { startsAt: '2026-03-03T09:00:00.000Z', endsAt: '2026-03-03T10:00:00.000Z', timeZone: 'UTC', format: 'video' as const };
const tick = () => core.clock.advance(1000);

async function seed() {
  const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Staff Engineer' });
  const interview = await core.call('interviews.create', { openingId: opening.id, ...slot, title: 'Tech screen', team: [{ name: 'Ivan' }] });
  const ivan = (await core.call('interviews.get', { id: interview.id })).team[0]!;
  const interviewNote = await core.call('notes.create', { parentType: 'interview', parentId: interview.id, title: 'Screen notes' });
  const openingNote = await core.call('notes.create', { parentType: 'opening', parentId: opening.id, title: 'Why this job' });
  const contact = await core.call('contacts.create', { name: 'Carla', companyName: 'Acme' });
  const card = await core.call('cards.add', { contactId: contact.id, fileName: 'carla.png', mimeType: 'image/png', dataBase64: IMAGES.png });
  const contactNote = await core.call('notes.create', { parentType: 'contact', parentId: contact.id, title: 'About Carla' });
  const research = await core.call('research.add', { companyId: opening.companyId, occurredOn: '2026-02-01', title: 'Blog post' });
  return { opening, interview, ivan, interviewNote, openingNote, contact, card, contactNote, research };
}

describe('trash', () => {
  it('lists each deleted item with a readable title and context, newest first', async () => {
    const s = await seed();
    const companyNote = await core.call('notes.create', { parentType: 'company', parentId: s.opening.companyId, title: 'Company note' });
    tick();
    await core.call('notes.delete', { id: s.interviewNote.id });
    tick();
    await core.call('interviews.delete', { id: s.interview.id });
    tick();
    await core.call('notes.delete', { id: companyNote.id });
    tick();
    await core.call('research.delete', { id: s.research.id });
    tick();
    await core.call('contacts.delete', { id: s.contact.id });
    tick();
    await core.call('openings.delete', { id: s.opening.id });
    expect((await core.call('trash.list', undefined)).map(({ kind, title, context, deletedAt }) => [kind, title, context, deletedAt.slice(17, 19)])).toEqual([
      ['opening', 'Staff Engineer', 'Acme', '06'],
      ['contact', 'Carla', 'Acme', '05'],
      ['research', 'Blog post', 'Acme', '04'],
      ['note', 'Company note', 'Acme', '03'],
      ['interview', 'Tech screen', 'Acme · Staff Engineer', '02'],
      ['note', 'Screen notes', 'Acme · Staff Engineer · Tech screen', '01'],
    ]);
  });

  it('asks to restore the parent first, then restores the child', async () => {
    const s = await seed();
    await core.call('notes.delete', { id: s.interviewNote.id });
    await core.call('interviews.delete', { id: s.interview.id });
    await core.call('openings.delete', { id: s.opening.id });

    const before = core.fingerprint();
    expect(await core.fail('trash.restore', { kind: 'note', id: s.interviewNote.id })).toEqual({
      code: 'CONFLICT',
      message: 'This note belongs to the interview “Acme · Staff Engineer · Tech screen”, which is in the trash too. Restore that first.',
    });
    expect(await core.fail('trash.restore', { kind: 'interview', id: s.interview.id })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('the opening “Acme · Staff Engineer”'),
    });
    expect(core.fingerprint()).toBe(before);

    expect(await core.call('trash.restore', { kind: 'opening', id: s.opening.id })).toEqual({ kind: 'opening', id: s.opening.id });
    await core.call('trash.restore', { kind: 'interview', id: s.interview.id });
    await core.call('trash.restore', { kind: 'note', id: s.interviewNote.id });
    expect(await core.call('trash.list', undefined)).toEqual([]);
    expect((await core.call('interviews.get', { id: s.interview.id })).notes.map((n) => n.id)).toEqual([s.interviewNote.id]);
  });

  it('asks to restore the opening first for a note of an interview hidden with its opening', async () => {
    const s = await seed();
    await core.call('notes.delete', { id: s.interviewNote.id });
    await core.call('openings.delete', { id: s.opening.id });
    expect(await core.fail('trash.restore', { kind: 'note', id: s.interviewNote.id })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('opening “Acme · Staff Engineer”') });
  });

  it('answers NOT_FOUND for something that is not in the trash', async () => {
    const s = await seed();
    expect(await core.fail('trash.restore', { kind: 'opening', id: s.opening.id })).toMatchObject({ code: 'NOT_FOUND', message: 'That item is not in the trash any more.' });
    expect(await core.fail('trash.restore', { kind: 'contact', id: s.opening.id })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('empties for good: children, notes and card files go too; contacts of a removed opening stay', async () => {
    const s = await seed();
    const kept = await core.call('notes.create', { parentType: 'company', parentId: s.opening.companyId, title: 'Kept' });
    await core.call('notes.save', { id: kept.id, title: 'Kept', doc: docOf('Carla is great') });
    await core.call('research.delete', { id: s.research.id });
    await core.call('contacts.delete', { id: s.contact.id });
    await core.call('openings.delete', { id: s.opening.id });
    const cardFile = join(core.vault.attachmentsDir, `${s.card.id}.png`);
    expect(existsSync(cardFile)).toBe(true);

    expect(await core.call('trash.empty', undefined)).toEqual({ removed: 3 });
    expect(await core.call('trash.list', undefined)).toEqual([]);
    expect(existsSync(cardFile)).toBe(false);
    const counts = core.rowCounts();
    expect(counts).toMatchObject({ openings: 0, interviews: 0, interview_team: 0, research_entries: 0, cards: 0, notes: 1, companies: 1 });
    // Ivan met the user in the removed opening's interview; he stays a contact.
    expect((await core.call('contacts.list', undefined)).map((c) => c.name)).toEqual(['Ivan']);
    expect(await core.call('trash.empty', undefined)).toEqual({ removed: 0 });
  });

  it('keeps the card files when emptying fails', async () => {
    const s = await seed();
    await core.call('contacts.delete', { id: s.contact.id });
    core.vault.db.exec(`CREATE TRIGGER refuse_purge BEFORE DELETE ON contacts BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    expect((await core.fail('trash.empty', undefined)).code).toBe('INTERNAL');
    expect(existsSync(join(core.vault.attachmentsDir, `${s.card.id}.png`))).toBe(true);
    expect((await core.call('trash.list', undefined)).map((item) => item.id)).toEqual([s.contact.id]);
  });

  it('removes an explicitly deleted interview with its team rows and notes, keeping the opening', async () => {
    const s = await seed();
    await core.call('interviews.delete', { id: s.interview.id });
    await core.call('trash.empty', undefined);
    expect(core.rowCounts()).toMatchObject({ interviews: 0, interview_team: 0, openings: 1 });
    expect((await core.call('openings.get', { id: s.opening.id })).notes.map((n) => n.id)).toEqual([s.openingNote.id]);
    expect(core.vault.db.prepare('SELECT COUNT(*) AS n FROM notes WHERE id = ?').get(s.interviewNote.id)).toEqual({ n: 0 });
  });

  it('really erases: nothing of a deleted note or touchpoint can be read from the vault’s files afterwards', async () => {
    const s = await seed();
    // Typed over several autosaves, as a user writes: every version must go, not only the last.
    for (const draft of ['Zanzibar', 'Zanzibar plans', 'Zanzibar plans for the offer']) {
      tick();
      await core.call('notes.save', { id: s.openingNote.id, title: 'Quixotic title', doc: docOf(draft) });
    }
    const touchpoint = await core.call('touchpoints.log', { openingId: s.opening.id, channel: 'email', direction: 'outbound', kind: 'follow_up', occurredAt: '2026-03-02T08:00:00.000Z', summary: 'Mentioned Xylophonist salary hopes' });
    await core.call('touchpoints.delete', { id: touchpoint.id });
    await core.call('notes.delete', { id: s.openingNote.id });
    const onDisk = () => ['', '-wal'].map((suffix) => (existsSync(core.vault.path + suffix) ? readFileSync(core.vault.path + suffix).toString('latin1') : '')).join('');
    expect(onDisk()).toMatch(/Zanzibar/);

    await core.call('trash.empty', undefined);
    expect(core.rowCounts()).toMatchObject({ touchpoints: 0 });
    expect(core.vault.db.prepare('SELECT COUNT(*) AS n FROM notes WHERE id = ?').get(s.openingNote.id)).toEqual({ n: 0 });
    const bytes = onDisk();
    for (const word of ['Zanzibar', 'Quixotic', 'Xylophonist', 'zanzibar', 'xylophonist']) expect(bytes.includes(word), word).toBe(false);
    // Search no longer finds it, and the vault is sound.
    expect(await core.call('search.query', { text: 'zanzibar' })).toEqual([]);
    expect(core.vault.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
