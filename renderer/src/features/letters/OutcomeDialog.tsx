import { useId, useState } from 'react';
import type { Contact } from '../../../../shared/domain/contact';
import { OUTCOMES } from '../../../../shared/domain/letter';
import type { Opening } from '../../../../shared/domain/opening';
import { DEFAULT_PLAYBOOK } from '../../../../shared/domain/playbook';
import { call } from '../../api';
import { navigate } from '../../router';
import { messageOf } from '../../ui/forms';
import { SelectField } from '../../ui/SelectField';
import { useToast } from '../../ui/toast';
import { FormDialog } from './FormDialog';

export type Outcome = (typeof OUTCOMES)[number];

const OUTCOME_TEXT: Record<Outcome, { label: string; hint: string }> = {
  offer: { label: 'Offer', hint: 'They offered you the job. The opening moves to Offer while you decide.' },
  accepted: { label: 'Accepted', hint: 'You said yes. The process is over for this opening.' },
  rejected: { label: 'Rejected', hint: 'They chose someone else. Afterview starts a short, gracious reply and reminds you to keep in touch.' },
  withdrawn: { label: 'Withdrawn', hint: 'You stepped out of the process. The opening is closed.' },
};

interface OutcomeDialogProps {
  opening: Opening;
  people: Contact[];
  onRecorded(opening: Opening): void;
  onCancel(): void;
  /** Preselected, e.g. when the user picked Rejected in the stage list. */
  initialOutcome?: Outcome;
}

/** How the process ended. A rejection leads straight to the reply to write. */
export function OutcomeDialog({ opening, people, onRecorded, onCancel, initialOutcome }: OutcomeDialogProps) {
  const toast = useToast();
  const [outcome, setOutcome] = useState<Outcome | undefined>(initialOutcome);
  const [contactId, setContactId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const groupName = useId();

  async function submit() {
    if (!outcome) return setError('Choose how it ended.');
    setBusy(true);
    setError(undefined);
    try {
      const result = await call('openings.recordOutcome', { openingId: opening.id, outcome, ...(outcome === 'rejected' && contactId ? { contactId } : {}) });
      onRecorded(result.opening);
      if (outcome === 'rejected' && result.letterId) {
        navigate({ name: 'letter', id: result.letterId });
        toast.show(
          `A reply is ready for you to write, due within ${DEFAULT_PLAYBOOK.rejectionDraftHours} hours. After that, Afterview reminds you to check in every ${DEFAULT_PLAYBOOK.stayInTouchEveryDays} days, ${DEFAULT_PLAYBOOK.stayInTouchTimes} times.`,
        );
      } else {
        toast.show(`Recorded: ${OUTCOME_TEXT[outcome].label}.`);
      }
    } catch (caught) {
      setError(messageOf(caught));
      setBusy(false);
    }
  }

  return (
    <FormDialog title="Record the outcome" submitLabel="Record outcome" busy={busy} error={error} onSubmit={() => void submit()} onCancel={onCancel}>
      <fieldset className="outcome-options">
        <legend>How did it end?</legend>
        {OUTCOMES.map((option) => (
          <label key={option} className="outcome-option">
            <input type="radio" name={groupName} value={option} checked={outcome === option} onChange={() => setOutcome(option)} aria-describedby={`${groupName}-${option}`} />
            <span className="outcome-name">{OUTCOME_TEXT[option].label}</span>
            <span className="outcome-hint" id={`${groupName}-${option}`}>
              {OUTCOME_TEXT[option].hint}
            </span>
          </label>
        ))}
      </fieldset>
      {outcome === 'rejected' && (
        <SelectField label="Who told you? (optional)" value={contactId} hint="Your reply goes to them. Left open, it goes to the last person who interviewed you." onChange={(event) => setContactId(event.target.value)}>
          <option value="">Not sure, or not listed</option>
          {people.map((person) => (
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
