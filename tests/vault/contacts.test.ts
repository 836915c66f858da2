import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreHarness, docOf, IMAGES, type CoreHarness } from '#support/core-harness';

let core: CoreHarness;
beforeEach(() => (core = coreHarness('2026-03-02T09:00:00.000Z')));
afterEach(() => core.cleanup());

const slot = { startsAt: '2026-03-03T09:00:00.000Z', endsAt: '2026-03-03T10:00:00.000Z', timeZone: 'UTC', format: 'video' as const };

async function noteWith(parentType: 'opening' | 'company' | 'contact' | 'interview', parentId: string, text: string) {
  const note = await core.call('notes.create', { parentType, parentId, title: text.slice(0, 20) });
  await core.call('notes.save', { id: note.id, title: note.title, doc: docOf(text) });
  return note;
}

describe('contacts', () => {
  it('creates a contact linked to a company by name, and lists everyone by name', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    const zoe = await core.call('contacts.create', { name: 'zoe Zimmer', companyName: ' acme ', email: 'zoe@acme.example', preferredChannel: 'email' });
    const adam = await core.call('contacts.create', { name: 'Adam Ant', phone: '+49 30 1234', linkedinUrl: 'https://www.linkedin.com/in/adam' });
    expect(zoe).toMatchObject({ companyId: opening.companyId, companyName: 'Acme', preferredChannel: 'email', createdAt: '2026-03-02T09:00:00.000Z' });
    expect(adam).toMatchObject({ companyId: null, companyName: null, title: null });
    expect((await core.call('contacts.list', undefined)).map((c) => c.name)).toEqual(['Adam Ant', 'zoe Zimmer']);
    expect((await core.call('companies.list', undefined))[0]).toMatchObject({ name: 'Acme', contactCount: 1 });
  });

  it('updates only the keys present; an empty company unlinks, a new one is created', async () => {
    const contact = await core.call('contacts.create', { name: 'Ann', companyName: 'Acme', title: 'CTO' });
    core.clock.advance(1000);
    const moved = await core.call('contacts.update', { id: contact.id, companyName: 'Globex' });
    expect(moved).toMatchObject({ companyName: 'Globex', title: 'CTO', updatedAt: '2026-03-02T09:00:01.000Z' });
    const unlinked = await core.call('contacts.update', { id: contact.id, companyName: '', title: null });
    expect(unlinked).toMatchObject({ companyId: null, companyName: null, title: null, name: 'Ann' });
  });

  it('shows a contact page: cards, interviews, openings, own notes and the notes that mention them', async () => {
    const acme = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    const atTheirCompany = await core.call('openings.create', { companyName: 'Globex', role: 'Lead' });
    await core.call('openings.create', { companyName: 'Initech', role: 'Unrelated' });
    const maria = await core.call('contacts.create', { name: 'Maria 50%_Off', companyName: 'Globex' });
    const interview = await core.call('interviews.create', { openingId: acme.id, ...slot, team: [{ contactId: maria.id }] });
    const card = await core.call('cards.add', { contactId: maria.id, fileName: 'card.png', mimeType: 'image/png', dataBase64: IMAGES.png });
    const own = await noteWith('contact', maria.id, 'Met Maria 50%_Off at the meetup');
    const mention = await noteWith('opening', acme.id, 'Ask maria 50%_off about the team');
    await noteWith('opening', acme.id, 'Maria 50 percent is someone else'); // wildcard must not match
    const trashed = await noteWith('company', acme.companyId, 'Maria 50%_Off again');
    await core.call('notes.delete', { id: trashed.id });

    const page = await core.call('contacts.get', { id: maria.id });
    expect(page.contact.name).toBe('Maria 50%_Off');
    expect(page.cards).toEqual([card]);
    expect(page.interviews.map((i) => i.id)).toEqual([interview.id]);
    expect(page.openings.map((o) => o.id).sort()).toEqual([acme.id, atTheirCompany.id].sort());
    expect(page.notes.map((n) => n.id)).toEqual([own.id]);
    expect(page.mentionedIn.map((n) => n.id)).toEqual([mention.id]);
    expect(page.mentionedIn[0]!.excerpt).toBe('Ask maria 50%_off about the team');
  });

  it('limits mentions to 20', async () => {
    const contact = await core.call('contacts.create', { name: 'Busy Person' });
    const company = await core.call('openings.create', { companyName: 'Acme', role: 'X' });
    for (let i = 0; i < 25; i++) await noteWith('company', company.companyId, `Busy Person said ${i}`);
    expect((await core.call('contacts.get', { id: contact.id })).mentionedIn).toHaveLength(20);
  });

  it('moves to the trash: gone from lists, teams and pages; restored with everything', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    const interview = await core.call('interviews.create', { openingId: opening.id, ...slot, team: [{ name: 'Ann' }, { name: 'Bob' }] });
    const ann = (await core.call('contacts.list', undefined)).find((c) => c.name === 'Ann')!;
    const note = await noteWith('contact', ann.id, 'About Ann');
    expect(await core.call('contacts.delete', { id: ann.id })).toEqual({ kind: 'contact', id: ann.id, deletedAt: '2026-03-02T09:00:00.000Z' });

    expect((await core.call('contacts.list', undefined)).map((c) => c.name)).toEqual(['Bob']);
    expect(await core.fail('contacts.get', { id: ann.id })).toMatchObject({ code: 'NOT_FOUND', message: 'This contact no longer exists. It may be in the trash.' });
    expect(await core.fail('notes.get', { id: note.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await core.call('interviews.get', { id: interview.id })).team.map((m) => m.name)).toEqual(['Bob']);
    expect((await core.call('openings.get', { id: opening.id })).interviews[0]!.teamNames).toEqual(['Bob']);
    expect((await core.call('trash.list', undefined))[0]).toMatchObject({ kind: 'contact', title: 'Ann', context: 'Acme' });

    await core.call('trash.restore', { kind: 'contact', id: ann.id });
    expect((await core.call('interviews.get', { id: interview.id })).team.map((m) => m.name)).toEqual(['Ann', 'Bob']);
    expect((await core.call('notes.get', { id: note.id })).id).toBe(note.id);
  });
});
