import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '#core/errors';
import { icsCalendar } from '#core/export/ics';
import { MAX_INVITE_BYTES, readInvites, type ReadInviteOptions } from '#core/capture/read-invites';
import { fixture, NOW, SAM } from './fixtures';

const options: ReadInviteOptions = { fallbackTimeZone: 'America/Chicago', now: NOW, ownAddresses: [SAM] };
const only = (input: string | Uint8Array, overrides: Partial<ReadInviteOptions> = {}) => {
  const file = readInvites(input, { ...options, ...overrides });
  expect(file.invites).toHaveLength(1);
  return file.invites[0]!;
};
const refusal = (input: string | Uint8Array) => {
  try {
    readInvites(input, options);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).message;
  }
  throw new Error('the file was accepted');
};

/** A one-event calendar around the given event lines. */
const calendar = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...lines, 'END:VCALENDAR'].join('\r\n');
const event = (...lines: string[]) => ['BEGIN:VEVENT', 'UID:test-1@example.org', 'DTSTAMP:20260301T000000Z', ...lines, 'END:VEVENT'].join('\r\n');

describe('invites as calendar programs write them', () => {
  it('Google Calendar: UTC times, the Meet link from X-GOOGLE-CONFERENCE, the team without the user', () => {
    const invite = only(fixture('google-invite.ics'));
    expect(invite).toMatchObject({
      uid: '5k2j9d0c3v8q1m6t4r7b2n0x1h@google.com',
      sequence: 0,
      method: 'REQUEST',
      cancelled: false,
      title: 'Interview: Senior Data Analyst – Sam Candidate',
      startsAt: '2026-03-10T19:00:00.000Z',
      endsAt: '2026-03-10T19:45:00.000Z',
      // Google's invitations carry no zone of their own: the user's is used.
      timeZone: 'America/Chicago',
      timeZoneSource: 'fallback',
      meetingUrl: 'https://meet.google.com/abc-defg-hij',
      meetingProvider: 'meet',
      format: 'video',
      location: null,
      organizer: { name: 'Priya Raman', address: 'priya.raman@northwind.example', self: false },
    });
    expect(invite.attendees.map((person) => [person.name, person.address, person.self, person.response])).toEqual([
      [null, SAM, true, 'needs-action'],
      ['Marcus Lee', 'marcus.lee@northwind.example', false, 'accepted'],
    ]);
    // Google's "do not edit" rules are not part of the description.
    expect(invite.description).toContain('SQL case study');
    expect(invite.description).not.toContain('-::~:~::~');
  });

  it('Outlook/Exchange: a Windows zone name with its VTIMEZONE from 1601, Teams from X-MICROSOFT-SKYPETEAMSMEETINGURL, the room left out', () => {
    const invite = only(fixture('outlook-invite.ics'));
    expect(invite).toMatchObject({
      title: 'Second interview – Platform Engineer',
      // 10:00 in Berlin in March, before the change to summer time, is 09:00 UTC.
      startsAt: '2026-03-12T09:00:00.000Z',
      endsAt: '2026-03-12T10:15:00.000Z',
      timeZone: 'Europe/Berlin',
      timeZoneSource: 'event',
      location: 'Meeting Room Berlin 4.12',
      meetingProvider: 'teams',
      format: 'video',
      organizer: { name: 'Lena Vogel', address: 'lena.vogel@contoso.example' },
    });
    expect(invite.meetingUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3ameeting_/);
    expect(invite.attendees.map((person) => person.address)).toEqual([SAM, 'jonas.becker@contoso.example']);
  });

  it('Outlook with a display name for its zone, in summer time, and a Webex link in the description', () => {
    const invite = only(fixture('outlook-pacific-display-name.ics'));
    expect(invite).toMatchObject({
      startsAt: '2026-04-02T16:00:00.000Z',
      endsAt: '2026-04-02T17:00:00.000Z',
      timeZone: 'America/Los_Angeles',
      meetingProvider: 'webex',
      meetingUrl: 'https://fabrikam.webex.com/fabrikam/j.php?MTID=m4c1f0b2e9d8a7c6b5a4f3e2d1c0b9a8f',
      // "Webex" in LOCATION names the service, not a place.
      location: null,
    });
  });

  it('Apple Calendar: an IANA zone with its VTIMEZONE, a street address as the place, quoted names', () => {
    const invite = only(fixture('apple-invite.ics'));
    expect(invite).toMatchObject({
      sequence: 1,
      startsAt: '2026-04-02T09:30:00.000Z',
      endsAt: '2026-04-02T11:00:00.000Z',
      timeZone: 'Europe/London',
      location: 'Hart & Co., 12 Bishopsgate, London EC2N 4AJ, United Kingdom',
      meetingUrl: null,
      format: 'onsite',
      organizer: { name: 'Olivia Hart', address: 'olivia@hartandco.example' },
    });
    expect(invite.attendees.map((person) => person.name)).toEqual(['Sam Candidate', 'Tom Reed']);
  });

  it('Zoom: the join link in LOCATION, not the "find your local number" link, no place', () => {
    const invite = only(fixture('zoom-invite.ics'));
    expect(invite).toMatchObject({
      method: 'PUBLISH',
      startsAt: '2026-03-16T08:00:00.000Z',
      timeZone: 'Asia/Tokyo',
      meetingUrl: 'https://us06web.zoom.us/j/81234567890?pwd=Q2FuZGlkYXRlSW50ZXJ2aWV3MQ.1',
      meetingProvider: 'zoom',
      location: null,
      organizer: null,
    });
  });

  it('a cancellation carries the same UID and a newer SEQUENCE', () => {
    const original = only(fixture('google-invite.ics'));
    const cancellation = only(fixture('google-cancel.ics'));
    expect(cancellation).toMatchObject({ uid: original.uid, method: 'CANCEL', cancelled: true, sequence: 2 });
    expect(cancellation.sequence).toBeGreaterThan(original.sequence);
  });

  it('reads what the app itself exports back as the same times', () => {
    const exported = icsCalendar([{ uid: 'b1c2', start: '2026-05-04T13:00:00.000Z', end: '2026-05-04T14:00:00.000Z', summary: 'Video interview, round 2', location: 'Online', url: 'https://meet.google.com/xyz-abcd-efg' }], NOW, 'Afterview');
    expect(only(exported)).toMatchObject({ uid: 'b1c2', startsAt: '2026-05-04T13:00:00.000Z', endsAt: '2026-05-04T14:00:00.000Z', meetingProvider: 'meet', location: null });
  });
});

