import type { AnsweredWait, ResponseTimes, WaitStart } from '#shared/domain/insights';
import type { Stage } from '#shared/domain/opening';
import type { InsightRows } from '../vault/read-models/insight-rows';
import { daysBetween, localDates, quantile } from './stats';

/** Stages whose outcome is the employer's answer (a withdrawal or going dormant is the user's move). */
const ANSWERING_STAGES: readonly Stage[] = ['offer', 'accepted', 'rejected'];
/** Stages in which the user may still be waiting to hear. */
const OPEN_STAGES: readonly Stage[] = ['applied', 'interviewing'];

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

interface Ask {
  from: WaitStart;
  /** The calendar date the wait starts on, in the user's zone. */
  date: string;
  /** The instant from which a reply counts as the answer to this ask. */
  since: number;
}

/**
 * How long employers took to answer. Each opening's story is cut into waits:
 * from the application, then from each finished interview. A wait ends with
 * the first answer after it: a message from them (an inbound touchpoint) or
 * the outcome (offer, acceptance or rejection). A wait with no recorded answer
 * before the next interview is skipped (they did answer, but when is unknown);
 * the last one, unanswered on an open opening, counts as still waiting.
 */
export function computeResponseTimes({ openings, interviews, touchpoints }: InsightRows, now: Date, timeZone: string): ResponseTimes {
  const nowMs = now.getTime();
  const dayOf = localDates(timeZone);
  const today = dayOf(nowMs);
  const answered: AnsweredWait[] = [];
  let waiting = 0;
  let longestWaitDays: number | null = null;
  let undated = 0;

  // Grouped once, so the work grows with the rows rather than openings × rows.
  const interviewsOf = groupBy(interviews, (interview) => interview.openingId);
  const answersOf = groupBy(
    touchpoints.filter((touch) => touch.direction === 'inbound'),
    (touch) => touch.openingId,
  );

  for (const opening of openings) {
    const own = interviewsOf.get(opening.id) ?? [];
    const asks: Ask[] = [];
    if (opening.appliedOn && opening.appliedOn <= today) asks.push({ from: 'application', date: opening.appliedOn, since: Number.NEGATIVE_INFINITY });
    for (const interview of own) {
      const ended = Date.parse(interview.endsAt);
      if (ended <= nowMs) asks.push({ from: 'interview', date: dayOf(ended), since: ended });
    }
    asks.sort((a, b) => (a.date === b.date ? a.since - b.since : a.date < b.date ? -1 : 1));

    if (asks.length === 0) {
      if (OPEN_STAGES.includes(opening.stage) && own.length === 0) undated += 1;
      continue;
    }

    const answers = (answersOf.get(opening.id) ?? []).map((touch) => Date.parse(touch.occurredAt));
    if (ANSWERING_STAGES.includes(opening.stage) && opening.stageChangedAt) answers.push(Date.parse(opening.stageChangedAt));
    const sortedAnswers = answers
      .filter((at) => Number.isFinite(at) && at <= nowMs)
      .sort((a, b) => a - b)
      .map((at) => ({ at, date: dayOf(at) }));

    const upcoming = own.some((interview) => Date.parse(interview.startsAt) > nowMs);
    asks.forEach((ask, index) => {
      const next = asks[index + 1];
      const answer = sortedAnswers.find(({ at, date }) => at >= ask.since && date >= ask.date && (!next || at < next.since));
      if (answer !== undefined) {
        answered.push({ openingId: opening.id, name: `${opening.role} at ${opening.companyName}`, from: ask.from, days: daysBetween(ask.date, answer.date) });
        return;
      }
      if (!next && OPEN_STAGES.includes(opening.stage) && !upcoming) {
        waiting += 1;
        const days = Math.max(0, daysBetween(ask.date, today));
        longestWaitDays = Math.max(longestWaitDays ?? 0, days);
      }
    });
  }

  answered.sort((a, b) => a.days - b.days || a.name.localeCompare(b.name));
  const days = answered.map((wait) => wait.days);
  return { answered, median: quantile(days, 0.5), q1: quantile(days, 0.25), q3: quantile(days, 0.75), waiting, longestWaitDays, undated };
}
