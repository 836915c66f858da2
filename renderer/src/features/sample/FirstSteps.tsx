import { hoursInWords } from '#shared/domain/durations';
import type { PlaybookSettings } from '#shared/domain/playbook';
import { usePlaybook } from '#renderer/saved-settings';
import { useSampleData } from './SampleData';
import './sample.css';

const stepsFor = (playbook: PlaybookSettings) => [
  { title: 'Add an opening', text: 'A job you are pursuing: the company, the role, where it stands.' },
  { title: 'Log each interview', text: 'When it is, and who you met. Each interviewer becomes a contact.' },
  {
    title: 'Follow the reminders',
    text: `A debrief while it is fresh, a thank-you note within ${hoursInWords(playbook.thankYouDeadlineHours)}, then the follow-ups, right here on Today.`,
  },
];

/** What an empty vault shows: the three first steps, the button for the first one, and the sample to look around in. */
export function FirstSteps({ title, onAddOpening, headingLevel = 2 }: { title: string; onAddOpening(): void; headingLevel?: 2 | 3 }) {
  const { load, busy, rows } = useSampleData();
  const steps = stepsFor(usePlaybook());
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const StepHeading = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <div className="empty first-steps">
      <Heading>{title}</Heading>
      <p>Three steps to start:</p>
      <ol className="first-steps-list">
        {steps.map((step) => (
          <li key={step.title}>
            <StepHeading>{step.title}</StepHeading>
            <p>{step.text}</p>
          </li>
        ))}
      </ol>
      <div className="form-actions first-steps-actions">
        <button type="button" className="button primary" onClick={onAddOpening}>
          Add your first opening
        </button>
        {rows === 0 && (
          <button type="button" className="button" disabled={busy} onClick={() => void load()}>
            {busy ? 'Adding the sample…' : 'Explore with sample data'}
          </button>
        )}
      </div>
      {rows === 0 && <p className="first-steps-note">The sample is a small, made-up job search, clearly marked, that you can remove in one click.</p>}
    </div>
  );
}
