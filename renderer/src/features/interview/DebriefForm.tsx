import { useCallback, useEffect, useRef, useState } from 'react';
import { CONTACT_CHANNEL_LABELS, CONTACT_CHANNELS, type ContactChannel } from '#shared/domain/fields';
import { debriefInputSchema, type Debrief, type TeamMember } from '#shared/domain/interview';
import { call } from '#renderer/api';
import { formatMoment } from '#renderer/ui/datetime';
import { CheckboxField, SelectField, TextAreaField } from '#renderer/ui/Field';
import { errorsFromApi, issuesToErrors, type FieldErrors } from '#renderer/ui/forms';
import { TextField } from '#renderer/ui/TextField';

interface PersonAnswers {
  preferredChannel: ContactChannel | '';
  cardCollected: boolean;
}

interface DebriefState {
  nextStepClear: boolean;
  nextStep: string;
  notifyBy: string;
  fillBy: string;
  cardsCollected: boolean;
  impressions: string;
  concerns: string;
  questions: string;
  learned: string;
  people: Record<string, PersonAnswers>;
}

type SaveStatus = { kind: 'clean' } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

const FIELDS = ['nextStepClear', 'nextStep', 'notifyBy', 'fillBy', 'cardsCollected', 'impressions', 'concerns', 'questions', 'learned', 'team'] as const;
/** Quiet time after typing before a save; a blur or a click saves sooner. */
const TYPING_DELAY_MS = 1200;
const BLUR_DELAY_MS = 250;

const REFLECTIONS = [
  { key: 'impressions', label: 'Impressions', hint: 'How the people and the place felt to you. Later, when you compare offers, this is what you will want to remember.' },
  { key: 'concerns', label: 'Concerns', hint: 'Anything that gave you pause: the workload, the team, the pay, how a question was asked.' },
  { key: 'questions', label: 'Open questions', hint: 'What you still want to find out. Bring these to the next round or a follow-up.' },
  { key: 'learned', label: 'What you learned', hint: 'Facts about the role, the team and their plans. They make your thank-you note specific.' },
] as const;

function initialState(debrief: Debrief, team: TeamMember[]): DebriefState {
  const people: Record<string, PersonAnswers> = {};
  for (const member of team) people[member.contactId] = { preferredChannel: member.preferredChannel ?? '', cardCollected: member.cardCollected };
  return {
    nextStepClear: debrief.nextStepClear,
    nextStep: debrief.nextStep,
    notifyBy: debrief.notifyBy ?? '',
    fillBy: debrief.fillBy ?? '',
    cardsCollected: debrief.cardsCollected,
    impressions: debrief.impressions,
    concerns: debrief.concerns,
    questions: debrief.questions,
    learned: debrief.learned,
    people,
  };
}

function answersFor(state: DebriefState, member: TeamMember): PersonAnswers {
  return state.people[member.contactId] ?? { preferredChannel: member.preferredChannel ?? '', cardCollected: member.cardCollected };
}

interface DebriefFormProps {
  interviewId: string;
  debrief: Debrief;
  team: TeamMember[];
}

/**
 * The checklist to fill in right after the interview. Every change is saved on
 * its own (shortly after typing stops, or when a field loses focus), and
 * whatever is still pending is saved when the page is left.
 */
