import ICAL from 'ical.js';
import { createHash } from 'node:crypto';
import { wallClockInstant as zonedWallClock, zoneOffsetMs, type WallClock } from '#shared/domain/zoned-time';
import { AppError } from '../errors';
import { calendarPerson, isIndividual } from './calendar-people';
import { cleanText, oneLine, shorten } from './captured-text';
import type { InviteFile, InviteMethod, InvitePerson, InviteProposal } from './invite-proposal';
import { addressSet } from './mail-addresses';
import { findMeetingLink, linksIn } from './meeting-links';
import { ianaZoneFor, isKnownZone, zoneWithOffsets } from './zone-names';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;
type Timezone = InstanceType<typeof ICAL.Timezone>;

/** An invitation is a few kilobytes; Outlook's with an embedded image a few hundred. More is a whole calendar. */
export const MAX_INVITE_BYTES = 2 * 1024 * 1024;
/** Distinct events in one file; past this it is a calendar export, not an invitation. */
export const MAX_INVITE_EVENTS = 100;
/** Occurrences of a repeating event walked to find the next one. */
const MAX_OCCURRENCES = 5000;
const OCCURRENCE_BUDGET_MS = 250;
const HALF_YEAR_MS = 182 * 86_400_000;
const HOUR_MS = 3_600_000;
const METHODS: readonly InviteMethod[] = ['REQUEST', 'CANCEL', 'PUBLISH', 'REPLY', 'ADD', 'REFRESH', 'COUNTER', 'DECLINECOUNTER'];

export interface ReadInviteOptions {
  /** The user's zone: for times in UTC or with no zone, and for whole-day events. */
  fallbackTimeZone: string;
  /** For a repeating event, the next occurrence after this instant is proposed. */
  now: Date;
  /** The user's own addresses, so that they are recognised among the attendees. */
  ownAddresses?: Iterable<string>;
}

function invalid(message: string): AppError {
  return new AppError('INVALID_INPUT', message);
}

/**
 * Reads an .ics file (its bytes or text) into proposed interviews, one per
 * event. Throws an AppError with a message for the user when the file is not
 * a calendar, is too large, or holds no usable event; never anything else.
 */
export function readInvites(input: string | Uint8Array, options: ReadInviteOptions): InviteFile {
  const text = decodeInvite(input);
  let root: Component;
  try {
    const parsed: unknown = ICAL.parse(text);
    const first = Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : parsed;
    root = new ICAL.Component(first as unknown[]);
  } catch (error) {
    throw invalid(`This calendar file could not be read${parserReason(error)}.`);
  }
  if (root.name !== 'vcalendar') throw invalid('This is not a calendar invitation: it holds no calendar.');
  try {
    return readCalendar(root, options);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid(`This calendar file could not be read${parserReason(error)}.`);
  }
}

function decodeInvite(input: string | Uint8Array): string {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > MAX_INVITE_BYTES) throw invalid(`This calendar file is ${(size / 1_048_576).toFixed(1)} MB; an invitation is far smaller (at most 2 MB). Is it a whole calendar export?`);
  if (typeof input !== 'string' && input.includes(0)) throw invalid('This is not a calendar invitation: the file is not text.');
  const text = (typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input)).replace(/^\ufeff/, '');
  if (!/^\s*BEGIN:VCALENDAR/i.test(text)) throw invalid('This is not a calendar invitation: an .ics file starts with BEGIN:VCALENDAR.');
  return text;
}

function parserReason(error: unknown): string {
  const message = error instanceof Error ? oneLine(error.message, 120) : '';
  return message ? ` (${message})` : '';
}

