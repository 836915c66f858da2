import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvCell, csvDocument } from '#core/export/csv';
import { MAX_NOTES_CELL } from '#core/export/pipeline-csv';
import { coreHarness, docOf, type CoreHarness } from '#support/core-harness';

/** RFC 4180, read strictly: what a spreadsheet does with the file. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') {
      if (cell !== '') throw new Error(`a quote inside an unquoted cell at ${index}`);
      quoted = true;
    } else if (character === ',') {
      row.push(cell);
      cell = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index++;
    } else if (character === '\n' || character === '\r') throw new Error(`a bare line break outside quotes at ${index}`);
    else cell += character;
  }
  if (quoted) throw new Error('an unclosed quote');
  if (cell !== '' || row.length) throw new Error('the last row has no CRLF');
  return rows;
}

function decode(dataBase64: string): { bom: boolean; rows: string[][] } {
  const bytes = Buffer.from(dataBase64, 'base64');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { bom, rows: parseCsv(bytes.subarray(bom ? 3 : 0).toString('utf8')) };
}

describe('CSV cells', () => {
  it('quote commas, quotes and line breaks, and double the quotes inside', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42_000)).toBe('42000');
  });

  it('turn anything a spreadsheet would run as a formula into text', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('make a file with a byte order mark and CRLF after every row', () => {
    const bytes = csvDocument(['A', 'B'], [['1', '2']]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('A,B\r\n1,2\r\n');
  });
});

describe('exports.pipelineCsv', () => {
  let core: CoreHarness;
  beforeEach(() => (core = coreHarness('2026-03-02T09:00:00.000Z')));
  afterEach(() => core.cleanup());

  it('has one row per opening with its facts, counts, next step and notes, surviving tricky text', async () => {
    const tricky = await core.call('openings.create', {
      companyName: 'Société "Générale", Paris',
      role: '=HYPERLINK("http://evil.example","Click")',
      stage: 'interviewing',
      location: 'Zürich; Genève',
      source: '+41 referral',
      salaryMin: 90_000,
      salaryMax: 110_000,
      salaryCurrency: 'chf',
      appliedOn: '2026-02-20',
      nextStep: '@team call, then "offer"',
      followUpChannel: 'email',
    });
    await core.call('openings.create', { companyName: 'Ålborg Ærø', role: 'Designer' });
    const trashed = await core.call('openings.create', { companyName: 'Gone Inc', role: 'Hidden' });
    await core.call('openings.delete', { id: trashed.id });
    const interview = await core.call('interviews.create', {
      openingId: tricky.id, startsAt: '2026-03-05T09:00:00.000Z', endsAt: '2026-03-05T10:00:00.000Z', timeZone: 'Europe/Zurich', format: 'video',
    });
    await core.call('touchpoints.log', { openingId: tricky.id, channel: 'email', direction: 'outbound', kind: 'follow_up', occurredAt: '2026-03-01T10:00:00.000Z' });
    const note = await core.call('notes.create', { parentType: 'opening', parentId: tricky.id, title: 'First call' });
    await core.call('notes.save', { id: note.id, title: 'First call', doc: docOf('They said "soon", maybe.', '-1 point for the commute') });
    const debrief = await core.call('notes.create', { parentType: 'interview', parentId: interview.id, title: 'Panel' });
    await core.call('notes.save', { id: debrief.id, title: 'Panel', doc: docOf('Café chat: naïve questions') });

    const file = await core.call('exports.pipelineCsv', undefined);
    expect(file.fileName).toBe('Afterview pipeline 2026-03-02.csv');
    expect(file.mimeType).toBe('text/csv');
    const { bom, rows } = decode(file.dataBase64);
    expect(bom).toBe(true);
    const [header, ...data] = rows;
    expect(data).toHaveLength(2);
    const row = (name: string) => Object.fromEntries(header!.map((column, index) => [column, data.find((cells) => cells[0] === name)![index]]));

    const acme = row('Société "Générale", Paris');
    expect(acme.Role).toBe(`'=HYPERLINK("http://evil.example","Click")`);
    expect(acme.Stage).toBe('Interviewing');
    expect(acme.Location).toBe('Zürich; Genève');
    expect(acme.Source).toBe("'+41 referral");
    expect(acme['Next step']).toBe(`'@team call, then "offer"`);
    expect([acme['Salary from'], acme['Salary to'], acme.Currency]).toEqual(['90000', '110000', 'CHF']);
    expect(acme['Applied on']).toBe('2026-02-20');
    expect(acme['Follow up by']).toBe('E-mail');
    expect(acme.Interviews).toBe('1');
    expect(acme['Next interview (UTC)']).toBe('2026-03-05 09:00');
    expect(acme.Touchpoints).toBe('1');
    expect(acme.Notes).toBe('First call\nThey said "soon", maybe.\n-1 point for the commute\n\nPanel\nCafé chat: naïve questions');
    expect(row('Ålborg Ærø').Notes).toBe('');
    expect(data.some((cells) => cells[0] === 'Gone Inc')).toBe(false);
  });

  it('cuts a huge note to what one spreadsheet cell holds, and says so', async () => {
    const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Writer' });
    const note = await core.call('notes.create', { parentType: 'opening', parentId: opening.id, title: 'Long' });
    await core.call('notes.save', { id: note.id, title: 'Long', doc: docOf('word '.repeat(20_000)) });
    const { rows } = decode((await core.call('exports.pipelineCsv', undefined)).dataBase64);
    const notes = rows[1]!.at(-1)!;
    expect(notes.length).toBe(MAX_NOTES_CELL);
    expect(notes.endsWith(' […]')).toBe(true);
  });
});
