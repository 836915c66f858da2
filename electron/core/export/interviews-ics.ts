import { INTERVIEW_FORMAT_LABELS } from '#shared/domain/interview';
import type { ExportedFile } from '#shared/domain/document-export';
import type { Db } from '../vault/db';
import { calendarInterviews, type CalendarInterview } from '../vault/read-models/calendar-interviews';
import { icsCalendar, type CalendarEvent } from './ics';

type InterviewRow = CalendarInterview;

/** "Video interview, round 2", or the title the user gave it. */
function kind(row: InterviewRow): string {
  return row.title?.trim() || `${INTERVIEW_FORMAT_LABELS[row.format]} interview, round ${row.round}`;
}

/**
 * Every interview of the vault (not in the trash) as a calendar event; its UID
 * is the interview's id, so importing again updates events instead of doubling them.
 */
export function interviewsIcs(db: Db, now: Date): ExportedFile {
  const rows = calendarInterviews(db);
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
