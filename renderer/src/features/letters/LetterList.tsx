import { useCallback } from 'react';
import { LETTER_KIND_LABELS, type LetterSummary } from '#shared/domain/letter';
import { call } from '#renderer/api';
import { hrefFor } from '#renderer/router';
import { Alert } from '#renderer/ui/Alert';
import { Section } from '#renderer/ui/Section';
import { useAsyncData } from '#renderer/ui/useAsyncData';
import { useNow } from '#renderer/ui/useNow';
import { COUNTDOWN_REFRESH_MS, CountdownText, letterTitle, StatusBadge } from './letter-status';
import './letters.css';

interface LetterListProps {
  /** The interview's notes (one per interviewer) or every letter of an opening. */
  filter: { interviewId: string } | { openingId: string };
  title: string;
  empty: string;
  /** On an opening, say which kind each letter is. */
  showKind?: boolean;
  /** Rendered inside a panel of the page's own, without the Section frame. */
  bare?: boolean;
}

/** A compact list of letters with their live countdowns and a way into each. */
export function LetterList({ filter, title, empty, showKind, bare }: LetterListProps) {
  const interviewId = 'interviewId' in filter ? filter.interviewId : undefined;
  const openingId = 'openingId' in filter ? filter.openingId : undefined;
  const load = useCallback(() => call('letters.list', interviewId ? { interviewId } : { openingId }), [interviewId, openingId]);
  const { data, error, reload } = useAsyncData(load);
  const now = useNow(COUNTDOWN_REFRESH_MS);

  let body;
  if (data === undefined) {
    body = error ? (
      <div className="letter-list-error">
        <Alert tone="error">The letters could not be loaded: {error}</Alert>
        <button type="button" className="button small" onClick={reload}>
          Try again
        </button>
      </div>
    ) : (
      <p className="muted">Loading the letters…</p>
    );
  } else if (data.length === 0) {
    body = <p className="muted">{empty}</p>;
  } else {
    body = (
      <ul className="letter-list" aria-label={title}>
        {data.map((letter) => (
          <LetterRow key={letter.id} letter={letter} now={now} showKind={showKind} />
        ))}
      </ul>
    );
  }
  if (bare) return body;
  return (
    <Section title={title} className="letters-section">
      {body}
    </Section>
  );
}

function LetterRow({ letter, now, showKind }: { letter: LetterSummary; now: number; showKind?: boolean }) {
  const title = letterTitle(letter);
  const action = letter.status === 'draft' ? 'Write' : 'Open';
  return (
    <li className="letter-row">
      <div className="letter-row-who">
        <span className="strong">{letter.recipientName}</span>
        {letter.recipientTitle && <span className="muted">{letter.recipientTitle}</span>}
        {showKind && <span className="letter-kind">{LETTER_KIND_LABELS[letter.kind]}</span>}
      </div>
      <StatusBadge letter={letter} />
      <CountdownText letter={letter} now={now} />
      <a className="button small" href={hrefFor({ name: 'letter', id: letter.id })} aria-label={`${action} the ${title.charAt(0).toLowerCase()}${title.slice(1)}`}>
        {action}
      </a>
    </li>
  );
}
