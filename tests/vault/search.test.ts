import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MARK_END, MARK_START } from '#shared/domain/search';
import { coreHarness, docOf, type CoreHarness } from '#support/core-harness';

let core: CoreHarness;
beforeEach(() => (core = coreHarness('2026-03-02T09:00:00.000Z')));
afterEach(() => core.cleanup());

const search = (text: string, limit?: number) => core.call('search.query', limit === undefined ? { text } : { text, limit });
const ids = async (text: string) => (await search(text)).map((result) => result.id);
/** Markers made visible, for readable expectations. */
const shown = (marked: string) => marked.replaceAll(MARK_START, '[').replaceAll(MARK_END, ']');

async function noteOn(openingId: string, title: string, body: string) {
  const note = await core.call('notes.create', { parentType: 'opening', parentId: openingId, title });
  await core.call('notes.save', { id: note.id, title, doc: docOf(body) });
  return note;
}

describe('search.query', () => {
  it('finds every kind, with the route of the page that shows it', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme Rockets', role: 'Staff Engineer', location: 'Lisbon' });
    const contact = await core.call('contacts.create', { name: 'Carla Rocket', title: 'Head of Rockets', email: 'carla@acme.example' });
    const research = await core.call('research.add', { companyId: opening.companyId, occurredOn: '2026-02-01', title: 'Rocket launch report', summary: 'Big news' });
    const note = await noteOn(opening.id, 'Prep', 'Rockets everywhere');
    const results = await search('rocket');
    expect(results.map((r) => [r.kind, r.id, r.route])).toEqual(
      expect.arrayContaining([
        ['opening', opening.id, `/openings/${opening.id}`],
        ['company', opening.companyId, `/companies/${opening.companyId}`],
        ['contact', contact.id, `/contacts/${contact.id}`],
        ['research', research.id, `/companies/${opening.companyId}`],
        ['note', note.id, `/openings/${opening.id}`],
      ]),
    );
    expect(await ids('lisbon')).toEqual([opening.id]);
    expect(await ids('carla acme example')).toEqual([contact.id]);
  });

  it('ignores accents: "jose" finds José and "jóse" finds Jose', async () => {
    const jose = await core.call('contacts.create', { name: 'José Álvarez' });
    const plain = await core.call('contacts.create', { name: 'Jose Smith' });
    expect(new Set(await ids('jose'))).toEqual(new Set([jose.id, plain.id]));
    expect(await ids('alvarez')).toEqual([jose.id]);
    expect(new Set(await ids('JÓSE'))).toEqual(new Set([jose.id, plain.id]));
  });

  it('matches word prefixes, and needs every word', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    const both = await noteOn(opening.id, 'Debrief', 'The interview went well, salary discussed');
    await noteOn(opening.id, 'Other', 'The interview was short');
    expect(await ids('interv')).toHaveLength(2);
    expect(await ids('interv sal')).toEqual([both.id]);
    expect(await ids('interv nothinglikethis')).toEqual([]);
  });

  it('puts title matches first, then the most recently changed', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    const titled = await noteOn(opening.id, 'Offer', 'Numbers');
    core.clock.advance(60_000);
    const older = await noteOn(opening.id, 'A', 'the offer was fine');
    core.clock.advance(60_000);
    const newer = await noteOn(opening.id, 'B', 'another offer arrived');
    expect(await ids('offer')).toEqual([titled.id, newer.id, older.id]);
    await core.call('notes.save', { id: older.id, title: 'A', doc: docOf('the offer was fine, really') });
    expect(await ids('offer')).toEqual([titled.id, older.id, newer.id]);
    expect(await search('offer', 1)).toHaveLength(1);
  });

  it('marks the matched words in the title and snippet, and never answers HTML', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    await noteOn(opening.id, 'Interview <b>prep</b>', 'Before the interview, read the annual report twice.');
    const [result] = await search('interv annual');
    expect(shown(result!.title)).toBe('[Interview] <b>prep</b>');
    expect(shown(result!.snippet)).toContain('[interview], read the [annual] report');
  });

  it('shows the matched words of a long note, even a megabyte in', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `Paragraph ${i} about the usual weekly routine and nothing else.`);
    const deep = await noteOn(opening.id, 'Long journal', '');
    await core.call('notes.save', { id: deep.id, title: 'Long journal', doc: docOf(...filler(16_000), 'Then the recruiter mentioned the relocation budget for Zürich.', ...filler(200)) });
    const early = await noteOn(opening.id, 'Another journal', '');
    await core.call('notes.save', { id: early.id, title: 'Another journal', doc: docOf('The relocation question came first.', ...filler(16_000)) });

    const results = await search('zurich reloc');
    expect(results.map((r) => r.id)).toEqual([deep.id]);
    expect(shown(results[0]!.snippet)).toContain('mentioned the [relocation] budget for [Zürich].');
    expect(results[0]!.snippet.length).toBeLessThan(300);

    const both = await search('relocation');
    expect(both.map((r) => r.id)).toEqual([early.id, deep.id]);
    expect(shown(both[0]!.snippet)).toBe('The [relocation] question came first. Paragraph 0 about the usual weekly routine…');
    expect(shown(both[1]!.snippet)).toMatch(/^….*the \[relocation\] budget/);
  });

  it('leaves out items in the trash, and those hidden with their parent', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Zeppelin pilot' });
    const note = await noteOn(opening.id, 'Zeppelin notes', 'hangar');
    const contact = await core.call('contacts.create', { name: 'Zeppelin Zoe' });
    expect(await ids('zeppelin')).toHaveLength(3);
    await core.call('contacts.delete', { id: contact.id });
    expect(new Set(await ids('zeppelin'))).toEqual(new Set([opening.id, note.id]));
    await core.call('openings.delete', { id: opening.id });
    expect(await ids('zeppelin')).toEqual([]);
    expect(await ids('hangar')).toEqual([]);
    await core.call('trash.restore', { kind: 'opening', id: opening.id });
    expect(new Set(await ids('zeppelin'))).toEqual(new Set([opening.id, note.id]));
  });

  it('keeps the index in step with edits, renames and deletion for good', async () => {
    const opening = await core.call('openings.create', { companyName: 'Initech', role: 'Analyst' });
    const note = await noteOn(opening.id, 'Plan', 'walrus');
    await core.call('notes.save', { id: note.id, title: 'Plan', doc: docOf('narwhal') });
    expect(await ids('walrus')).toEqual([]);
    expect(await ids('narwhal')).toEqual([note.id]);
    await core.call('companies.update', { id: opening.companyId, name: 'Initrode' });
    expect(await ids('initech')).toEqual([]);
    expect(new Set(await ids('initrode'))).toEqual(new Set([opening.id, opening.companyId]));
    const contact = await core.call('contacts.create', { name: 'Pat', title: 'Recruiter' });
    await core.call('contacts.update', { id: contact.id, title: 'Manager' });
    expect(await ids('recruiter')).toEqual([]);
    expect(await ids('manager')).toEqual([contact.id]);
    await core.call('notes.delete', { id: note.id });
    await core.call('trash.empty', undefined);
    expect(await ids('narwhal')).toEqual([]);
    const indexed = core.vault.db.prepare("SELECT COUNT(*) AS n FROM search_docs WHERE kind = 'note'").get() as { n: number };
    expect(indexed.n).toBe(0);
    const fts = core.vault.db.prepare('SELECT (SELECT COUNT(*) FROM search_fts) AS fts, (SELECT COUNT(*) FROM search_titles) AS titles, (SELECT COUNT(*) FROM search_docs) AS docs').get();
    expect(fts).toEqual({ fts: expect.any(Number), titles: (fts as { fts: number }).fts, docs: (fts as { fts: number }).fts });
  });

  it('finds letters by subject and text', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    const interview = await core.call('interviews.create', {
      openingId: opening.id, startsAt: '2026-03-01T09:00:00.000Z', endsAt: '2026-03-01T10:00:00.000Z', timeZone: 'UTC', format: 'video', team: [{ name: 'Ivan Petrov' }],
    });
    const [letter] = await core.call('letters.list', { interviewId: interview.id });
    await core.call('letters.save', { id: letter!.id, subject: 'Thanks for Tuesday', doc: docOf('I enjoyed the whiteboard session') });
    const [result] = await search('whiteboard');
    expect(result).toMatchObject({ kind: 'letter', id: letter!.id, route: `/letters/${letter!.id}` });
    expect(shown(result!.title)).toBe('Thanks for Tuesday');
  });

  it.each([
    ['a lone quote', '"'],
    ['unbalanced quotes', 'say "hello'],
    ['a dash', '-'],
    ['a leading minus', '-acme'],
    ['NEAR(', 'NEAR('],
    ['NEAR with a group', 'NEAR(acme engineer, 2)'],
    ['a star', '*'],
    ['a caret', '^acme'],
    ['a column filter', 'foo:bar'],
    ['AND alone', 'AND'],
    ['OR NOT', 'acme OR NOT'],
    ['parentheses', ')(('],
    ['emoji', '🚀🔥 acme 👩🏽‍💻'],
    ['200 characters', 'a'.repeat(200)],
    ['200 characters of words', 'ab '.repeat(66) + 'ab'],
    ['only spaces', '   '],
    ['empty', ''],
    ['control characters', '\u0000\u0002\u0003'],
  ])('never fails on %s', async (_label, text) => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    await noteOn(opening.id, 'foo', 'bar and acme');
    await expect(search(text)).resolves.toEqual(expect.any(Array));
  });

  it('reads operators as words: "and" is a word to find', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    const note = await noteOn(opening.id, 'Mixed', 'research and development near the foo bar');
    expect(await ids('AND')).toEqual([note.id]);
    expect(await ids('NEAR(')).toEqual([note.id]);
    expect(await ids('foo:bar')).toEqual([note.id]);
  });
});

