import { interviewsTable } from './tables/interviews';
import { lettersTable } from './tables/letters';
import { live } from './tables/live';
import { touchpointsTable } from './tables/touchpoints';

/**
 * The people of an opening: whoever sat on one of its live interviews, and
 * every contact a live touchpoint or letter of it names (the recruiter who
 * wrote, the person a reply went to). Not everyone at its company: a
 * colleague the user never met about it is not one of its people.
 *
 * Rows of (opening_id, contact_id, channel), one per link, so a person may
 * appear more than once; channel is what a debrief noted about an
 * interviewer, else null. `where` narrows every branch (so each uses its own
 * index) given the branch's opening and contact columns. Contacts in the trash
 * are left to the caller, which joins contacts anyway.
 */
export function peopleOfOpenings(where: (openingId: string, contactId: string) => string): string {
  return `
    SELECT i.opening_id, it.contact_id, it.preferred_channel AS channel
      FROM interview_team it JOIN interviews i ON i.id = it.interview_id
      WHERE ${where('i.opening_id', 'it.contact_id')} AND ${live(interviewsTable, 'i')}
    UNION ALL
    SELECT t.opening_id, t.contact_id, NULL
      FROM touchpoints t
      WHERE ${where('t.opening_id', 't.contact_id')} AND t.contact_id IS NOT NULL AND ${live(touchpointsTable, 't')}
    UNION ALL
    SELECT l.opening_id, l.contact_id, NULL
      FROM letters l
      WHERE ${where('l.opening_id', 'l.contact_id')} AND l.contact_id IS NOT NULL AND ${live(lettersTable, 'l')}`;
}
