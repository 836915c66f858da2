import type { LetterSummary } from '#shared/domain/letter';
import { daysInWords } from '#shared/domain/durations';
import { usePlaybook } from '#renderer/saved-settings';
import { CheckboxField } from '#renderer/ui/Field';
import { formatDate } from '#renderer/ui/format';

interface LetterTrackProps {
  letter: LetterSummary;
  now: number;
  busy: boolean;
  onTrack(enabled: boolean): void;
  onPosted(posted: boolean): void;
  onDownload(): void;
}

/** The optional handwritten copy: when to post it, whether it is posted, and its print-ready PDF. */
export function LetterTrack({ letter, now, busy, onTrack, onPosted, onDownload }: LetterTrackProps) {
  const { letterMailByDays } = usePlaybook();
  const on = letter.mailBy !== null;
  const late = on && !letter.postedAt && Date.parse(letter.mailBy!) < now;
  return (
    <section className="panel letter-track" aria-labelledby="letter-track-title">
      <h2 id="letter-track-title">Handwritten copy</h2>
      <CheckboxField
        label="Also post a handwritten copy"
        checked={on}
        disabled={busy}
        hint={on ? undefined : `A letter on paper, arriving a day or two after the e-mail, is remembered. Afterview sets a mail-by date ${daysInWords(letterMailByDays)} out.`}
        onChange={(event) => onTrack(event.target.checked)}
      />
      {on && (
        <>
          <p className={`mail-by ${late ? 'mail-by-late' : ''}`}>
            Mail by <time dateTime={letter.mailBy!}>{formatDate(letter.mailBy!)}</time>
            {late && ' — that date has passed'}
          </p>
          <CheckboxField
            label="Posted"
            checked={letter.postedAt !== null}
            disabled={busy}
            hint={letter.postedAt ? `Posted ${formatDate(letter.postedAt)}.` : 'Tick it once the letter is in the post.'}
            onChange={(event) => onPosted(event.target.checked)}
          />
        </>
      )}
      <div>
        <button type="button" className="button" onClick={onDownload} disabled={busy}>
          Download PDF
        </button>
        <p className="field-hint">The note laid out for printing: copy it out by hand, or sign the printout.</p>
      </div>
    </section>
  );
}