function readCalendar(root: Component, options: ReadInviteOptions): InviteFile {
  const methodValue = String(root.getFirstPropertyValue('method') ?? '').trim().toUpperCase();
  const method = (METHODS as readonly string[]).includes(methodValue) ? (methodValue as InviteMethod) : null;
  const calendarZone = String(root.getFirstPropertyValue('x-wr-timezone') ?? '').trim();
  const events = root.getAllSubcomponents('vevent');
  // Before any event time is read: reading one attaches its VTIMEZONE, which must be safe by then.
  dropUnsafeTimezones(root, earliestYear(events));
  if (events.length === 0) throw invalid('This calendar file holds no event to turn into an interview.');
  const byUid = new Map<string, Component[]>();
  for (const event of events) {
    const uid = uidOf(event);
    byUid.set(uid, [...(byUid.get(uid) ?? []), event]);
  }
  if (byUid.size > MAX_INVITE_EVENTS) throw invalid(`This file holds ${byUid.size} events: it looks like a whole calendar rather than an invitation.`);
  const context: Context = {
    fallbackZone: isKnownZone(options.fallbackTimeZone) ? options.fallbackTimeZone : 'UTC',
    calendarZone: calendarZone ? ianaZoneFor(calendarZone) : null,
    now: options.now.getTime(),
    own: addressSet(options.ownAddresses ?? []),
    method,
  };
  const invites: InviteProposal[] = [];
  for (const [uid, components] of byUid) {
    const master = components.find((component) => !component.hasProperty('recurrence-id'));
    const overrides = components.filter((component) => component !== master);
    if (master) {
      const proposal = proposalOfSeries(uid, master, overrides, context);
      if (proposal) invites.push(proposal);
    } else {
      // An update or cancellation of one occurrence only (Outlook sends these without the series).
      for (const override of overrides) {
        const proposal = proposalOfSingle(uid, override, context);
        if (proposal) invites.push(proposal);
      }
    }
  }
  if (invites.length === 0) throw invalid('The event in this file has no start time, so it cannot become an interview.');
  return { method, invites };
}

interface Context {
  fallbackZone: string;
  calendarZone: string | null;
  now: number;
  own: Set<string>;
  method: InviteMethod | null;
}

/** A UID the file gave, or one made from what identifies the event, so that importing the same file twice matches. */
function uidOf(event: Component): string {
  const uid = oneLine(String(event.getFirstPropertyValue('uid') ?? ''), 500);
  if (uid) return uid;
  const identity = ['dtstart', 'summary', 'organizer'].map((name) => String(event.getFirstProperty(name)?.toICALString() ?? '')).join('\n');
  return `afterview-${createHash('sha256').update(identity).digest('hex').slice(0, 32)}`;
}

/**
 * A VTIMEZONE is honoured only when it is what calendars write: yearly rules
 * and a bounded list of dates. Anything else (a rule every second) would make
 * ical.js expand it at length; without it, the TZID's name is used instead.
 */
function dropUnsafeTimezones(root: Component, fromYear: number): void {
  for (const zone of root.getAllSubcomponents('vtimezone')) {
    const observances = zone.getAllSubcomponents().filter((part) => part.name === 'standard' || part.name === 'daylight');
    const safe =
      zone.getFirstPropertyValue('tzid') &&
      observances.length > 0 &&
      observances.length <= 400 &&
      observances.every((part) => {
        const rules = part.getAllProperties('rrule');
        const dtstart = part.getFirstPropertyValue('dtstart') as Time | null;
        return (
          dtstart && dtstart.year >= 1500 &&
          part.hasProperty('tzoffsetto') &&
          part.hasProperty('tzoffsetfrom') &&
          part.getAllProperties('rdate').length <= 400 &&
          rules.length <= 1 &&
          rules.every((rule) => String((rule.getFirstValue() as { freq?: string }).freq).toUpperCase() === 'YEARLY')
        );
      });
    if (!safe) {
      root.removeSubcomponent(zone);
      continue;
    }
    for (const observance of observances) startRuleLater(observance, fromYear);
  }
}

/** The year before the earliest event starts, as a leap year (so that a rule on 29 February keeps its day). */
function earliestYear(events: Component[]): number {
  let earliest = Infinity;
  for (const event of events) {
    // The raw jCal value ("2026-03-10T14:00:00"): parsing it as a time would look its zone up already.
    const properties = (event.jCal as unknown[])[1] as unknown[][];
    const start = properties.find((property) => property[0] === 'dtstart');
    const year = Number(String(start?.[3] ?? '').slice(0, 4));
    if (Number.isInteger(year) && year > 0) earliest = Math.min(earliest, year);
  }
  const year = Number.isFinite(earliest) ? earliest - 1 : 1972;
  return year - (year % 4);
}

