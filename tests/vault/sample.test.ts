import { afterEach, describe, expect, it } from 'vitest';
import { coreHarness, docOf, type CoreHarness } from '#support/core-harness';

let core: CoreHarness;
afterEach(() => core?.cleanup());

const TABLES = ['companies', 'openings', 'contacts', 'interviews', 'notes', 'research_entries', 'letters', 'touchpoints', '"references"', 'opening_references', 'interview_team'];
const counts = () => Object.fromEntries(TABLES.map((table) => [table, (core.vault.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n]));

describe('the sample vault', () => {
  it('loads a small, realistic job search in one go, every row of it marked', async () => {
    core = coreHarness('2026-03-10T09:20:00.000Z');
    expect(await core.call('sample.get', undefined)).toEqual({ rows: 0 });
    const { rows } = await core.call('sample.load', { timeZone: 'Europe/Berlin' });

    const openings = await core.call('openings.list', undefined);
    expect(new Set(openings.map((opening) => opening.stage))).toEqual(new Set(['interviewing', 'applied', 'offer', 'rejected', 'interested']));
    expect(openings.map((opening) => opening.companyName).sort()).toEqual(['Cobalt Labs', 'Fernwood Studio', 'Harbor Logistics', 'Lumen Health', 'Northwind Bank']);
    const lumen = openings.find((opening) => opening.companyName === 'Lumen Health')!;
    const detail = await core.call('openings.get', { id: lumen.id });
    expect(detail.interviews).toHaveLength(2);
    expect(detail.notes.map((note) => note.title)).toEqual(['Why this role']);
    const letters = await core.call('letters.list', { openingId: lumen.id });
    expect(letters.some((letter) => letter.status === 'sent' && letter.recipientName === 'Priya Shah')).toBe(true);
    expect((await core.call('references.list', undefined)).map((reference) => reference.name).sort()).toEqual(['Luis Ortega', 'Maya Chen']);
    const harbor = openings.find((opening) => opening.companyName === 'Harbor Logistics')!;
    expect((await core.call('touchpoints.list', { openingId: harbor.id })).map((touchpoint) => touchpoint.kind)).toEqual(['follow_up']);
    expect((await core.call('touchpoints.list', { openingId: lumen.id })).map((touchpoint) => touchpoint.kind)).toEqual(['thank_you']);
    // Found by search like anything the user types.
    expect((await core.call('search.query', { text: 'booking' })).length).toBeGreaterThan(0);

    // Every row the load wrote is marked, and nothing else.
    const c = counts();
    const markable = c.companies! + c.openings! + c.contacts! + c.interviews! + c.notes! + c.research_entries! + c.letters! + c.touchpoints! + c['"references"']!;
    expect(rows).toBe(markable);
    expect(await core.call('sample.get', undefined)).toEqual({ rows });
  });

  it('loads beside the user’s own rows without marking them, and refuses to load twice', async () => {
    core = coreHarness();
    const mine = await core.call('openings.create', { companyName: 'My Company', role: 'My role' });
    const before = counts();
    await core.call('sample.load', { timeZone: 'UTC' });
    const marked = core.vault.db.prepare("SELECT row_id FROM sample_rows WHERE row_id IN (?, ?)").all(mine.id, mine.companyId);
    expect(marked).toEqual([]);

    const twice = await core.fail('sample.load', { timeZone: 'UTC' });
    expect(twice.code).toBe('CONFLICT');
    expect(twice.message).toMatch(/already/);

    await core.call('sample.remove', undefined);
    expect(counts()).toEqual(before);
    expect(await core.call('sample.get', undefined)).toEqual({ rows: 0 });
    expect((await core.call('openings.get', { id: mine.id })).opening.role).toBe('My role');
  });

  it('removes exactly the sample rows, and keeps every row of the user’s, even ones linked to sample rows', async () => {
    core = coreHarness('2026-03-10T09:00:00.000Z');
    await core.call('sample.load', { timeZone: 'UTC' });
    const openings = await core.call('openings.list', undefined);
    const lumen = openings.find((opening) => opening.companyName === 'Lumen Health')!;
    const harbor = openings.find((opening) => opening.companyName === 'Harbor Logistics')!;
    const lumenInterviews = (await core.call('openings.get', { id: lumen.id })).interviews;
    const maya = (await core.call('references.list', undefined)).find((reference) => reference.name === 'Maya Chen')!;
    const priya = (await core.call('contacts.list', undefined)).find((contact) => contact.name === 'Priya Shah')!;

    // The user's own work, hanging on sample rows.
    const myNote = await core.call('notes.create', { parentType: 'interview', parentId: lumenInterviews[0]!.id, title: 'My own thoughts' });
    await core.call('notes.save', { id: myNote.id, title: 'My own thoughts', doc: docOf('I liked them.') });
    const myOpening = await core.call('openings.create', { companyName: 'Harbor Logistics', role: 'Research Ops Lead' });
    expect(myOpening.companyId).toBe(harbor.companyId);
    await core.call('references.attach', { openingId: myOpening.id, referenceId: maya.id });
    const myInterview = await core.call('interviews.create', {
      openingId: myOpening.id,
      startsAt: '2026-03-12T10:00:00.000Z',
      endsAt: '2026-03-12T11:00:00.000Z',
      timeZone: 'UTC',
      format: 'video',
      team: [{ contactId: priya.id }],
    });
    // And some of the user's own, linked to nothing of the sample.
    const elsewhere = await core.call('openings.create', { companyName: 'Somewhere Else', role: 'Designer' });
    const userRowsBefore = core.vault.db
      .prepare('SELECT COUNT(*) AS n FROM letters WHERE interview_id = ?')
      .get(myInterview.id) as { n: number };

    const result = await core.call('sample.remove', undefined);
    expect(result.removed).toBeGreaterThan(10);
    // The interview (and its opening and company) under the note, Harbor under my opening, Maya and Priya.
    expect(result.kept).toBeGreaterThanOrEqual(5);
    expect(await core.call('sample.get', undefined)).toEqual({ rows: 0 });

    const left = await core.call('openings.list', undefined);
    expect(left.map((opening) => opening.role).sort()).toEqual(['Designer', 'Product Designer', 'Research Ops Lead']);
    expect((await core.call('notes.get', { id: myNote.id })).title).toBe('My own thoughts');
    expect((await core.call('interviews.get', { id: lumenInterviews[0]!.id })).notes.map((note) => note.title)).toEqual(['My own thoughts']);
    // The sample's own note on that interview went; the kept interview holds only the user's.
    const mine = await core.call('interviews.get', { id: myInterview.id });
    expect(mine.team.map((member) => member.name)).toEqual(['Priya Shah']);
    expect((core.vault.db.prepare('SELECT COUNT(*) AS n FROM letters WHERE interview_id = ?').get(myInterview.id) as { n: number }).n).toBe(userRowsBefore.n);
    expect((await core.call('references.list', undefined)).map((reference) => reference.name)).toEqual(['Maya Chen']);
    expect((await core.call('openings.get', { id: elsewhere.id })).opening.companyName).toBe('Somewhere Else');
    const companies = (await core.call('companies.list', undefined)).map((company) => company.name).sort();
    expect(companies).toEqual(['Harbor Logistics', 'Lumen Health', 'Somewhere Else']);
    // Nothing of the sample is left for search to find.
    expect((await core.call('search.query', { text: 'Cobalt' })).length).toBe(0);
  });

  it('keeps every sample row the user changed, with the change, and what it hangs on', async () => {
    core = coreHarness('2026-03-10T09:00:00.000Z');
    await core.call('sample.load', { timeZone: 'UTC' });
    const openings = await core.call('openings.list', undefined);
    const cobalt = openings.find((opening) => opening.companyName === 'Cobalt Labs')!;
    const lumen = await core.call('openings.get', { id: openings.find((opening) => opening.companyName === 'Lumen Health')!.id });
    const sam = (await core.call('contacts.list', undefined)).find((contact) => contact.name === 'Sam Rivera')!;
    const luis = (await core.call('references.list', undefined)).find((reference) => reference.name === 'Luis Ortega')!;
    const whyNote = lumen.notes.find((note) => note.title === 'Why this role')!;
    const northwind = openings.find((opening) => opening.companyName === 'Northwind Bank')!;

    // Days later, the user makes the sample their own here and there.
    core.clock.advance(3 * 86_400_000);
    await core.call('openings.update', { id: cobalt.id, stage: 'applied', nextStep: 'Hear back from Cobalt' });
    await core.call('notes.save', { id: whyNote.id, title: 'Why this role', doc: docOf('My own reasons now.') });
    await core.call('contacts.update', { id: sam.id, name: 'Sam Rivera', email: 'sam@my-real-contact.example' });
    await core.call('references.update', { id: luis.id, name: 'Luis Ortega', permission: 'granted' });
    // Put in the trash without a change: it goes with the sample.
    await core.call('openings.delete', { id: northwind.id });

    await core.call('sample.remove', undefined);
    expect(await core.call('sample.get', undefined)).toEqual({ rows: 0 });
    const left = await core.call('openings.list', undefined);
    expect(left.map((opening) => opening.companyName).sort()).toEqual(['Cobalt Labs', 'Lumen Health']);
    expect((await core.call('openings.get', { id: cobalt.id })).opening).toMatchObject({ stage: 'applied', nextStep: 'Hear back from Cobalt' });
    expect(JSON.stringify((await core.call('notes.get', { id: whyNote.id })).doc)).toContain('My own reasons now.');
    expect((await core.call('contacts.get', { id: sam.id })).contact.email).toBe('sam@my-real-contact.example');
    expect((await core.call('references.list', undefined)).map((reference) => [reference.name, reference.permission])).toEqual([['Luis Ortega', 'granted']]);
    expect(await core.call('trash.list', undefined)).toEqual([]);
    // What the user did not touch went: Lumen's other note, its interviews, the other sample people.
    expect((await core.call('openings.get', { id: lumen.opening.id })).notes.map((note) => note.title)).toEqual(['Why this role']);
    expect((await core.call('contacts.list', undefined)).map((contact) => contact.name)).toEqual(['Sam Rivera']);
  });

  it('says so when there is nothing to remove, and changes nothing', async () => {
    core = coreHarness();
    await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    const digest = core.fingerprint();
    const error = await core.fail('sample.remove', undefined);
    expect(error.code).toBe('NOT_FOUND');
    expect(core.fingerprint()).toBe(digest);
  });
});
