import type { InterviewSummary } from '#shared/domain/interview';
import { INTERVIEW_FORMAT_LABELS } from '#shared/domain/interview';
import type { NoteSummary } from '#shared/domain/note';
import type { TouchpointView } from '#shared/domain/touchpoint';
import { hrefFor } from '#renderer/router';
import { formatTimeOfDay } from '#renderer/ui/clock';
import { formatDateTime, formatRelative } from '#renderer/ui/format';
import { DeleteTouchpointButton, touchpointMeta, touchpointTitle } from '../touchpoints/TouchpointList';

type Entry =
  | { kind: 'interview'; at: string; interview: InterviewSummary }
  | { kind: 'note'; at: string; note: NoteSummary }
  | { kind: 'touchpoint'; at: string; touchpoint: TouchpointView };

interface OpeningTimelineProps {
  interviews: InterviewSummary[];
  notes: NoteSummary[];
  /** Messages, calls and meetings with the employer. */
  touchpoints?: TouchpointView[];
  onTouchpointsChanged?(): void;
  now: number;
  /** Shows the notes panel, where a note is opened. */
  onOpenNote(note: NoteSummary): void;
}

function endTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : formatTimeOfDay(date);
}

/** Interviews and notes in one story, newest first. */
export function OpeningTimeline({ interviews, notes, touchpoints = [], onTouchpointsChanged = () => undefined, now, onOpenNote }: OpeningTimelineProps) {
  const entries: Entry[] = [
    ...interviews.map((interview): Entry => ({ kind: 'interview', at: interview.startsAt, interview })),
    ...notes.map((note): Entry => ({ kind: 'note', at: note.updatedAt, note })),
    ...touchpoints.map((touchpoint): Entry => ({ kind: 'touchpoint', at: touchpoint.occurredAt, touchpoint })),
  ].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));

  if (entries.length === 0) {
    return <p className="timeline-empty">Nothing here yet. Log each interview as soon as it is arranged: Afterview then reminds you to debrief and to thank the people you met.</p>;
  }

  return (
    <ol className="timeline">
      {entries.map((entry) => {
        if (entry.kind === 'interview') {
          const { interview } = entry;
          const upcoming = Date.parse(interview.endsAt) > now;
          const name = `Round ${interview.round}${interview.title ? ` · ${interview.title}` : ''}`;
          return (
            <li key={`i-${interview.id}`} className="timeline-item interview">
              <span className="timeline-kind">Interview</span>
              <div className="timeline-body">
                <a className="timeline-title" href={hrefFor({ name: 'interview', id: interview.id })}>
                  {name}
                </a>
                <p className="timeline-meta">
                  <time dateTime={interview.startsAt}>
                    {formatDateTime(interview.startsAt)} – {endTime(interview.endsAt)}
                  </time>
                  {' · '}
                  {INTERVIEW_FORMAT_LABELS[interview.format]}
                  {upcoming && <> · {formatRelative(interview.startsAt, now)}</>}
                </p>
                {interview.teamNames.length > 0 && <p className="timeline-meta">With {interview.teamNames.join(', ')}</p>}
              </div>
              {interview.cancelledAt ? (
                <span className="badge">Cancelled</span>
              ) : upcoming ? (
                <span className="badge">Upcoming</span>
              ) : interview.debriefCompleted ? (
                <span className="badge done">Debrief done</span>
              ) : (
                <a className="badge todo" href={hrefFor({ name: 'interview', id: interview.id })} aria-label={`Debrief to fill in for ${name}`}>
                  Debrief to fill in
                </a>
              )}
            </li>
          );
        }
        if (entry.kind === 'touchpoint') {
          const { touchpoint } = entry;
          return (
            <li key={`t-${touchpoint.id}`} className={`timeline-item touchpoint ${touchpoint.direction}`}>
              <span className="timeline-kind">Touchpoint</span>
              <div className="timeline-body">
                <p className="timeline-title">{touchpointTitle(touchpoint)}</p>
                <p className="timeline-meta">
                  <time dateTime={touchpoint.occurredAt}>{formatDateTime(touchpoint.occurredAt)}</time> · {touchpointMeta(touchpoint)}
                </p>
                {touchpoint.summary && <p className="touchpoint-summary">{touchpoint.summary}</p>}
              </div>
              <DeleteTouchpointButton touchpoint={touchpoint} onChanged={onTouchpointsChanged} />
            </li>
          );
        }
        const { note } = entry;
        return (
          <li key={`n-${note.id}`} className="timeline-item note">
            <span className="timeline-kind">Note</span>
            <div className="timeline-body">
              <button type="button" className="link-button timeline-title" onClick={() => onOpenNote(note)}>
                {note.title}
              </button>
              <p className="timeline-meta">
                Updated{' '}
                <time dateTime={note.updatedAt} title={formatDateTime(note.updatedAt)}>
                  {formatRelative(note.updatedAt, now)}
                </time>
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
