import type { Db } from '../db';
import { contactsTable } from '../tables/contacts';
import { interviewsTable, interviewTeamTable } from '../tables/interviews';
import { live } from '../tables/live';
import { selectList } from '../tables/sql';

/** Someone a letter can be addressed to. */
export interface Addressee {
  contactId: string;
  name: string;
  title: string | null;
  email: string | null;
}

/** An interview with what a thank-you note says about it. */
export interface InterviewForLetter {
  id: string;
  openingId: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  role: string;
  companyName: string;
}

/** A person a letter is addressed to, as the team lists them. */
const ADDRESSEE = `${selectList(interviewTeamTable, 't', ['contactId'])}, ${selectList(contactsTable, 'p', ['name', 'title', 'email'])}`;
const INTERVIEW_TIME = selectList(interviewsTable, 'i', ['startsAt', 'timeZone']);

/** Who the letters of an interview or an opening go to, and what they say about it. */
export function createLetterRecipients(db: Db) {
  const interviewOf = db.prepare<[string], InterviewForLetter>(`
    SELECT ${selectList(interviewsTable, 'i', ['id', 'openingId', 'startsAt', 'endsAt', 'timeZone'])}, o.role, c.name AS companyName
    FROM interviews i JOIN openings o ON o.id = i.opening_id JOIN companies c ON c.id = o.company_id
    WHERE i.id = ?`);
  // People in the trash count: they are still on the team, only hidden.
  const teamOf = db.prepare<[string], Addressee>(`
    SELECT ${ADDRESSEE}
    FROM interview_team t JOIN contacts p ON p.id = t.contact_id
    WHERE t.interview_id = ? ORDER BY t.position`);
  const lastInterviewer = db.prepare<[string], Addressee & { startsAt: string; timeZone: string }>(`
    SELECT ${ADDRESSEE}, ${INTERVIEW_TIME}
    FROM interviews i JOIN interview_team t ON t.interview_id = i.id JOIN contacts p ON p.id = t.contact_id
    WHERE i.opening_id = ? AND ${live(interviewsTable, 'i')} AND ${live(contactsTable, 'p')}
    ORDER BY i.starts_at DESC, t.position LIMIT 1`);
  const lastInterview = db.prepare<[string], { startsAt: string; timeZone: string }>(`
    SELECT ${INTERVIEW_TIME} FROM interviews i
    WHERE i.opening_id = ? AND ${live(interviewsTable, 'i')} ORDER BY i.starts_at DESC LIMIT 1`);

  return {
    /** The interview (trash or not: its notes follow it) with its opening's role and company. */
    interview: (interviewId: string): InterviewForLetter | undefined => interviewOf.get(interviewId),
    /** Everyone on the interview's team, in order. */
    team: (interviewId: string): Addressee[] => teamOf.all(interviewId),
    /** The first person on the team of the opening's latest live interview, with its time. */
    lastInterviewer: (openingId: string) => lastInterviewer.get(openingId),
    /** When the opening's latest live interview was, and in which zone. */
    lastInterview: (openingId: string) => lastInterview.get(openingId),
  };
}
export type LetterRecipients = ReturnType<typeof createLetterRecipients>;