describe('time zones', () => {
  it('maps Windows zone names to IANA zones without a VTIMEZONE, as some servers send them', () => {
    const at = (tzid: string) => only(calendar(event(`DTSTART;TZID=${tzid}:20260701T090000`, `DTEND;TZID=${tzid}:20260701T100000`)));
    expect(at('W. Europe Standard Time')).toMatchObject({ timeZone: 'Europe/Berlin', startsAt: '2026-07-01T07:00:00.000Z' });
    expect(at('Pacific Standard Time')).toMatchObject({ timeZone: 'America/Los_Angeles', startsAt: '2026-07-01T16:00:00.000Z' });
    expect(at('"(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi"')).toMatchObject({ timeZone: 'Asia/Calcutta', startsAt: '2026-07-01T03:30:00.000Z' });
    expect(at('/mozilla.org/20070129_1/Europe/Paris')).toMatchObject({ timeZone: 'Europe/Paris', startsAt: '2026-07-01T07:00:00.000Z' });
  });

  it("honours a custom VTIMEZONE over the zone's name, and finds an IANA zone with its offsets", () => {
    const custom = [
      'BEGIN:VTIMEZONE',
      'TZID:Customized Time Zone',
      'BEGIN:STANDARD',
      'DTSTART:16010101T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:16010101T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3',
      'END:DAYLIGHT',
      'END:VTIMEZONE',
    ].join('\r\n');
    const invite = only(calendar(custom, event('DTSTART;TZID=Customized Time Zone:20260701T090000', 'DTEND;TZID=Customized Time Zone:20260701T100000')));
    expect(invite.startsAt).toBe('2026-07-01T07:00:00.000Z');
    // A zone with the same offsets in summer and winter as central Europe.
    expect(invite.timeZone).toMatch(/^Europe\//);
    expect(invite.timeZoneSource).toBe('event');
  });

  it('an unknown zone name without a definition is read in the user\'s zone, and says so', () => {
    const invite = only(calendar(event('DTSTART;TZID=Mars Standard Time:20260701T090000', 'DURATION:PT45M')));
    expect(invite).toMatchObject({ timeZone: 'America/Chicago', timeZoneSource: 'fallback', startsAt: '2026-07-01T14:00:00.000Z', endsAt: '2026-07-01T14:45:00.000Z' });
    expect(invite.notes.join(' ')).toContain('Mars Standard Time');
  });

  it('a calendar export in UTC with X-WR-TIMEZONE is shown in that zone', () => {
    const invite = only(calendar('X-WR-TIMEZONE:Europe/Madrid', event('DTSTART:20260701T070000Z', 'DTEND:20260701T080000Z')));
    expect(invite).toMatchObject({ timeZone: 'Europe/Madrid', timeZoneSource: 'calendar', startsAt: '2026-07-01T07:00:00.000Z' });
  });

  it('floating times are read in the user\'s zone; a phone number as the place makes it a phone interview', () => {
    const invite = only(fixture('floating.ics'));
    expect(invite).toMatchObject({ floating: true, timeZone: 'America/Chicago', startsAt: '2026-03-18T20:00:00.000Z', endsAt: '2026-03-18T20:30:00.000Z', format: 'phone' });
    expect(only(fixture('floating.ics'), { fallbackTimeZone: 'Asia/Tokyo' }).startsAt).toBe('2026-03-18T06:00:00.000Z');
  });

  it('a time skipped by the change to summer time moves forward; a repeated one is its first occurrence', () => {
    const at = (time: string) => only(calendar(event(`DTSTART;TZID=Europe/Berlin:${time}`, 'DURATION:PT30M'))).startsAt;
    expect(at('20260329T023000')).toBe('2026-03-29T01:30:00.000Z');
    expect(at('20261025T023000')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('a whole-day event spans the day in the user\'s zone and asks for a time', () => {
    const invite = only(fixture('all-day.ics'));
    expect(invite).toMatchObject({ allDay: true, startsAt: '2026-03-20T05:00:00.000Z', endsAt: '2026-03-21T05:00:00.000Z', location: 'Northwind HQ, 1 Harbour Street, Leeds' });
    expect(invite.notes.join(' ')).toContain('whole-day');
  });
});

describe('repeating invitations: the next occurrence is proposed', () => {
  it('skips an excluded date and takes a moved occurrence, with its own times and the series\' people', () => {
    const invite = only(fixture('google-export-weekly.ics'));
    // 9 March is excluded (EXDATE); 16 March was moved from 09:30 to 11:00 Paris time.
    expect(invite).toMatchObject({ startsAt: '2026-03-16T10:00:00.000Z', endsAt: '2026-03-16T10:30:00.000Z', recurrenceId: '2026-03-16T08:30:00.000Z', timeZone: 'Europe/Paris', recurrence: { occurrence: 'next' } });
    expect(invite.recurrence?.rule).toContain('FREQ=WEEKLY');
    expect(invite.attendees.map((person) => person.address)).toEqual([SAM]);
    expect(invite.organizer?.address).toBe('claire.martin@lumiere.example');
  });

  it('takes the next regular occurrence once the moved one is over', () => {
    expect(only(fixture('google-export-weekly.ics'), { now: new Date('2026-03-17T00:00:00Z') }).startsAt).toBe('2026-03-23T08:30:00.000Z');
  });

  it('takes the last occurrence of a series that is over', () => {
    const invite = only(fixture('google-export-weekly.ics'), { now: new Date('2026-06-01T00:00:00Z') });
    // Eight Mondays from 2 February: the last is 23 March.
    expect(invite).toMatchObject({ startsAt: '2026-03-23T08:30:00.000Z', recurrence: { occurrence: 'last' } });
  });

  it('a rule that repeats every second since 1970 is cut short, not followed for ever', () => {
    const started = performance.now();
    const invite = only(calendar(event('DTSTART:19700101T000000Z', 'DURATION:PT1S', 'RRULE:FREQ=SECONDLY')));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(invite.recurrence?.occurrence).toBe('first');
    expect(invite.startsAt).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('bad, hostile and huge files get a clear message', () => {
  it('refuses what is not a calendar', () => {
    expect(refusal('')).toMatch(/starts with BEGIN:VCALENDAR/);
    expect(refusal('Hello, this is a letter.')).toMatch(/not a calendar invitation/);
    expect(refusal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))).toMatch(/not text/);
    expect(refusal('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nEND:VCARD')).toMatch(/not a calendar invitation/);
  });

  it('refuses a damaged file without crashing', () => {
    expect(refusal('BEGIN:VCALENDAR\r\nthis line has no colon\r\nEND:VCALENDAR')).toMatch(/could not be read/);
    expect(refusal('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260301T100000Z')).toMatch(/could not be read|no start time|no event/);
    expect(refusal(calendar(event('DTSTART:not-a-date')))).toMatch(/could not be read|no start time|out of range/);
  });

  it('refuses a calendar with no event, or no start', () => {
    expect(refusal(calendar('BEGIN:VTODO', 'UID:t', 'SUMMARY:Buy milk', 'END:VTODO'))).toMatch(/holds no event/);
    expect(refusal(calendar(event('SUMMARY:No time')))).toMatch(/no start time/);
  });

  it('refuses a file larger than an invitation, and a whole calendar of events', () => {
    expect(refusal('BEGIN:VCALENDAR\r\n' + 'X-PAD:'.padEnd(MAX_INVITE_BYTES, 'x'))).toMatch(/MB.*whole calendar/);
    const many = Array.from({ length: 101 }, (_, index) => event(`DTSTART:20260301T1000${String(index % 60).padStart(2, '0')}Z`).replace('UID:test-1@', `UID:test-${index}@`));
    expect(refusal(calendar(...many))).toMatch(/101 events/);
  });

  it('survives deep nesting and a flood of properties', () => {
    expect(refusal('BEGIN:VCALENDAR\r\n' + 'BEGIN:VEVENT\r\n'.repeat(50_000))).toMatch(/could not be read|no event|no start/);
    const flood = only(calendar(event('DTSTART:20260301T100000Z', 'DURATION:PT1H', ...Array.from({ length: 20_000 }, (_, index) => `ATTENDEE;CN=Person ${index}:mailto:p${index}@example.org`))));
    expect(flood.attendees).toHaveLength(100);
  });

  it('an end before the start gets an hour, and says so', () => {
    const invite = only(calendar(event('DTSTART:20260301T100000Z', 'DTEND:20260301T090000Z')));
    expect(invite.endsAt).toBe('2026-03-01T11:00:00.000Z');
    expect(invite.notes.join(' ')).toContain('no end time');
  });

  it('ignores a VTIMEZONE whose rule repeats every minute, and reads the zone by its name', () => {
    const hostile = ['BEGIN:VTIMEZONE', 'TZID:Europe/Rome', 'BEGIN:STANDARD', 'DTSTART:16010101T000000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0100', 'RRULE:FREQ=MINUTELY', 'END:STANDARD', 'END:VTIMEZONE'].join('\r\n');
    const started = performance.now();
    const invite = only(calendar(hostile, event('DTSTART;TZID=Europe/Rome:20260701T090000', 'DURATION:PT1H')));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(invite).toMatchObject({ timeZone: 'Europe/Rome', startsAt: '2026-07-01T07:00:00.000Z' });
  });

  it('keeps links the app would never open out of the meeting link, and control characters out of the text', () => {
    const invite = only(calendar(event('DTSTART:20260301T100000Z', 'DURATION:PT1H', 'LOCATION:javascript:alert(1)', 'URL:file:///etc/passwd', 'SUMMARY:Interview\u0007\u202e with Ana')));
    expect(invite.meetingUrl).toBeNull();
    expect(invite.title).toBe('Interview with Ana');
  });

  it('never throws anything but a message for the user, whatever the bytes (fuzzed)', () => {
    const lines = fc.array(
      fc.oneof(
        fc.constantFrom('BEGIN:VEVENT', 'END:VEVENT', 'BEGIN:VTIMEZONE', 'END:VTIMEZONE', 'BEGIN:STANDARD', 'END:STANDARD', 'DTSTART:20260301T100000Z', 'DTSTART;VALUE=DATE:20260301', 'DTSTART;TZID=W. Europe Standard Time:20260301T100000', 'RRULE:FREQ=DAILY;COUNT=3', 'RRULE:FREQ=YEARLY', 'TZOFFSETTO:+0100', 'TZOFFSETFROM:+0200', 'DTEND:20260301T090000Z', 'UID:x', 'RECURRENCE-ID:20260302T100000Z', 'ATTENDEE;CN=A:mailto:a@b.c', 'ORGANIZER:mailto:', 'METHOD:CANCEL'),
        fc.string({ maxLength: 40 }),
      ),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(lines, (body) => {
        try {
          readInvites(['BEGIN:VCALENDAR', ...body, 'END:VCALENDAR'].join('\r\n'), options);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
