import { isTimeZone } from '#shared/domain/fields';
import { zoneOffsetMs } from '#shared/domain/zoned-time';
import { WINDOWS_ZONES } from './windows-zones';

/**
 * From a calendar's TZID to an IANA zone the app can show times in. Calendars
 * write IANA names (Google, Apple, Zoom), Windows ids or display names
 * (Outlook, Exchange), or IANA names behind a vendor prefix
 * ("/mozilla.org/20070129_1/Europe/Berlin"). Null when the name says nothing
 * the app knows: the caller then matches the zone's offsets instead.
 */
export const ianaZoneFor = remembered(resolve);

/**
 * A function of a name whose answers are kept: asking Intl about a zone builds
 * a formatter, and invites repeat a handful of names. A hostile file cannot
 * grow the memory without bound.
 */
function remembered<T>(compute: (name: string) => T): (name: string) => T {
  const answers = new Map<string, T>();
  return (name) => {
    if (answers.has(name)) return answers.get(name)!;
    const answer = compute(name);
    if (answers.size >= 1000) answers.clear();
    answers.set(name, answer);
    return answer;
  };
}

function resolve(tzid: string): string | null {
  const name = tzid.trim().replace(/^"(.*)"$/, '$1').trim();
  if (name === '' || name.length > 200) return null;
  if (isIanaName(name)) return name;
  const key = normalise(name);
  const windows = byWindowsName().get(key);
  if (windows) return windows;
  const segments = name.split('/').filter(Boolean);
  for (let take = Math.min(3, segments.length); take >= 1; take--) {
    const tail = segments.slice(-take).join('/');
    if (tail.includes('/') && isIanaName(tail)) return tail;
  }
  return zoneOfCity(name);
}

const IANA_SHAPE = /^(?:[A-Za-z][A-Za-z0-9_+-]*\/)+[A-Za-z0-9][A-Za-z0-9_+-]*$|^(?:UTC|GMT|Etc\/UTC)$/;

function isIanaName(name: string): boolean {
  return IANA_SHAPE.test(name) && isKnownZone(name);
}

/** isTimeZone, remembered. */
export const isKnownZone = remembered(isTimeZone);

/** Case, spacing and the GMT/UTC spelling of old Windows versions do not matter. */
function normalise(name: string): string {
  return name.toLowerCase().replace(/\(gmt/g, '(utc').replace(/(\(utc[+-]\d\d)\.(\d\d\))/g, '$1:$2').replace(/\s+/g, ' ');
}

let windowsNames: Map<string, string> | undefined;
function byWindowsName(): Map<string, string> {
  if (!windowsNames) {
    windowsNames = new Map();
    for (const [id, displayName, iana] of WINDOWS_ZONES) {
      windowsNames.set(normalise(id), iana);
      windowsNames.set(normalise(displayName), iana);
    }
  }
  return windowsNames;
}

let cities: Map<string, string> | undefined;
/** "(UTC+01:00) Amsterdam, Berlin" → Europe/Amsterdam: a display name that differs from Windows' own still names cities. */
function zoneOfCity(name: string): string | null {
  if (!cities) {
    cities = new Map();
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const city = zone.split('/').pop()!.replace(/_/g, ' ').toLowerCase();
      if (!cities.has(city)) cities.set(city, zone);
    }
  }
  const afterOffset = name.replace(/^\([^)]*\)\s*/, '');
  for (const part of afterOffset.split(/[,/;]/)) {
    const zone = cities.get(part.trim().toLowerCase());
    if (zone) return zone;
  }
  return null;
}

/**
 * The first of the zones Windows offers whose offsets are the given ones at
 * the given instants (e.g. an event's start and half a year later): for a
 * custom zone ("Customized Time Zone") only its offsets are known, and any
 * zone that keeps them shows the same wall-clock times.
 */
export function zoneWithOffsets(samples: readonly { instant: number; offsetMs: number }[]): string | null {
  for (const [, , zone] of WINDOWS_ZONES) {
    if (samples.every((sample) => zoneOffsetMs(new Date(sample.instant), zone) === sample.offsetMs)) return zone;
  }
  return null;
}