describe('search.query over everything the user wrote', () => {
  const debrief = { nextStepClear: false, nextStep: '', notifyBy: null, fillBy: null, cardsCollected: false, impressions: '', concerns: '', questions: '', learned: '', team: [] };

  async function interviewOf(openingId: string, title?: string) {
    return core.call('interviews.create', {
      openingId, title, startsAt: '2026-03-01T09:00:00.000Z', endsAt: '2026-03-01T10:00:00.000Z', timeZone: 'UTC', format: 'video', team: [],
    });
  }

  it.each([
    ['impressions', 'Impressions'],
    ['concerns', 'Concerns'],
    ['questions', 'Open questions'],
    ['learned', 'What you learned'],
  ] as const)('finds an interview by its debrief’s %s, names the part that matched, and opens the interview', async (field, label) => {
    const opening = await core.call('openings.create', { companyName: 'Acme Rockets', role: 'Staff Engineer' });
    const interview = await interviewOf(opening.id, 'Panel');
    await core.call('interviews.saveDebrief', { interviewId: interview.id, ...debrief, [field]: 'The team is moving the whole platform to Kubernetes next spring.' });
    const [result, ...rest] = await search('kubern platf');
    expect(rest).toEqual([]);
    expect(result).toMatchObject({ kind: 'interview', id: interview.id, route: `/interviews/${interview.id}`, context: 'Staff Engineer · Acme Rockets' });
    expect(shown(result!.title)).toBe('Round 1 · Panel');
    expect(shown(result!.snippet)).toBe(`${label}: …moving the whole [platform] to [Kubernetes] next spring.`);
  });

  it('finds an interview by its title and where it was, and follows the debrief as it is edited', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    const interview = await interviewOf(opening.id, 'Onsite loop');
    await core.call('interviews.update', { id: interview.id, location: 'Harbour office, Lisbon' });
    expect(await ids('onsite loop')).toEqual([interview.id]);
    expect(await ids('harbour')).toEqual([interview.id]);
    await core.call('interviews.saveDebrief', { interviewId: interview.id, ...debrief, concerns: 'walrus' });
    expect(await ids('walrus')).toEqual([interview.id]);
    await core.call('interviews.saveDebrief', { interviewId: interview.id, ...debrief, concerns: 'narwhal' });
    expect(await ids('walrus')).toEqual([]);
    expect(await ids('narwhal')).toEqual([interview.id]);
  });

  it('finds a touchpoint by what the user wrote and by who it was with, on its opening’s page', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    const contact = await core.call('contacts.create', { name: 'Carla Mendes' });
    const touchpoint = await core.call('touchpoints.log', {
      openingId: opening.id, contactId: contact.id, channel: 'phone', direction: 'inbound', kind: 'other', occurredAt: '2026-03-01T12:00:00.000Z', summary: 'She said the budget for relocation is approved.',
    });
    const [result] = await search('relocation');
    expect(result).toMatchObject({ kind: 'touchpoint', id: touchpoint.id, route: `/openings/${opening.id}`, context: 'Engineer · Acme' });
    expect(shown(result!.title)).toBe('Call from Carla Mendes');
    expect(shown(result!.snippet)).toContain('the budget for [relocation] is approved');
    // Renaming the contact renames the touchpoint where search shows it.
    await core.call('contacts.update', { id: contact.id, name: 'Carla Ruiz' });
    expect(await ids('mendes relocation')).toEqual([]);
    expect(await ids('ruiz relocation')).toEqual([touchpoint.id]);
  });

  it('finds a reference by name, relationship and notes, on the reference’s page', async () => {
    const reference = await core.call('references.create', { name: 'Dana Whitfield', relationship: 'Former manager at Globex', notes: 'Best on my migration project' });
    for (const text of ['whitfield', 'globex manager', 'migration project']) {
      expect(await search(text)).toEqual([expect.objectContaining({ kind: 'reference', id: reference.id, route: `/references/${reference.id}` })]);
    }
    await core.call('references.update', { id: reference.id, notes: 'Ask about the audit' });
    expect(await ids('migration')).toEqual([]);
    expect(await ids('audit')).toEqual([reference.id]);
  });

  it('leaves out interviews, touchpoints and references in the trash, and brings them back on restore', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    const interview = await interviewOf(opening.id);
    await core.call('interviews.saveDebrief', { interviewId: interview.id, ...debrief, impressions: 'zeppelin hangar' });
    const touchpoint = await core.call('touchpoints.log', { openingId: opening.id, channel: 'email', direction: 'outbound', kind: 'follow_up', occurredAt: '2026-03-01T12:00:00.000Z', summary: 'zeppelin follow-up' });
    const reference = await core.call('references.create', { name: 'Zeppelin Zed' });
    expect(new Set(await ids('zeppelin'))).toEqual(new Set([interview.id, touchpoint.id, reference.id]));

    await core.call('interviews.delete', { id: interview.id });
    await core.call('touchpoints.delete', { id: touchpoint.id });
    await core.call('references.delete', { id: reference.id });
    expect(await ids('zeppelin')).toEqual([]);
    await core.call('trash.restore', { kind: 'interview', id: interview.id });
    await core.call('touchpoints.restore', { id: touchpoint.id });
    expect(new Set(await ids('zeppelin'))).toEqual(new Set([interview.id, touchpoint.id]));
    // An opening in the trash hides its interviews and touchpoints with it.
    await core.call('openings.delete', { id: opening.id });
    expect(await ids('zeppelin')).toEqual([]);
  });

  it('forgets what is deleted for good', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    const interview = await interviewOf(opening.id);
    await core.call('interviews.saveDebrief', { interviewId: interview.id, ...debrief, learned: 'quokka' });
    await core.call('touchpoints.log', { openingId: opening.id, channel: 'email', direction: 'outbound', kind: 'follow_up', occurredAt: '2026-03-01T12:00:00.000Z', summary: 'quokka' });
    const reference = await core.call('references.create', { name: 'Quokka Quinn' });
    expect(await ids('quokka')).toHaveLength(3);
    await core.call('openings.delete', { id: opening.id });
    await core.call('references.delete', { id: reference.id });
    await core.call('trash.empty', undefined);
    expect(await ids('quokka')).toEqual([]);
    const left = core.vault.db.prepare("SELECT COUNT(*) AS n FROM search_docs WHERE kind IN ('interview', 'touchpoint', 'reference')").get() as { n: number };
    expect(left.n).toBe(0);
  });
});

