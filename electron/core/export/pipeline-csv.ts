import type { ExportedFile } from '../../../shared/domain/document-export';
import { CONTACT_CHANNEL_LABELS, type ContactChannel } from '../../../shared/domain/fields';
import { STAGE_LABELS, type Stage } from '../../../shared/domain/opening';
import type { Db } from '../vault/connection';
import { csvDocument, type CsvValue } from './csv';

/** Excel holds at most 32,767 characters in a cell; longer notes are cut there, with a mark. */
export const MAX_NOTES_CELL = 32_000;
const CUT_MARK = ' […]';

interface OpeningRow {
  id: string;
  companyName: string;
  role: string;
  stage: Stage;
  location: string | null;
  jobUrl: string | null;
  source: string | null;
  appliedOn: string | null;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  nextStep: string | null;
  notifyBy: string | null;
  fillBy: string | null;
  followUpChannel: ContactChannel | null;
  interviewCount: number;
  nextInterviewAt: string | null;
  lastInterviewAt: string | null;
  touchpointCount: number;
  lastTouchpointAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const HEADER = [
  'Company', 'Role', 'Stage', 'Location', 'Job link', 'Source', 'Applied on', 'Salary from', 'Salary to', 'Currency',
  'Next step', 'Notify by', 'Fill by', 'Follow up by', 'Interviews', 'Next interview (UTC)', 'Last interview (UTC)',
  'Touchpoints', 'Last touchpoint (UTC)', 'Created (UTC)', 'Updated (UTC)', 'Notes',
] as const;

/** 2026-03-02T09:00:00.000Z → 2026-03-02 09:00, which every spreadsheet reads as a date and time. */
function instant(iso: string | null): string | null {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : null;
}

/**
 * The pipeline as a CSV: one row per opening with its facts, its interview and
 * touchpoint counts, and the plain text of every note on it or its interviews.
 */
export function pipelineCsv(db: Db, now: Date): ExportedFile {
  const openings = db
    .prepare<{ now: string }, OpeningRow>(`
      SELECT o.id, c.name AS companyName, o.role, o.stage, o.location, o.job_url AS jobUrl, o.source, o.applied_on AS appliedOn,
        o.salary_min AS salaryMin, o.salary_max AS salaryMax, o.salary_currency AS salaryCurrency, o.next_step AS nextStep,
        o.notify_by AS notifyBy, o.fill_by AS fillBy, o.follow_up_channel AS followUpChannel,
        (SELECT COUNT(*) FROM interviews i WHERE i.opening_id = o.id AND i.deleted_at IS NULL) AS interviewCount,
        (SELECT MIN(i.starts_at) FROM interviews i WHERE i.opening_id = o.id AND i.deleted_at IS NULL AND i.starts_at >= @now) AS nextInterviewAt,
        (SELECT MAX(i.starts_at) FROM interviews i WHERE i.opening_id = o.id AND i.deleted_at IS NULL AND i.starts_at < @now) AS lastInterviewAt,
        (SELECT COUNT(*) FROM touchpoints t WHERE t.opening_id = o.id AND t.deleted_at IS NULL) AS touchpointCount,
        (SELECT MAX(t.occurred_at) FROM touchpoints t WHERE t.opening_id = o.id AND t.deleted_at IS NULL) AS lastTouchpointAt,
        o.created_at AS createdAt, o.updated_at AS updatedAt
      FROM openings o JOIN companies c ON c.id = o.company_id
      WHERE o.deleted_at IS NULL
      ORDER BY c.name COLLATE NOCASE, o.role COLLATE NOCASE, o.id`)
    .all({ now: now.toISOString() });

  const notes = notesByOpening(db);
  const rows: CsvValue[][] = openings.map((o) => [
    o.companyName, o.role, STAGE_LABELS[o.stage], o.location, o.jobUrl, o.source, o.appliedOn, o.salaryMin, o.salaryMax, o.salaryCurrency,
    o.nextStep, o.notifyBy, o.fillBy, o.followUpChannel ? CONTACT_CHANNEL_LABELS[o.followUpChannel] : null,
    o.interviewCount, instant(o.nextInterviewAt), instant(o.lastInterviewAt), o.touchpointCount, instant(o.lastTouchpointAt),
    instant(o.createdAt), instant(o.updatedAt), notes.get(o.id) ?? null,
  ]);
  return {
    fileName: `Afterview pipeline ${now.toISOString().slice(0, 10)}.csv`,
    mimeType: 'text/csv',
    dataBase64: csvDocument(HEADER, rows).toString('base64'),
  };
}

/** Each opening's notes (and its interviews' notes), oldest first, as "Title\ntext" blocks; at most one cell's worth. */
function notesByOpening(db: Db): Map<string, string> {
  const rows = db.prepare<[number], { openingId: string; title: string; text: string }>(`
    SELECT coalesce(i.opening_id, n.parent_id) AS openingId, n.title, substr(n.plain_text, 1, ?) AS text
    FROM notes n LEFT JOIN interviews i ON n.parent_type = 'interview' AND i.id = n.parent_id AND i.deleted_at IS NULL
    WHERE n.deleted_at IS NULL AND (n.parent_type = 'opening' OR i.id IS NOT NULL)
    ORDER BY n.created_at, n.rowid`);
  const joined = new Map<string, string>();
  for (const row of rows.iterate(MAX_NOTES_CELL)) {
    const previous = joined.get(row.openingId);
    if (previous !== undefined && previous.length >= MAX_NOTES_CELL) continue;
    const block = [row.title.trim(), row.text.trim()].filter((part) => part !== '').join('\n');
    if (block === '') continue;
    const next = previous === undefined ? block : `${previous}\n\n${block}`;
    joined.set(row.openingId, next.length > MAX_NOTES_CELL ? next.slice(0, MAX_NOTES_CELL - CUT_MARK.length) + CUT_MARK : next);
  }
  return joined;
}
