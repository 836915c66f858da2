import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { escapeIcsText, foldIcsLine } from '#core/export/ics';
import { coreHarness, type CoreHarness } from '#support/core-harness';

interface Event {
  [property: string]: string;
}

/** Reads an .ics back as a calendar would: unfold, split name and value, unescape TEXT. */
function parseIcs(text: string): { lines: string[]; events: Event[] } {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const physical = text.slice(0, -2).split('\r\n');
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) logical[logical.length - 1] += line.slice(1);
    else logical.push(line);
  }
  const events: Event[] = [];
  let current: Event | null = null;
  for (const line of logical) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else if (current) {
      current[name] = name === 'URL' ? value : value.replace(/\\([\\;,nN])/g, (_, escaped: string) => (escaped.toLowerCase() === 'n' ? '\n' : escaped));
    }
  }
  return { lines: physical, events };
}

describe('iCalendar text', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'é'.repeat(60)}${'😀'.repeat(20)}`;
    const folded = foldIcsLine(line).split('\r\n');
    for (const part of folded) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(line);
  });
});

describe('exports.interviewsIcs', () => {
  let core: CoreHarness;
  beforeEach(() => (core = coreHarness('2026-03-02T09:00:00.000Z')));
  afterEach(() => core.cleanup());

  it('has one event per interview that reads back exactly, with a UID that stays the same', async () => {
    const opening = await core.call('openings.create', { companyName: 'Crème, Brûlée; & Co', role: 'Back\\end engineer' });
    const onsite = await core.call('interviews.create', {
      openingId: opening.id,
      title: 'Panel; system design, part 2',
      startsAt: '2026-03-10T13:30:00.000Z',
      endsAt: '2026-03-10T15:00:00.000Z',
      timeZone: 'Europe/Paris',
      format: 'onsite',
      location: `12 rue de l'Église, 75001 Paris; 3rd floor, ask for "Zoë" ${'long directions '.repeat(8)}`,
      team: [{ name: 'Zoë Müller', title: 'Head of Engineering, Paris' }, { name: 'Ana Ruiz' }],
    });
    const video = await core.call('interviews.create', {
      openingId: opening.id,
      startsAt: '2026-03-03T09:00:00.000Z',
      endsAt: '2026-03-03T09:45:00.000Z',
      timeZone: 'UTC',
      format: 'video',
      meetingUrl: `https://meet.example.com/abc-defg-hij?pwd=${'x'.repeat(90)}`,
    });
    const gone = await core.call('interviews.create', { openingId: opening.id, startsAt: '2026-03-04T09:00:00.000Z', endsAt: '2026-03-04T10:00:00.000Z', timeZone: 'UTC', format: 'phone' });
    await core.call('interviews.delete', { id: gone.id });

    const file = await core.call('exports.interviewsIcs', undefined);
    expect(file.fileName).toBe('Afterview interviews 2026-03-02.ics');
    expect(file.mimeType).toBe('text/calendar');
    const text = Buffer.from(file.dataBase64, 'base64').toString('utf8');
    const { lines, events } = parseIcs(text);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(events).toHaveLength(2);

    const [first, second] = events;
    expect(first!.UID).toBe(`${video.id}@afterview`);
    expect(first!.DTSTART).toBe('20260303T090000Z');
    expect(first!.DTEND).toBe('20260303T094500Z');
    expect(first!.SUMMARY).toBe('Crème, Brûlée; & Co – Back\\end engineer – Video interview, round 2');
    expect(first!.URL).toBe(`https://meet.example.com/abc-defg-hij?pwd=${'x'.repeat(90)}`);
    expect(first!.LOCATION).toBeUndefined();
    expect(first!.DESCRIPTION).toBeUndefined();

    expect(second!.UID).toBe(`${onsite.id}@afterview`);
    expect(second!.DTSTART).toBe('20260310T133000Z');
    expect(second!.SUMMARY).toBe('Crème, Brûlée; & Co – Back\\end engineer – Panel; system design, part 2');
    expect(second!.LOCATION).toBe(`12 rue de l'Église, 75001 Paris; 3rd floor, ask for "Zoë" ${'long directions '.repeat(8).trim()}`);
    expect(second!.DESCRIPTION).toBe('Interview team:\nZoë Müller, Head of Engineering, Paris\nAna Ruiz');

    // Exported again after a change: the same UIDs, so a calendar updates its events instead of doubling them.
    await core.call('interviews.update', { id: onsite.id, startsAt: '2026-03-11T13:30:00.000Z', endsAt: '2026-03-11T15:00:00.000Z' });
    const again = parseIcs(Buffer.from((await core.call('exports.interviewsIcs', undefined)).dataBase64, 'base64').toString('utf8')).events;
    expect(again.map((event) => event.UID).sort()).toEqual([first!.UID, second!.UID].sort());
    expect(again.find((event) => event.UID === second!.UID)!.DTSTART).toBe('20260311T133000Z');
  });
});
