import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gatherPrepSheet } from '#core/export/prep-sheet';
import type { Printer } from '#core/export/printer';
import { createServices } from '#core/services';
import { createSettingsRepository } from '#core/settings/repository';
import type { DocNode } from '#shared/domain/note';
import { DEFAULT_SETTINGS } from '#shared/domain/settings';
import { coreHarness, docOf, type CoreHarness } from '#support/core-harness';
import { parseMarkdown } from '#support/commonmark-structure';
import { unzipEntry } from '#support/unzip';

let core: CoreHarness;
const printed: string[] = [];
const fakePrinter: Printer = {
  pdf: async (html) => {
    printed.push(html);
    return Buffer.from('%PDF-1.7 fake');
  },
  close: async () => undefined,
};

beforeEach(() => {
  core = coreHarness('2026-03-02T09:00:00.000Z', { printer: fakePrinter });
  printed.length = 0;
  createSettingsRepository(core.vault.db).save({ ...DEFAULT_SETTINGS, profile: { name: 'Sam Taylor', address: '12 Harbour Road\nBristol BS1 4RW' } });
});
afterEach(() => core.cleanup());

const text = (file: { dataBase64: string }) => Buffer.from(file.dataBase64, 'base64').toString('utf8');
const richNote: DocNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Their stack' }] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Snowflake and dbt', marks: [{ type: 'bold' }] }] }] }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Careers page', marks: [{ type: 'link', attrs: { href: 'https://northwind.example/careers' } }] }] },
  ],
};