export function DebriefForm({ interviewId, debrief, team }: DebriefFormProps) {
  const [state, setState] = useState(() => initialState(debrief, team));
  const [completedAt, setCompletedAt] = useState(debrief.completedAt);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'clean' });
  const [errors, setErrors] = useState<FieldErrors>({});

  // What the saves read: the latest answers, even from a timer or on the way out.
  const latest = useRef({ state, team, completed: debrief.completedAt !== null, dirty: false });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const buildInput = useCallback(
    (complete: boolean) => {
      const { state: answers, team: members } = latest.current;
      return {
        interviewId,
        nextStepClear: answers.nextStepClear,
        nextStep: answers.nextStep,
        notifyBy: answers.notifyBy || null,
        fillBy: answers.fillBy || null,
        cardsCollected: answers.cardsCollected,
        impressions: answers.impressions,
        concerns: answers.concerns,
        questions: answers.questions,
        learned: answers.learned,
        team: members.map((member) => {
          const person = answersFor(answers, member);
          return { contactId: member.contactId, preferredChannel: person.preferredChannel || null, cardCollected: person.cardCollected };
        }),
        complete,
      };
    },
    [interviewId],
  );

  const save = useCallback(
    (markDone: boolean) => {
      clearTimeout(timer.current);
      // Once done, later edits keep it done.
      const input = buildInput(markDone || latest.current.completed);
      const parsed = debriefInputSchema.safeParse(input);
      if (!parsed.success) {
        setErrors(issuesToErrors(parsed.error));
        setStatus({ kind: 'error', message: 'Not saved yet: please fix the marked field.' });
        return Promise.resolve();
      }
      latest.current.dirty = false;
      setErrors({});
      setStatus({ kind: 'saving' });
      // One save at a time, in order, so an older answer never lands last.
      const run = queue.current.then(() =>
        call('interviews.saveDebrief', input).then(
          (saved) => {
            latest.current.completed = saved.completedAt !== null;
            setCompletedAt(saved.completedAt);
            if (!latest.current.dirty) setStatus({ kind: 'saved' });
          },
          (caught: unknown) => {
            latest.current.dirty = true;
            const found = errorsFromApi(caught, FIELDS);
            setErrors(found.form ? {} : found);
            setStatus({ kind: 'error', message: `Not saved: ${found.form ?? Object.values(found)[0]}` });
          },
        ),
      );
      queue.current = run;
      return run;
    },
    [buildInput],
  );

  // Keep the team current (the interview can be edited above) and save what is pending on the way out.
  useEffect(() => {
    latest.current.team = team;
  }, [team]);
  useEffect(() => {
    const ref = latest.current;
    const flush = () => {
      if (ref.dirty) void save(false);
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [save]);

  function schedule(delay: number) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(false), delay);
  }

  function change(patch: Partial<DebriefState>, delay = TYPING_DELAY_MS) {
    const next = { ...latest.current.state, ...patch };
    latest.current.state = next;
    latest.current.dirty = true;
    setState(next);
    setStatus({ kind: 'dirty' });
    schedule(delay);
  }

  function changePerson(member: TeamMember, patch: Partial<PersonAnswers>) {
    const people = { ...latest.current.state.people, [member.contactId]: { ...answersFor(latest.current.state, member), ...patch } };
    change({ people }, BLUR_DELAY_MS);
  }

  const blur = () => {
    if (latest.current.dirty) schedule(BLUR_DELAY_MS);
  };

  const statusText =
    status.kind === 'saving' ? 'Saving…' : status.kind === 'saved' ? 'All changes saved' : status.kind === 'dirty' ? 'Unsaved changes' : status.kind === 'error' ? status.message : '';

  return (
    <section className="panel debrief" aria-labelledby="debrief-title">
      <div className="section-header">
        <div>
          <h2 id="debrief-title">Debrief</h2>
          <p className="field-hint">Fill this in while the conversation is fresh. A few minutes now makes your thank-you notes and follow-ups easier.</p>
        </div>
        <p className={`save-state save-state-${status.kind}`} role="status" aria-live="polite">
          {statusText}
        </p>
      </div>
      {completedAt && (
        <p className="debrief-done" role="status">
          <span aria-hidden="true">✓ </span>Debrief done on <time dateTime={completedAt}>{formatMoment(completedAt)}</time>
        </p>
      )}

      <fieldset className="debrief-step">
        <legend>
          <span className="step-number" aria-hidden="true">1</span> What happens next
        </legend>
        <CheckboxField
          label="I know what the next step is"
          checked={state.nextStepClear}
          onChange={(event) => change({ nextStepClear: event.target.checked }, BLUR_DELAY_MS)}
          hint="If it is not clear, that is worth a short question in your thank-you note."
        />
        <TextField
          label="The next step"
          value={state.nextStep}
          onChange={(event) => change({ nextStep: event.target.value })}
          onBlur={blur}
          error={errors.nextStep}
          placeholder="e.g. A call with the team lead"
          hint="Knowing it lets you prepare for that step, not a guess."
          autoComplete="off"
        />
      </fieldset>

      <fieldset className="debrief-step">
        <legend>
          <span className="step-number" aria-hidden="true">2</span> Their timeline
        </legend>
        <div className="form-grid">
          <TextField
            label="They will let you know by"
            type="date"
            value={state.notifyBy}
            onChange={(event) => change({ notifyBy: event.target.value })}
            onBlur={blur}
            error={errors.notifyBy}
            hint="Tells you when a follow-up is reasonable, and when it would be too soon."
          />
          <TextField
            label="They aim to fill the role by"
            type="date"
            value={state.fillBy}
            onChange={(event) => change({ fillBy: event.target.value })}
            onBlur={blur}
            error={errors.fillBy}
            hint="Shows how fast they move, and when silence starts to mean something."
          />
        </div>
      </fieldset>

      <fieldset className="debrief-step">
        <legend>
          <span className="step-number" aria-hidden="true">3</span> The people you met
        </legend>
        <p className="field-hint">Follow up on the channel each person prefers: it is the one they are most likely to answer. A card gives you the right spelling, title and address.</p>
        {errors.team && <p className="field-error">{errors.team}</p>}
        {team.length === 0 ? (
          <p className="muted">Nobody is on the team yet. Add the people you met with “Edit details” above.</p>
        ) : (
          <ul className="plain-list debrief-people">
            {team.map((member) => {
              const person = answersFor(state, member);
              return (
                <li key={member.contactId}>
                  <span className="person-name strong">{member.name}</span>
                  <SelectField
                    label={`How ${member.name} prefers follow-ups`}
                    value={person.preferredChannel}
                    onChange={(event) => changePerson(member, { preferredChannel: event.target.value as ContactChannel | '' })}
                    onBlur={blur}
                  >
                    <option value="">Not known yet</option>
                    {CONTACT_CHANNELS.map((channel) => (
                      <option key={channel} value={channel}>
                        {CONTACT_CHANNEL_LABELS[channel]}
                      </option>
                    ))}
                  </SelectField>
                  <CheckboxField label={`Card collected from ${member.name}`} checked={person.cardCollected} onChange={(event) => changePerson(member, { cardCollected: event.target.checked })} />
                </li>
              );
            })}
          </ul>
        )}
        <CheckboxField
          label="I have business cards from the team"
          checked={state.cardsCollected}
          onChange={(event) => change({ cardsCollected: event.target.checked }, BLUR_DELAY_MS)}
          hint="If not, ask the recruiter for names and addresses before you write your thank-you notes."
        />
      </fieldset>

      <fieldset className="debrief-step">
        <legend>
          <span className="step-number" aria-hidden="true">4</span> Your reflections
        </legend>
        <div className="debrief-reflections">
          {REFLECTIONS.map((section) => (
            <TextAreaField
              key={section.key}
              label={section.label}
              value={state[section.key]}
              onChange={(event) => change({ [section.key]: event.target.value })}
              onBlur={blur}
              error={errors[section.key]}
              hint={section.hint}
            />
          ))}
        </div>
      </fieldset>

      <div className="form-actions">
        {!completedAt && (
          <button type="button" className="button primary" onClick={() => void save(true)}>
            Mark debrief done
          </button>
        )}
        <button type="button" className="button" onClick={() => void save(false)}>
          {completedAt ? 'Save debrief' : 'Save draft'}
        </button>
      </div>
      <p className="field-hint">The next step and the dates also update the opening, so reminders to follow up use them.</p>
    </section>
  );
}
