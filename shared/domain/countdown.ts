import type { LetterKind } from './letter';
import type { PlaybookSettings } from './playbook';

/**
 * A letter's clock, from when it started (the interview's end, or when the
 * rejection was recorded) and the playbook as saved now: when it nudges, when
 * it warns, when it is due. The reminder rings at these instants and the
 * countdown changes colour at them, so the two cannot disagree.
 *
 * An unsent letter follows the saved settings: change the thank-you window and
 * every letter not yet sent is due that long after its own start (the core
 * rewrites their stored due time in the same save). A sent letter keeps its own.
 */
export interface LetterClock {
  nudgeAt: string;
  warningAt: string;
  dueAt: string;
}

const HOUR_MS = 3_600_000;

export function letterClock(letter: { kind: LetterKind; startedAt: string }, playbook: PlaybookSettings): LetterClock {
  const start = Date.parse(letter.startedAt);
  const at = (hours: number) => new Date(start + hours * HOUR_MS).toISOString();
  if (letter.kind === 'thank_you') {
    const due = playbook.thankYouDeadlineHours;
    const warning = Math.min(playbook.thankYouWarningHours, due);
    return { nudgeAt: at(Math.min(playbook.thankYouNudgeHours, warning)), warningAt: at(warning), dueAt: at(due) };
  }
  // A reply to a rejection has its own window; it warns as long before its deadline as a thank-you note does.
  const due = playbook.rejectionDraftHours;
  const warning = Math.max(0, due - Math.max(0, playbook.thankYouDeadlineHours - playbook.thankYouWarningHours));
  return { nudgeAt: at(Math.min(playbook.thankYouNudgeHours, warning)), warningAt: at(warning), dueAt: at(due) };
}

/** The live countdown on a letter: time left, then overdue. */
export type CountdownState = 'sent' | 'on_time' | 'nudge' | 'warning' | 'overdue';

export interface Countdown {
  state: CountdownState;
  /** "21 h 4 min left", "Overdue by 3 h", "Sent". */
  label: string;
  msLeft: number;
}

export function countdown(clock: LetterClock, sentAt: string | null, now: Date): Countdown {
  const time = now.getTime();
  const left = Date.parse(clock.dueAt) - time;
  if (sentAt) return { state: 'sent', label: 'Sent', msLeft: left };
  if (left <= 0) return { state: 'overdue', label: `Overdue by ${formatDuration(-left)}`, msLeft: left };
  const state: CountdownState = time >= Date.parse(clock.warningAt) ? 'warning' : time >= Date.parse(clock.nudgeAt) ? 'nudge' : 'on_time';
  return { state, label: `${formatDuration(left)} left`, msLeft: left };
}

/** "2 d 3 h", "5 h 12 min", "12 min", "less than a minute". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}