/** An opening with everything a prep sheet gathers, and some things it must leave out. */
async function seed() {
  const opening = await core.call('openings.create', {
    companyName: 'Northwind',
    role: 'Data Analyst',
    stage: 'applied',
    jobUrl: 'https://northwind.example/jobs/42',
    location: 'Bristol',
    salaryMin: 50_000,
    salaryMax: 60_000,
    salaryCurrency: 'GBP',
    source: 'Referral',
    appliedOn: '2026-02-20',
  });
  await core.call('companies.update', { id: opening.companyId, website: 'https://northwind.example' });
  await core.call('research.add', { companyId: opening.companyId, occurredOn: '2026-02-25', title: 'Annual report', sourceUrl: 'https://northwind.example/report', summary: 'Revenue up 12%.' });
  const goneResearch = await core.call('research.add', { companyId: opening.companyId, occurredOn: '2026-02-26', title: 'Deleted finding' });
  await core.call('research.delete', { id: goneResearch.id });

  const first = await core.call('interviews.create', {
    openingId: opening.id,
    startsAt: '2026-03-03T10:00:00+01:00',
    endsAt: '2026-03-03T11:00:00+01:00',
    timeZone: 'Europe/Berlin',
    format: 'video',
    meetingUrl: 'https://meet.example/abc',
    team: [{ name: 'Ana Ruiz', title: 'Head of Analytics', email: 'ana@northwind.example' }],
  });
  const ana = (await core.call('interviews.get', { id: first.id })).team[0]!;
  core.clock.set('2026-03-03T12:00:00.000Z');
  await core.call('interviews.saveDebrief', {
    interviewId: first.id,
    nextStepClear: true,
    nextStep: 'Case study with the team',
    notifyBy: '2026-03-10',
    fillBy: null,
    cardsCollected: true,
    impressions: 'Warm and direct.',
    concerns: 'On-call rota\nTeam of two',
    questions: '- Who owns the roadmap?\n- How is success measured?',
    learned: 'They moved to dbt last year.',
    team: [{ contactId: ana.contactId, preferredChannel: 'email', cardCollected: true }],
    complete: true,
  });
  const second = await core.call('interviews.create', {
    openingId: opening.id,
    title: 'Case study',
    startsAt: '2026-03-06T14:00:00Z',
    endsAt: '2026-03-06T15:30:00Z',
    timeZone: 'UTC',
    format: 'onsite',
    location: '1 Dock Street',
    team: [{ name: 'Ben Okafor' }],
  });
  core.clock.set('2026-03-06T16:00:00.000Z');
  await core.call('interviews.saveDebrief', {
    interviewId: second.id,
    nextStepClear: false,
    nextStep: '',
    notifyBy: null,
    fillBy: null,
    cardsCollected: false,
    impressions: '',
    concerns: '',
    questions: 'Is the role hybrid?',
    learned: '',
    team: [],
    complete: false,
  });

  const openingNote = await core.call('notes.create', { parentType: 'opening', parentId: opening.id, title: 'Research' });
  await core.call('notes.save', { id: openingNote.id, title: 'Research', doc: richNote });
  const interviewNote = await core.call('notes.create', { parentType: 'interview', parentId: first.id, title: 'What they asked' });
  await core.call('notes.save', { id: interviewNote.id, title: 'What they asked', doc: docOf('Tell me about a model you shipped.') });
  const companyNote = await core.call('notes.create', { parentType: 'company', parentId: opening.companyId, title: 'Culture' });
  await core.call('notes.save', { id: companyNote.id, title: 'Culture', doc: docOf('Four-day week in summer.') });
  const trashedNote = await core.call('notes.create', { parentType: 'opening', parentId: opening.id, title: 'Scrap' });
  await core.call('notes.save', { id: trashedNote.id, title: 'Scrap', doc: docOf('Never print this.') });
  await core.call('notes.delete', { id: trashedNote.id });

  await core.call('touchpoints.log', { openingId: opening.id, contactId: ana.contactId, channel: 'email', direction: 'inbound', kind: 'other', occurredAt: '2026-03-05T09:00:00.000Z', summary: 'Sent the case brief.' });
  const reference = await core.call('references.create', { name: 'Dana Lee', relationship: 'Former manager', permission: 'granted', email: 'dana@example.com' });
  await core.call('references.attach', { openingId: opening.id, referenceId: reference.id });
  await core.call('references.create', { name: 'Not Used', permission: 'granted' });

  // Another opening's interview and note stay out of this one's sheet.
  const other = await core.call('openings.create', { companyName: 'Globex', role: 'Designer' });
  const otherNote = await core.call('notes.create', { parentType: 'opening', parentId: other.id, title: 'Globex thoughts' });

  const contact = await core.call('contacts.create', { name: 'Carla Diaz', companyName: 'Northwind' });
  const contactNote = await core.call('notes.create', { parentType: 'contact', parentId: contact.id, title: 'Coffee chat' });
  core.clock.set('2026-03-07T09:00:00.000Z');
  return { opening, first, second, ana, openingNote, interviewNote, companyNote, trashedNote, other, otherNote, contact, contactNote };
}

