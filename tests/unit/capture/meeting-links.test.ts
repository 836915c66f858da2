import { describe, expect, it } from 'vitest';
import { findMeetingLink, meetingProvider } from '#core/capture/meeting-links';

describe('meeting links', () => {
  it('knows the join links of Zoom, Teams, Meet and Webex, and not their help or download pages', () => {
    const cases: [string, string | null][] = [
      ['https://us02web.zoom.us/j/85012345678?pwd=abc', 'zoom'],
      ['https://zoom.us/my/acme.recruiting', 'zoom'],
      ['https://acme.zoomgov.com/j/1612345678', 'zoom'],
      ['https://us06web.zoom.us/u/kdQ7c1aBc', null],
      ['https://zoom.us/download', null],
      ['https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d', 'teams'],
      ['https://teams.live.com/meet/9387654321234', 'teams'],
      ['https://teams.microsoft.com/meetingOptions/?organizerId=1', null],
      ['https://aka.ms/JoinTeamsMeeting', null],
      ['https://meet.google.com/abc-defg-hij', 'meet'],
      ['https://meet.google.com/lookup/acme-interviews', 'meet'],
      ['https://support.google.com/a/users/answer/9282720', null],
      ['https://acme.webex.com/meet/ana.lima', 'webex'],
      ['https://acme.webex.com/acme/j.php?MTID=m0123456789abcdef', 'webex'],
      ['https://www.webex.com/downloads.html', null],
      ['https://zoom.us.evil.example/j/123', null],
    ];
    for (const [url, provider] of cases) expect(meetingProvider(url), url).toBe(provider);
  });

  it('prefers a conference property, then the location, then the description; a plain link counts only where it was put on purpose', () => {
    expect(findMeetingLink([{ text: '', dedicated: true }, { text: 'Room 4', dedicated: true }, { text: 'Agenda: https://acme.example/agenda\nJoin: https://meet.google.com/abc-defg-hij.', dedicated: false }])).toEqual({ url: 'https://meet.google.com/abc-defg-hij', provider: 'meet' });
    expect(findMeetingLink([{ text: 'https://whereby.com/acme-hiring', dedicated: true }, { text: 'https://zoom.us/j/1', dedicated: false }])).toEqual({ url: 'https://zoom.us/j/1', provider: 'zoom' });
    expect(findMeetingLink([{ text: 'https://whereby.com/acme-hiring', dedicated: true }])).toEqual({ url: 'https://whereby.com/acme-hiring', provider: null });
    expect(findMeetingLink([{ text: 'Read https://acme.example/careers first', dedicated: false }])).toBeNull();
    // Outlook wraps links in angle brackets; only https is ever proposed.
    expect(findMeetingLink([{ text: 'Click here<https://teams.microsoft.com/l/meetup-join/19%3ax/0>', dedicated: false }])?.url).toBe('https://teams.microsoft.com/l/meetup-join/19%3ax/0');
    expect(findMeetingLink([{ text: 'http://zoom.us/j/1 javascript:alert(1)', dedicated: true }])).toBeNull();
  });
});
