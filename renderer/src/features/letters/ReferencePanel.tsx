import type { Debrief } from '#shared/domain/interview';
import type { LetterKind } from '#shared/domain/letter';
import { hoursInWords } from '#shared/domain/durations';
import { stayInTouchWords } from '#renderer/ui/playbook-words';
import { usePlaybook } from '#renderer/saved-settings';
import { hrefFor } from '#renderer/router';
import { formatCalendarDate } from '#renderer/ui/format';

interface ReferencePanelProps {
  kind: LetterKind;
  debrief: Debrief | null;
  interviewId: string | null;
  recipientFirstName: string;
}

/** What a thank-you note can cover, in our words. */
const THANK_YOU_POINTS: { title: string; detail: string }[] = [
  { title: 'Something only they said', detail: 'Open with a detail from your conversation, so the note could only be for this person.' },
  { title: 'What you left out', detail: 'One result or strength you did not get to mention that fits what they need.' },
  { title: 'A link you noticed', detail: 'Common ground: an interest, a person you both know, or where their plans meet your experience.' },
  { title: 'A better answer', detail: 'If a reply came out thin, give the stronger version in a sentence or two.' },
  { title: 'What you would bring', detail: 'How you would help the team, concretely, in your first months.' },
];

const REJECTION_POINTS: { title: string; detail: string }[] = [
  { title: 'Thanks, sincerely', detail: 'For letting you know, and for the time the team spent with you.' },
  { title: 'Something good', detail: 'What you enjoyed or learned about them, briefly and honestly.' },
  { title: 'The door left open', detail: 'That you would like to hear about future roles and keep in touch.' },
];

function Fact({ label, value }: { label: string; value: string | null }) {
  if (!value || !value.trim()) return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** Beside the editor: the debrief to draw on, and what a good letter of this kind covers. */
export function ReferencePanel({ kind, debrief, interviewId, recipientFirstName }: ReferencePanelProps) {
  const playbook = usePlaybook();
  const hasDebrief = !!debrief && ([debrief.nextStep, debrief.impressions, debrief.concerns, debrief.questions, debrief.learned].some((value) => value.trim() !== '') || !!debrief.notifyBy || !!debrief.fillBy);
  return (
    <>
      {kind === 'thank_you' && (
        <section className="panel" aria-labelledby="debrief-reference-title">
          <h2 id="debrief-reference-title">From your debrief</h2>
          {debrief && hasDebrief ? (
            <dl className="reference-list">
              <Fact label="Next step" value={debrief.nextStep} />
              <Fact label="They will let you know by" value={debrief.notifyBy && formatCalendarDate(debrief.notifyBy)} />
              <Fact label="They aim to fill the role by" value={debrief.fillBy && formatCalendarDate(debrief.fillBy)} />
              <Fact label="Impressions" value={debrief.impressions} />
              <Fact label="Concerns" value={debrief.concerns} />
              <Fact label="Open questions" value={debrief.questions} />
              <Fact label="What you learned" value={debrief.learned} />
            </dl>
          ) : (
            <p className="muted">The debrief is still empty. A few lines there first give you the details that make this note personal.</p>
          )}
          {interviewId && (
            <p className="field-hint">
              <a href={hrefFor({ name: 'interview', id: interviewId })}>{hasDebrief ? 'Edit the debrief' : 'Fill in the debrief'}</a>
            </p>
          )}
        </section>
      )}
      <section className="panel" aria-labelledby="guidance-title">
        <h2 id="guidance-title">{kind === 'thank_you' ? 'What a good note covers' : 'A gracious reply'}</h2>
        <ol className="guidance">
          {(kind === 'thank_you' ? THANK_YOU_POINTS : REJECTION_POINTS).map((point) => (
            <li key={point.title}>
              <strong>{point.title}</strong>
              <span className="muted">{point.detail}</span>
            </li>
          ))}
        </ol>
        <p className="field-hint">
          {kind === 'thank_you'
            ? `Keep it short and send it within ${hoursInWords(playbook.thankYouDeadlineHours)}. Write one note per person: ${recipientFirstName} should not get a copy of someone else’s.`
            : playbook.stayInTouchTimes > 0
              ? `Afterview will remind you to check in ${stayInTouchWords(playbook)}. Doors reopen more often than you would think.`
              : 'Doors reopen more often than you would think.'}
        </p>
      </section>
    </>
  );
}