/**
 * Outlook starts every rule in 1601, and ical.js expands a rule from its
 * start: four centuries of DST changes per invite. A yearly rule without an
 * end gives the same dates from any later year, so it starts just before the
 * events do.
 */
function startRuleLater(observance: Component, fromYear: number): void {
  const rule = observance.getFirstPropertyValue('rrule') as { count?: number; until?: unknown } | null;
  const property = observance.getFirstProperty('dtstart');
  const start = property?.getFirstValue() as Time | null;
  if (!rule || rule.count || rule.until || !property || !start || start.year >= fromYear) return;
  const moved = start.clone();
  moved.year = fromYear;
  property.setValue(moved);
}

function proposalOfSeries(uid: string, master: Component, overrides: Component[], context: Context): InviteProposal | null {
  if (!master.hasProperty('dtstart')) return null;
  const event = new ICAL.Event(master, { exceptions: overrides, strictExceptions: false });
  if (!event.isRecurring()) return proposalOf(uid, master, event.startDate, event.endDate, context);
  const rule = oneLine(String(master.getFirstProperty('rrule')?.toICALString() ?? master.getFirstProperty('rdate')?.toICALString() ?? ''), 500);
  const startZone = tzidOf(master, 'dtstart');
  const iterator = event.iterator();
  const started = performance.now();
  let first: Occurrence | null = null;
  let last: Occurrence | null = null;
  let next: Occurrence | null = null;
  let walked = 0;
  let capped = false;
  for (let time = iterator.next(); time; time = iterator.next()) {
    if (++walked > MAX_OCCURRENCES || performance.now() - started > OCCURRENCE_BUDGET_MS) {
      capped = true;
      break;
    }
    const details = event.getOccurrenceDetails(time);
    const item = details.item.component;
    if (String(item.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED' && item !== master) continue;
    const occurrence = { item, start: details.startDate, end: details.endDate, zone: item === master ? startZone : tzidOf(item, 'dtstart') };
    first ??= occurrence;
    last = occurrence;
    if (instantOf(occurrence.end, occurrence.zone, context) > context.now) {
      next = occurrence;
      break;
    }
  }
  const which = next ? 'next' : capped ? 'first' : 'last';
  const chosen = which === 'next' ? next : which === 'first' ? first : last;
  if (!chosen) return null;
  const proposal = proposalOf(uid, chosen.item, chosen.start, chosen.end, context, master);
  if (!proposal) return null;
  proposal.recurrence = { rule, occurrence: which };
  proposal.notes.push(
    which === 'next'
      ? 'This invitation repeats; the times are those of its next occurrence.'
      : which === 'last'
        ? 'This invitation repeats, and every occurrence is over; the times are those of the last one.'
        : 'This invitation repeats too often to follow; the times are those of an early occurrence.',
  );
  return proposal;
}

interface Occurrence {
  item: Component;
  start: Time;
  end: Time;
  zone: string | null;
}

function proposalOfSingle(uid: string, component: Component, context: Context): InviteProposal | null {
  if (!component.hasProperty('dtstart')) return null;
  const event = new ICAL.Event(component);
  return proposalOf(uid, component, event.startDate, event.endDate, context);
}

function tzidOf(component: Component, property: string): string | null {
  const value = component.getFirstProperty(property)?.getParameter('tzid');
  const tzid = Array.isArray(value) ? value[0] : value;
  return typeof tzid === 'string' && tzid.trim() ? tzid.trim() : null;
}

function fields(time: Time): WallClock {
  return { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second };
}

function isUtc(time: Time): boolean {
  return time.zone?.tzid === 'UTC';
}

function definedZone(time: Time): Timezone | null {
  const zone = time.zone;
  return zone && zone.tzid !== 'UTC' && zone.tzid !== 'floating' && zone.component ? zone : null;
}

/** The instant a zone's clock shows a calendar time: RFC 5545's rules for skipped and repeated times are Temporal's 'compatible'. */
function wallClockInstant(clock: WallClock, zone: string): number {
  return zonedWallClock(clock, zone).getTime();
}

/** The instant of a calendar time: UTC as is, a defined zone by its VTIMEZONE, a named zone by its rules, floating in the user's zone. */
function instantOf(time: Time, tzid: string | null, context: Context, displayZone?: string): number {
  if (time.isDate) return wallClockInstant({ ...fields(time), hour: 0, minute: 0, second: 0 }, displayZone ?? context.fallbackZone);
  if (isUtc(time)) return Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  if (definedZone(time)) return time.toUnixTime() * 1000;
  const named = tzid ? ianaZoneFor(tzid) : null;
  return wallClockInstant(fields(time), named ?? context.fallbackZone);
}

/** How far the event's own VTIMEZONE is ahead of UTC at an instant. */
function definedOffsetAt(zone: Timezone, instant: number): number {
  const utc = ICAL.Time.fromJSDate(new Date(instant), true);
  const local = utc.convertToZone(zone);
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) - Math.floor(instant / 1000) * 1000;
}

interface ZoneChoice {
  zone: string;
  source: InviteProposal['timeZoneSource'];
  note?: string;
}

/** The IANA zone the organiser arranged the event in, checked against the offsets of its VTIMEZONE when there is one. */
function zoneOf(start: Time, tzid: string | null, startInstant: number, context: Context): ZoneChoice {
  if (start.isDate) return { zone: context.fallbackZone, source: 'fallback' };
  if (isUtc(start)) return context.calendarZone ? { zone: context.calendarZone, source: 'calendar' } : { zone: context.fallbackZone, source: 'fallback' };
  if (!tzid) return { zone: context.fallbackZone, source: 'fallback' };
  const named = ianaZoneFor(tzid);
  const defined = definedZone(start);
  if (!defined) {
    if (named) return { zone: named, source: 'event' };
    return { zone: context.fallbackZone, source: 'fallback', note: `The invitation's time zone (${oneLine(tzid, 80)}) is unknown; its times are read in your time zone.` };
  }
  const samples = [startInstant, startInstant + HALF_YEAR_MS].map((instant) => ({ instant, offsetMs: definedOffsetAt(defined, instant) }));
  const agrees = (zone: string) => samples.every((sample) => zoneOffsetMs(new Date(sample.instant), zone) === sample.offsetMs);
  if (named && agrees(named)) return { zone: named, source: 'event' };
  const matching = zoneWithOffsets(samples) ?? zoneWithOffsets(samples.slice(0, 1));
  if (matching) return { zone: matching, source: 'event' };
  return { zone: context.fallbackZone, source: 'fallback', note: 'The invitation uses a time zone of its own; its times are shown in your time zone.' };
}

/**
 * One proposal from an event's component. An occurrence that was moved
 * (`component` is its override) takes what the override leaves out (the
 * people, the place) from its series, `master`.
 */
function proposalOf(uid: string, component: Component, start: Time, end: Time | null, context: Context, master: Component = component): InviteProposal | null {
  const holder = (name: string) => (component.hasProperty(name) ? component : master);
  const notes: string[] = [];
  const startZoneId = tzidOf(component, 'dtstart');
  const startInstant = instantOf(start, startZoneId, context);
  const zone = zoneOf(start, startZoneId, startInstant, context);
  if (zone.note) notes.push(zone.note);
  const startsAt = start.isDate ? instantOf(start, null, context, zone.zone) : startInstant;
  let endsAt = end ? instantOf(end, tzidOf(component, component.hasProperty('dtend') ? 'dtend' : 'dtstart') ?? startZoneId, context, zone.zone) : NaN;
  if (start.isDate && !(endsAt > startsAt)) {
    const nextDay = start.clone();
    nextDay.adjust(1, 0, 0, 0);
    endsAt = instantOf(nextDay, null, context, zone.zone);
  }
  if (!Number.isFinite(startsAt) || new Date(startsAt).getUTCFullYear() < 1900 || new Date(startsAt).getUTCFullYear() > 2200) {
    throw invalid('The event in this file has a date out of range.');
  }
  if (!(endsAt > startsAt)) {
    endsAt = startsAt + HOUR_MS;
    notes.push('The invitation gives no end time; an hour is proposed.');
  }
  if (start.isDate) notes.push('This is a whole-day event; set the time of the interview.');
  const floating = !start.isDate && !isUtc(start) && !definedZone(start) && !startZoneId;
  if (floating) notes.push('The invitation gives no time zone; its times are read in your time zone.');

  const text = (name: string) => cleanText(String(holder(name).getFirstPropertyValue(name) ?? ''));
  const location = text('location');
  const description = text('description');
  const conference = [
    ...holder('conference').getAllProperties('conference').map((property) => String(property.getFirstValue() ?? '')),
    ...['x-google-conference', 'x-microsoft-skypeteamsmeetingurl', 'x-microsoft-onlinemeetingexternallink', 'x-microsoft-onlinemeetingconflink', 'url'].map((name) => text(name)),
  ].join('\n');
  // Vendors put join links in X- properties of their own; the override's and its series' are both looked at.
  const xProperties = [...new Set([component, master])]
    .flatMap((part) => part.getAllProperties())
    .filter((property) => property.name.startsWith('x-') && property.name !== 'x-alt-desc')
    .map((property) => String(property.getFirstValue() ?? ''))
    .join('\n');
  const link = findMeetingLink([
    { text: conference, dedicated: true },
    { text: location, dedicated: true },
    { text: description, dedicated: false },
    { text: `${text('x-alt-desc')}\n${xProperties}`, dedicated: false },
  ]);
  const place = placeOf(location);
  const status = text('status').toUpperCase();
  const recurrenceTime = component.getFirstPropertyValue('recurrence-id') as Time | null;

  const organizerProperty = holder('organizer').getFirstProperty('organizer');
  const organizer = organizerProperty ? calendarPerson(organizerProperty, context.own) : null;
  const seen = new Set<string>(organizer?.address ? [organizer.address] : []);
  const attendees: InvitePerson[] = [];
  for (const property of holder('attendee').getAllProperties('attendee')) {
    if (!isIndividual(property)) continue;
    const person = calendarPerson(property, context.own);
    const key = person.address ?? person.name ?? '';
    if (!key || seen.has(key)) continue;
    seen.add(key);
    attendees.push(person);
    if (attendees.length >= 100) break;
  }
  const sequence = Number(component.getFirstPropertyValue('sequence') ?? 0);

  return {
    uid,
    sequence: Number.isSafeInteger(sequence) && sequence >= 0 ? sequence : 0,
    method: context.method,
    cancelled: context.method === 'CANCEL' || status === 'CANCELLED',
    title: oneLine(text('summary'), 200),
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(endsAt).toISOString(),
    timeZone: zone.zone,
    timeZoneSource: zone.source,
    allDay: start.isDate,
    floating,
    location: place,
    meetingUrl: link?.url ?? null,
    meetingProvider: link?.provider ?? null,
    format: link ? 'video' : place && /^(tel:|\+?[\d\s().-]{7,}$)|\bphone\b|\bcall\b/i.test(place) ? 'phone' : place ? 'onsite' : null,
    organizer,
    attendees,
    recurrenceId: recurrenceTime ? new Date(instantOf(recurrenceTime, tzidOf(component, 'recurrence-id'), context)).toISOString() : null,
    recurrence: null,
    description: describe(description),
    notes,
  };
}

const ONLINE_PLACE = /^(microsoft teams( meeting)?|teams|zoom( meeting)?|google meet|webex( meeting)?|online|virtual|video( call)?|skype meeting)$/i;

/** LOCATION as a place: without the links and the names of online-meeting services Outlook and Google put there. */
function placeOf(location: string): string | null {
  const parts = location
    .split(/;|\n/)
    .map((part) => part.trim())
    .filter((part) => part && !ONLINE_PLACE.test(part) && linksIn(part).join('') !== part.replace(/\s+/g, ''));
  const withoutLinks = parts.map((part) => part.replace(/https:\/\/\S+/gi, '').replace(/\s+/g, ' ').trim()).filter(Boolean);
  return withoutLinks.length > 0 ? shorten(withoutLinks.join(', '), 500) : null;
}

/** The description, without the separator lines calendars add and the blank lines between, shortened. */
function describe(description: string): string {
  const lines = description
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => !/^[-_~:=.*\s]{6,}$/.test(line) && !/^-::~[:~]*-?$/.test(line.trim()));
  return shorten(lines.join('\n').replace(/\n{3,}/g, '\n\n').trim(), 2000);
}
