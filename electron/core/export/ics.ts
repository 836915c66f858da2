/** One event of an iCalendar file; instants are ISO strings in UTC. */
export interface CalendarEvent {
  uid: string;
  start: string;
  end: string;
  summary: string;
  location?: string | null;
  url?: string | null;
  description?: string | null;
}

const MAX_LINE_OCTETS = 75;

/** TEXT values escape backslash, semicolon and comma, and carry line breaks as \n (RFC 5545 §3.3.11). */
export function escapeIcsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** 2026-03-02T09:00:00.000Z → 20260302T090000Z */
export function icsUtc(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * Folds a content line into lines of at most 75 octets, each continuation
 * starting with a space, never splitting a UTF-8 character (RFC 5545 §3.1).
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      // The leading space of a continuation counts toward its 75 octets.
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

// Control characters other than tab are not allowed in a TEXT value.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function property(name: string, value: string, escape = true): string {
  const clean = value.replace(CONTROL, '');
  return foldIcsLine(`${name}:${escape ? escapeIcsText(clean) : clean.replace(/[\r\n]/g, '')}`);
}

/** A VCALENDAR with one VEVENT per event, CRLF line ends, ready to import into any calendar. */
export function icsCalendar(events: readonly CalendarEvent[], stamp: Date, name: string): Buffer {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Afterview//Afterview//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', property('X-WR-CALNAME', name)];
  const dtstamp = icsUtc(stamp.toISOString());
  for (const event of events) {
    lines.push('BEGIN:VEVENT', property('UID', event.uid, false), `DTSTAMP:${dtstamp}`, `DTSTART:${icsUtc(event.start)}`, `DTEND:${icsUtc(event.end)}`, property('SUMMARY', event.summary));
    if (event.location) lines.push(property('LOCATION', event.location));
    // URL is a URI value: not text-escaped, only folded.
    if (event.url) lines.push(property('URL', event.url, false));
    if (event.description) lines.push(property('DESCRIPTION', event.description));
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}
