import { countdown, letterClock, type Countdown } from '#shared/domain/countdown';
import { CONTACT_CHANNEL_LABELS } from '#shared/domain/fields';
import type { LetterSummary } from '#shared/domain/letter';
import type { PlaybookSettings } from '#shared/domain/playbook';
import { usePlaybook } from '#renderer/saved-settings';
import { formatMoment } from '#renderer/ui/datetime';

/** The countdown refreshes this often: minutes are the finest unit it shows. */
export const COUNTDOWN_REFRESH_MS = 30_000;

type CountdownLetter = Pick<LetterSummary, 'kind' | 'startedAt' | 'sentAt' | 'sentChannel'>;

/** On the saved timings, as the letter's reminder is: both come from letterClock. */
function letterCountdown(letter: CountdownLetter, now: number, playbook: PlaybookSettings): Countdown & { dueAt: string } {
  const clock = letterClock(letter, playbook);
  return { ...countdown(clock, letter.sentAt, new Date(now)), dueAt: clock.dueAt };
}

/** "Sent 3 Mar 2026, 14:05 by e-mail". */
export function sentText(letter: Pick<LetterSummary, 'sentAt' | 'sentChannel'>): string {
  if (!letter.sentAt) return '';
  const channel = letter.sentChannel ? ` by ${CONTACT_CHANNEL_LABELS[letter.sentChannel].toLowerCase()}` : '';
  return `Sent ${formatMoment(letter.sentAt)}${channel}`;
}

const STATUS_LABELS = { draft: 'Draft', ready: 'Ready to send', sent: 'Sent' } as const;

/** The letter's stage as a small badge. */
export function StatusBadge({ letter }: { letter: Pick<LetterSummary, 'status'> }) {
  return <span className={`badge letter-status letter-status-${letter.status}`}>{STATUS_LABELS[letter.status]}</span>;
}

/** Time left before the letter is due, or how late it is; once sent, when and how. */
export function CountdownText({ letter, now }: { letter: CountdownLetter; now: number }) {
  const state = letterCountdown(letter, now, usePlaybook());
  if (state.state === 'sent') return <span className="countdown countdown-sent">{sentText(letter)}</span>;
  return (
    <span className={`countdown countdown-${state.state}`}>
      {state.state === 'warning' && <span aria-hidden="true">⚠ </span>}
      <time dateTime={state.dueAt} title={`Due ${formatMoment(state.dueAt)}`}>
        {state.label}
      </time>
    </span>
  );
}

/** "Thank-you note to Ana Ruiz" / "Reply to Ana Ruiz". */
export function letterTitle(letter: Pick<LetterSummary, 'kind' | 'recipientName'>): string {
  return letter.kind === 'thank_you' ? `Thank-you note to ${letter.recipientName}` : `Reply to ${letter.recipientName}`;
}