describe('gathering the prep sheet', () => {
  it('collects the opening, its company and research, every interview with team and debrief, notes in full, touchpoints, references and open items', async () => {
    const s = await seed();
    const services = createServices({ vault: core.vault, appVersion: 'test', now: core.clock.now });
    const sheet = gatherPrepSheet(services, s.opening.id);

    expect(sheet.opening).toMatchObject({ role: 'Data Analyst', jobUrl: 'https://northwind.example/jobs/42', salaryMin: 50_000, nextStep: 'Case study with the team', notifyBy: '2026-03-10' });
    expect(sheet.company).toMatchObject({ name: 'Northwind', website: 'https://northwind.example' });
    expect(sheet.research.map((entry) => entry.title)).toEqual(['Annual report']);
    expect(sheet.interviews.map(({ interview }) => interview.round)).toEqual([1, 2]);
    expect(sheet.interviews[0]!.team).toEqual([expect.objectContaining({ name: 'Ana Ruiz', title: 'Head of Analytics', preferredChannel: 'email', cardCollected: true })]);
    expect(sheet.interviews[0]!.debrief).toMatchObject({ impressions: 'Warm and direct.', completedAt: '2026-03-03T12:00:00.000Z' });
    expect(sheet.interviews[0]!.notes.map((note) => [note.title, note.doc])).toEqual([['What they asked', docOf('Tell me about a model you shipped.')]]);
    expect(sheet.interviews[1]!.team.map((member) => member.name)).toEqual(['Ben Okafor']);
    expect(sheet.notes.map((note) => [note.title, note.doc])).toEqual([['Research', richNote]]);
    expect(sheet.companyNotes.map((note) => note.title)).toEqual(['Culture']);
    expect(sheet.people.map((person) => person.name).sort()).toEqual(['Ana Ruiz', 'Ben Okafor', 'Carla Diaz']);
    expect(sheet.touchpoints.map((touch) => touch.summary)).toContain('Sent the case brief.');
    expect(sheet.references.map(({ reference, use }) => [reference.name, use.openingId])).toEqual([['Dana Lee', s.opening.id]]);
    expect(sheet.letters.map((letter) => letter.recipientName).sort()).toEqual(['Ana Ruiz', 'Ben Okafor']);
    // The latest interview's questions first; one item per line, list markers dropped.
    expect(sheet.questions).toEqual([
      { text: 'Is the role hybrid?', from: 'Round 2: Case study' },
      { text: 'Who owns the roadmap?', from: 'Round 1' },
      { text: 'How is success measured?', from: 'Round 1' },
    ]);
    expect(sheet.concerns).toEqual([
      { text: 'On-call rota', from: 'Round 1' },
      { text: 'Team of two', from: 'Round 1' },
    ]);
  });

  it('refuses an unknown opening or one in the trash', async () => {
    const s = await seed();
    await core.call('openings.delete', { id: s.other.id });
    expect(await core.fail('openings.prepSheet.export', { id: s.other.id, format: 'markdown' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await core.fail('openings.prepSheet.export', { id: '00000000-0000-4000-8000-000000000000', format: 'markdown' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await core.fail('openings.prepSheet.export', { id: s.opening.id, format: 'txt' })).toMatchObject({ code: 'INVALID_INPUT', field: 'format' });
  });
});

describe('openings.prepSheet.export', () => {
  it('is one document: questions first, then the facts, interviews, notes, company, people, touchpoints, letters and references', async () => {
    const s = await seed();
    const file = await core.call('openings.prepSheet.export', { id: s.opening.id, format: 'markdown' });
    expect(file).toMatchObject({ fileName: 'Prep sheet - Data Analyst - Northwind.md', mimeType: 'text/markdown' });
    const markdown = text(file);
    const headings = parseMarkdown(markdown).flatMap((block) => (block.type === 'heading' && block.level === 2 ? [block.inline.map((run) => ('text' in run ? run.text : '')).join('')] : []));
    expect(headings).toEqual(['To ask and to settle', 'The opening', 'Interviews', 'Notes', 'The company: Northwind', 'People', 'Touchpoints', 'Letters', 'References']);
    for (const expected of [
      '# Prep sheet: Data Analyst at Northwind',
      '- Who owns the roadmap? *(Round 1)*',
      '- On-call rota *(Round 1)*',
      '- **Job link:** [https://northwind.example/jobs/42](https://northwind.example/jobs/42)',
      '- **Salary:** 50,000 – 60,000 GBP',
      '- **They will let you know by:** 10 March 2026',
      '### Round 1',
      '- **When:** 3 March 2026, 10:00–11:00 (Europe/Berlin)',
      '- **Ana Ruiz** — Head of Analytics · ana@northwind.example · prefers E-mail · card collected',
      '**Open questions:** - Who owns the roadmap?\\\n\\- How is success measured?',
      '### Round 2: Case study',
      'Tell me about a model you shipped.',
      '### Research\n\n*Last edited',
      '#### Their stack',
      '- **Snowflake and dbt**',
      '[Careers page](https://northwind.example/careers)',
      '[Annual report](https://northwind.example/report): Revenue up 12%.',
      'Four-day week in summer.',
      'Ana Ruiz to you · **E-mail**: Sent the case brief.',
      '- **Dana Lee** — Former manager · Said yes · brief not sent · dana@example.com',
    ]) {
      expect(markdown, expected).toContain(expected);
    }
    expect(markdown).not.toContain('Never print this.');
    expect(markdown).not.toContain('Deleted finding');
    expect(markdown).not.toContain('Globex');
    expect(markdown).not.toContain('Not Used');
  });

  it('comes as PDF through the printer, as Word and as a web page, with the notes in full', async () => {
    const s = await seed();
    const pdf = await core.call('openings.prepSheet.export', { id: s.opening.id, format: 'pdf' });
    expect(pdf.fileName).toBe('Prep sheet - Data Analyst - Northwind.pdf');
    expect(printed[0]).toContain('<h1>Prep sheet: Data Analyst at Northwind</h1>');
    expect(printed[0]).toContain('<h4>Their stack</h4>');

    const html = await core.call('openings.prepSheet.export', { id: s.opening.id, format: 'html' });
    expect(text(html)).toBe(printed[0]);

    const docx = Buffer.from((await core.call('openings.prepSheet.export', { id: s.opening.id, format: 'docx' })).dataBase64, 'base64');
    const xml = unzipEntry(docx, 'word/document.xml')!;
    for (const words of ['To ask and to settle', 'Who owns the roadmap?', 'Tell me about a model you shipped.', 'Snowflake and dbt', 'Revenue up 12%.']) expect(xml, words).toContain(words);
    expect(unzipEntry(docx, 'word/_rels/document.xml.rels')).toContain('https://northwind.example/report');
  });
});

describe('notes.export', () => {
  it('names the file after the note and what it belongs to, wherever the note lives', async () => {
    const s = await seed();
    const cases: [string, string, string][] = [
      [s.openingNote.id, 'Research - Northwind.md', 'Note on Data Analyst at Northwind'],
      [s.interviewNote.id, 'What they asked - Northwind.md', 'Note on Round 1 interview, Data Analyst at Northwind'],
      [s.companyNote.id, 'Culture - Northwind.md', 'Note on Northwind'],
      [s.contactNote.id, 'Coffee chat - Carla Diaz.md', 'Note on Carla Diaz'],
    ];
    for (const [id, fileName, subtitle] of cases) {
      const file = await core.call('notes.export', { id, format: 'markdown' });
      expect(file.fileName).toBe(fileName);
      expect(text(file)).toContain(`*${subtitle}*`);
    }
    const word = Buffer.from((await core.call('notes.export', { id: s.openingNote.id, format: 'docx' })).dataBase64, 'base64');
    expect(unzipEntry(word, 'word/document.xml')).toContain('Snowflake and dbt');
  });

  it('refuses a note in the trash or one that never was', async () => {
    const s = await seed();
    expect(await core.fail('notes.export', { id: s.trashedNote.id, format: 'html' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await core.fail('notes.export', { id: '00000000-0000-4000-8000-000000000000', format: 'html' })).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('letters.export', () => {
  it('prints and saves as a web page in the letter layout; Word and Markdown carry the subject and recipient', async () => {
    const s = await seed();
    const [letter] = await core.call('letters.list', { interviewId: s.first.id });
    const html = text(await core.call('letters.export', { id: letter!.id, format: 'html' }));
    expect(html).toContain('12 Harbour Road<br>Bristol BS1 4RW');
    expect(html).toContain('7 March 2026');
    expect(html).toContain('Dear Ana,');

    const markdown = await core.call('letters.export', { id: letter!.id, format: 'markdown' });
    expect(markdown.fileName).toBe('Thank-you - Ana Ruiz - Northwind.md');
    expect(text(markdown)).toMatch(/^# .+\n\n\*To Ana Ruiz, Head of Analytics, Northwind\*\n\n\*7 March 2026\*\n\nDear Ana,/);

    const docx = await core.call('letters.export', { id: letter!.id, format: 'docx' });
    expect(docx.fileName).toBe('Thank-you - Ana Ruiz - Northwind.docx');
    expect(unzipEntry(Buffer.from(docx.dataBase64, 'base64'), 'word/document.xml')).toContain('Dear Ana,');
  });
});
