import { countdown, type Countdown } from '../../../../shared/domain/countdown';
import { CONTACT_CHANNEL_LABELS } from '../../../../shared/domain/fields';
import type { LetterSummary } from '../../../../shared/domain/letter';
import { DEFAULT_PLAYBOOK } from '../../../../shared/domain/playbook';
import { formatMoment } from '../../ui/datetime';

/** The countdown refreshes this often: minutes are the finest unit it shows. */
export const COUNTDOWN_REFRESH_MS = 30_000;

const THRESHOLDS = { nudgeHours: DEFAULT_PLAYBOOK.thankYouNudgeHours, warningHours: DEFAULT_PLAYBOOK.thankYouWarningHours };

export function letterCountdown(letter: Pick<LetterSummary, 'startedAt' | 'dueAt' | 'sentAt'>, now: number): Countdown {
  return countdown(letter.startedAt, letter.dueAt, letter.sentAt, new Date(now), THRESHOLDS);
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
export function CountdownText({ letter, now }: { letter: Pick<LetterSummary, 'startedAt' | 'dueAt' | 'sentAt' | 'sentChannel'>; now: number }) {
  const state = letterCountdown(letter, now);
  if (state.state === 'sent') return <span className="countdown countdown-sent">{sentText(letter)}</span>;
  return (
    <span className={`countdown countdown-${state.state}`}>
      {state.state === 'warning' && <span aria-hidden="true">⚠ </span>}
      <time dateTime={letter.dueAt} title={`Due ${formatMoment(letter.dueAt)}`}>
        {state.label}
      </time>
    </span>
  );
}

/** "Thank-you note to Ana Ruiz" / "Reply to Ana Ruiz". */
export function letterTitle(letter: Pick<LetterSummary, 'kind' | 'recipientName'>): string {
  return letter.kind === 'thank_you' ? `Thank-you note to ${letter.recipientName}` : `Reply to ${letter.recipientName}`;
}
