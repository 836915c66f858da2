import type { MeetingProvider } from './meeting-links';

/** What a calendar file asks: a new or updated meeting, a cancellation, a reply… (iTIP, RFC 5546). */
export type InviteMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH' | 'REPLY' | 'ADD' | 'REFRESH' | 'COUNTER' | 'DECLINECOUNTER';

export interface InvitePerson {
  /** The name the calendar gave (CN), or null. */
  name: string | null;
  /** Lower-cased e-mail address, or null when the calendar gave none. */
  address: string | null;
  role: 'chair' | 'required' | 'optional' | 'non-participant' | null;
  response: 'needs-action' | 'accepted' | 'declined' | 'tentative' | 'delegated' | null;
  /** One of the user's own addresses. */
  self: boolean;
}

/**
 * A proposed interview read from one event of a calendar invite. Nothing here
 * is saved: the user confirms, edits or cancels it. Instants are UTC ISO
 * strings; `timeZone` is the IANA zone the organiser arranged it in.
 */
export interface InviteProposal {
  /** The event's UID: with `recurrenceId`, what a later update or cancellation of the same event carries. */
  uid: string;
  /** Higher means newer (SEQUENCE, 0 when absent). */
  sequence: number;
  method: InviteMethod | null;
  /** A cancellation: METHOD:CANCEL, or the event's STATUS:CANCELLED. */
  cancelled: boolean;
  /** SUMMARY, or '' when the invite has none. */
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  /** Where the zone came from: the event's own TZID, the calendar's X-WR-TIMEZONE, or (UTC or floating times) the user's zone. */
  timeZoneSource: 'event' | 'calendar' | 'fallback';
  /** A whole-day event: `startsAt`/`endsAt` are the days' midnights in `timeZone`. */
  allDay: boolean;
  /** Times with no zone at all, read in the user's zone. */
  floating: boolean;
  /** The place, when LOCATION names one (not a meeting link, not "Microsoft Teams Meeting"). */
  location: string | null;
  meetingUrl: string | null;
  meetingProvider: MeetingProvider | null;
  /** A guess the user can change: video with a link, phone for a number, on-site for a place. */
  format: 'onsite' | 'phone' | 'video' | null;
  organizer: InvitePerson | null;
  /** People invited (rooms and resources left out), without the organiser. */
  attendees: InvitePerson[];
  /** For one occurrence of a repeating event: the original start it replaces (UTC ISO). */
  recurrenceId: string | null;
  /** For a repeating event: its rule, and which occurrence the times above are. */
  recurrence: { rule: string; occurrence: 'next' | 'last' | 'first' } | null;
  /** The description as plain text, shortened. */
  description: string;
  /** What the user should know about how the invite was read, in plain words. */
  notes: string[];
}

export interface InviteFile {
  method: InviteMethod | null;
  invites: InviteProposal[];
}
