import { useCallback, useId, useState } from 'react';
import type { Contact } from '#shared/domain/contact';
import { hoursInWords } from '#shared/domain/durations';
import { STAGE_LABELS, type Opening } from '#shared/domain/opening';
import { OUTCOME_STEPS, OUTCOMES, type Outcome } from '#shared/domain/outcome';
import { call } from '#renderer/api';
import { navigate } from '#renderer/router';
import { usePlaybook } from '#renderer/saved-settings';
import { outcomeStepsInWords, stayInTouchWords } from '#renderer/ui/playbook-words';
import { SelectField } from '#renderer/ui/SelectField';
import { useToast } from '#renderer/ui/toast';
import { useAsyncData } from '#renderer/ui/useAsyncData';
import { useFormSubmit } from '#renderer/ui/useFormSubmit';
import { FormDialog } from './FormDialog';
import './outcome-dialog.css';

const OUTCOME_HINTS: Record<Outcome, string> = {
  offer: 'They offered you the job. The opening moves to Offer while you decide.',
  accepted: 'You said yes. The process is over for this opening.',
  rejected: 'They chose someone else.',
  withdrawn: 'You stepped out of the process.',
  dormant: 'No answer, even after your follow-ups. The opening rests, and comes back by itself if they get in touch.',
};

interface OutcomeDialogProps {
  opening: Pick<Opening, 'id' | 'role' | 'companyName'>;
  /** The opening's people, for "who told you"; the dialog loads them itself when the screen does not have them (the board). */
  people?: Contact[];
  onRecorded(opening: Opening): void;
  onCancel(): void;
  /** Preselected: the stage picked on the board, in the stage list or from a suggestion. */
  initialOutcome?: Outcome;
}

/**
 * How the process ended: the one way into an outcome stage, from every
 * screen. It says what the choice sets in motion, and a rejection leads
 * straight to the reply to write.
 */
export function OutcomeDialog({ opening, people, onRecorded, onCancel, initialOutcome }: OutcomeDialogProps) {
  const toast = useToast();
  const playbook = usePlaybook();
  const [outcome, setOutcome] = useState<Outcome | undefined>(initialOutcome);
  const [contactId, setContactId] = useState('');
  const { errors, busy, submit } = useFormSubmit();
  const groupName = useId();
  const loadPeople = useCallback(() => (people ? Promise.resolve(people) : call('openings.get', { id: opening.id }).then((detail) => detail.contacts)), [people, opening.id]);
  const known = useAsyncData(loadPeople);
  const asksWho = outcome !== undefined && OUTCOME_STEPS[outcome].replyDraft;

  function record() {
    if (!outcome) return submit({ form: 'Choose how it ended.' }, async () => undefined);
    return submit({}, async () => {
      const result = await call('openings.recordOutcome', { openingId: opening.id, outcome, ...(asksWho && contactId ? { contactId } : {}) });
      onRecorded(result.opening);
      if (result.letterId) {
        navigate({ name: 'letter', id: result.letterId });
        const keepInTouch = OUTCOME_STEPS[outcome].stayInTouch && playbook.stayInTouchTimes > 0 ? ` After that, Afterview reminds you to check in ${stayInTouchWords(playbook)}.` : '';
        toast.show(`A reply is ready for you to write, due within ${hoursInWords(playbook.rejectionDraftHours)}.${keepInTouch}`);
      } else {
        toast.show(`Recorded: ${STAGE_LABELS[outcome]}.`);
      }
    });
  }

  return (
    <FormDialog title="Record the outcome" submitLabel="Record outcome" busy={busy} error={errors.form} onSubmit={() => void record()} onCancel={onCancel}>
      <p className="muted outcome-of">
        {opening.role} at {opening.companyName}
      </p>
      <fieldset className="outcome-options">
        <legend>How did it end?</legend>
        {OUTCOMES.map((option) => {
          const hintId = `${groupName}-${option}`;
          const stepsId = `${groupName}-${option}-steps`;
          const chosen = outcome === option;
          return (
            <div key={option} className={`outcome-option${chosen ? ' chosen' : ''}`}>
              <label>
                <input
                  type="radio"
                  name={groupName}
                  value={option}
                  checked={chosen}
                  onChange={() => setOutcome(option)}
                  aria-describedby={chosen ? `${hintId} ${stepsId}` : hintId}
                />
                <span className="outcome-name">{STAGE_LABELS[option]}</span>
                <span className="outcome-hint" id={hintId}>
                  {OUTCOME_HINTS[option]}
                </span>
              </label>
              {chosen && (
                <ul className="outcome-steps" id={stepsId} aria-label="What this sets in motion">
                  {outcomeStepsInWords(option, playbook).map((step) => (
                    <li key={step}>{step}</li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </fieldset>
      {asksWho && (
        <SelectField label="Who told you? (optional)" value={contactId} hint="Your reply goes to them. Left open, it goes to the last person who interviewed you." onChange={(event) => setContactId(event.target.value)}>
          <option value="">Not sure, or not listed</option>
          {(known.data ?? []).map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
              {person.title ? ` · ${person.title}` : ''}
            </option>
          ))}
        </SelectField>
      )}
    </FormDialog>
  );
}
