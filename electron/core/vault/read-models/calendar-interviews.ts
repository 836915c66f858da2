import type { InterviewFormat } from '#shared/domain/interview';
import type { Db } from '../db';
import { contactsTable } from '../tables/contacts';
import { interviewsTable } from '../tables/interviews';
import { live } from '../tables/live';
import { selectList } from '../tables/sql';

export interface CalendarInterview {
  id: string;
  round: number;
  title: string | null;
  startsAt: string;
  endsAt: string;
  format: InterviewFormat;
  location: string | null;
  meetingUrl: string | null;
  role: string;
  companyName: string;
  /** JSON: the live people on its team, [{ name, title }], in order. */
  team: string;
}

/** Every live interview with its opening's role and company, earliest first: the calendar export's events. */
export function calendarInterviews(db: Db): CalendarInterview[] {
  return db
    .prepare<[], CalendarInterview>(`
      SELECT ${selectList(interviewsTable, 'i', ['id', 'round', 'title', 'startsAt', 'endsAt', 'format', 'location', 'meetingUrl'])},
        o.role, c.name AS companyName,
        (SELECT json_group_array(json_object('name', p.name, 'title', p.title)) FROM
          (SELECT p.name, p.title FROM interview_team t JOIN contacts p ON p.id = t.contact_id
           WHERE t.interview_id = i.id AND ${live(contactsTable, 'p')} ORDER BY t.position) p) AS team
      FROM interviews i JOIN openings o ON o.id = i.opening_id JOIN companies c ON c.id = o.company_id
      WHERE ${live(interviewsTable, 'i', { openingId: 'o' })}
      ORDER BY i.starts_at, i.id`)
    .all();
}
