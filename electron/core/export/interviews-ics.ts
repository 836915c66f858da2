import { INTERVIEW_FORMAT_LABELS, type InterviewFormat } from '../../../shared/domain/interview';
import type { ExportedFile } from '../../../shared/domain/document-export';
import type { Db } from '../vault/connection';
import { icsCalendar, type CalendarEvent } from './ics';

interface InterviewRow {
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
  team: string;
}

/** "Video interview, round 2", or the title the user gave it. */
function kind(row: InterviewRow): string {
  return row.title?.trim() || `${INTERVIEW_FORMAT_LABELS[row.format]} interview, round ${row.round}`;
}

/**
 * Every interview of the vault (not in the trash) as a calendar event; its UID
 * is the interview's id, so importing again updates events instead of doubling them.
 */
export function interviewsIcs(db: Db, now: Date): ExportedFile {
  const rows = db
    .prepare<[], InterviewRow>(`
      SELECT i.id, i.round, i.title, i.starts_at AS startsAt, i.ends_at AS endsAt, i.format, i.location, i.meeting_url AS meetingUrl,
        o.role, c.name AS companyName,
        (SELECT json_group_array(json_object('name', p.name, 'title', p.title)) FROM
          (SELECT p.name, p.title FROM interview_team t JOIN contacts p ON p.id = t.contact_id
           WHERE t.interview_id = i.id AND p.deleted_at IS NULL ORDER BY t.position) p) AS team
      FROM interviews i JOIN openings o ON o.id = i.opening_id JOIN companies c ON c.id = o.company_id
      WHERE i.deleted_at IS NULL AND o.deleted_at IS NULL
      ORDER BY i.starts_at, i.id`)
    .all();
  const events: CalendarEvent[] = rows.map((row) => {
    const team = JSON.parse(row.team) as { name: string; title: string | null }[];
    const description = team.length === 0 ? null : ['Interview team:', ...team.map((person) => (person.title ? `${person.name}, ${person.title}` : person.name))].join('\n');
    return {
      uid: `${row.id}@afterview`,
      start: row.startsAt,
      end: row.endsAt,
      summary: `${row.companyName} – ${row.role} – ${kind(row)}`,
      location: row.location,
      url: row.meetingUrl,
      description,
    };
  });
  return {
    fileName: `Afterview interviews ${now.toISOString().slice(0, 10)}.ics`,
    mimeType: 'text/calendar',
    dataBase64: icsCalendar(events, now, 'Afterview interviews').toString('base64'),
  };
}
