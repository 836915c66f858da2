import { describe, expect, it } from 'vitest';
import { WINDOWS_ZONES } from '#core/capture/windows-zones';
import { ianaZoneFor, zoneWithOffsets } from '#core/capture/zone-names';

describe('time zone names from calendars', () => {
  it('maps every Windows zone of the CLDR table to a zone this machine knows', () => {
    for (const [id, displayName, iana] of WINDOWS_ZONES) {
      // "UTC" is an IANA name as well, and kept as it is.
      expect(ianaZoneFor(id), id).toBe(id === 'UTC' ? 'UTC' : iana);
      expect(ianaZoneFor(displayName), displayName).toBe(iana);
      expect(() => new Intl.DateTimeFormat('en', { timeZone: iana }), iana).not.toThrow();
    }
  });

  it('reads IANA names as they are, behind vendor prefixes, and older Windows spellings', () => {
    expect(ianaZoneFor('America/New_York')).toBe('America/New_York');
    expect(ianaZoneFor('/softwarestudio.org/Olson_20011030_5/America/Chicago')).toBe('America/Chicago');
    expect(ianaZoneFor('w. europe standard time')).toBe('Europe/Berlin');
    expect(ianaZoneFor('(GMT+01.00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna')).toBe('Europe/Berlin');
    // A display name Windows never shipped, but with a city the zone database knows.
    expect(ianaZoneFor('(UTC+01:00) Oslo, Copenhagen')).toBe('Europe/Oslo');
    expect(ianaZoneFor('Customized Time Zone')).toBeNull();
    expect(ianaZoneFor('')).toBeNull();
  });

  it('finds a zone from its offsets in winter and summer', () => {
    const january = Date.parse('2026-01-15T12:00:00Z');
    const july = Date.parse('2026-07-15T12:00:00Z');
    expect(zoneWithOffsets([{ instant: january, offsetMs: -5 * 3_600_000 }, { instant: july, offsetMs: -4 * 3_600_000 }])).toBe('America/New_York');
    expect(zoneWithOffsets([{ instant: january, offsetMs: 5.5 * 3_600_000 }, { instant: july, offsetMs: 5.5 * 3_600_000 }])).toBe('Asia/Calcutta');
    expect(zoneWithOffsets([{ instant: january, offsetMs: 17 * 60_000 }])).toBeNull();
  });
});
