import type { OpeningSummary } from '#shared/domain/opening';
import { formatDateTime, formatRelative } from '#renderer/ui/format';

/** "Next interview: in 2 days", or the last one when none is coming up. */
export function InterviewWhen({ opening, now, short }: { opening: OpeningSummary; now: number; short?: boolean }) {
  const next = opening.nextInterviewAt && Date.parse(opening.nextInterviewAt) >= now ? opening.nextInterviewAt : null;
  const last = next ? null : (opening.lastInterviewAt ?? opening.nextInterviewAt);
  const at = next ?? last;
  if (!at) return <span className="muted">{short ? 'None yet' : 'No interviews yet'}</span>;
  const label = next ? (short ? 'Next' : 'Next interview') : short ? 'Last' : 'Last interview';
  return (
    <span className={next ? 'interview-when upcoming' : 'interview-when'}>
      {label}:{' '}
      <time dateTime={at} title={formatDateTime(at)}>
        {formatRelative(at, now)}
      </time>
    </span>
  );
}
