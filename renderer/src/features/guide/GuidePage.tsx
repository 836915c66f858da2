import type { ReactNode } from 'react';
import { hoursInWords } from '#shared/domain/durations';
import type { PlaybookSettings } from '#shared/domain/playbook';
import { hrefFor, type Route } from '#renderer/router';
import { usePlaybook } from '#renderer/saved-settings';
import './guide.css';

interface Step {
  title: string;
  body: ReactNode;
  link?: { label: string; route: Route };
}

const stepsFor = (playbook: PlaybookSettings): Step[] => [
  {
    title: 'Log the interview',
    body: 'As soon as an interview is arranged, add it to its opening with the time and the people you will meet. Everything after it is timed from when it ends.',
    link: { label: 'Open the pipeline', route: { name: 'pipeline' } },
  },
  {
    title: 'Debrief while it is fresh',
    body: 'Right after, note what was asked, what went well, what you would answer differently, and what happens next and by when. Those facts drive the reminders that follow.',
  },
  {
    title: `Thank each interviewer within ${hoursInWords(playbook.thankYouDeadlineHours)}`,
    body: `Afterview drafts a note for every person you met, each counting down to its deadline, ${hoursInWords(playbook.thankYouDeadlineHours)} after the interview. Add something you did not get to say, send it, and mark it sent.`,
  },
  {
    title: 'Line up your references',
    body: `Keep ${playbook.minGrantedReferences > 1 ? `at least ${playbook.minGrantedReferences} people` : 'a few people'} who have agreed to vouch for you. When an opening gets serious, send each a short brief on the role and what to stress.`,
    link: { label: 'Open the references', route: { name: 'references' } },
  },
  {
    title: 'Follow up with restraint',
    body: 'Use the channel they prefer, and wait until the date they gave has passed. Afterview counts your unanswered messages and says when another one would be too many. LinkedIn can wait until the process is over.',
  },
  {
    title: 'Move on, or close gracefully',
    body: 'If the silence lasts, let the opening rest and put your energy elsewhere; it comes back if they do. If the answer is no, a short, warm reply keeps the door open. Record the outcome either way.',
  },
];

/** The whole flow on one page: what Afterview asks of you, when, and what it keeps. */
export function GuidePage() {
  const playbook = usePlaybook();
  return (
    <article className="page guide-page" aria-labelledby="guide-title">
      <header className="page-header">
        <div>
          <h1 id="guide-title">How Afterview works</h1>
          <p className="subtitle">The part of a job search that happens after the interview, one step at a time.</p>
        </div>
      </header>

      <section className="panel" aria-labelledby="guide-flow">
        <h2 id="guide-flow">The flow</h2>
        <ol className="guide-steps">
          {stepsFor(playbook).map((step) => (
            <li key={step.title}>
              <h3>{step.title}</h3>
              <p>{step.body}</p>
              {step.link && <a href={hrefFor(step.link.route)}>{step.link.label}</a>}
            </li>
          ))}
        </ol>
      </section>

      <div className="guide-grid">
        <section className="panel" aria-labelledby="guide-reminders">
          <h2 id="guide-reminders">Reminders and the tray</h2>
          <p>
            Each step above becomes a reminder at the right moment: on <a href={hrefFor({ name: 'today' })}>Today</a>, as a notification, and in the tray icon’s menu.
            Afterview keeps running in the tray when you close its window, so nothing is missed; quiet hours keep the evenings free. You can snooze, finish or dismiss
            any reminder.
          </p>
        </section>
        <section className="panel" aria-labelledby="guide-private">
          <h2 id="guide-private">Your vault stays on your computer</h2>
          <p>
            Openings, people, notes and letters live in one file on this machine. There is no account and nothing is sent anywhere: a letter leaves only when you
            send it yourself.
          </p>
        </section>
        <section className="panel" aria-labelledby="guide-backups">
          <h2 id="guide-backups">Backups and export</h2>
          <p>
            Afterview backs up the whole vault, photos included, every day and before each update, and checks every copy; it keeps a week of daily
            backups, one a week and one a month further back, and the ones you make. Restore one, or a backup file you kept elsewhere, from{' '}
            <a href={hrefFor({ name: 'backups' })}>Backups</a>. Letters can be saved as PDF, and reference briefs as PDF, Word or Markdown.
          </p>
        </section>
        <section className="panel" aria-labelledby="guide-insights">
          <h2 id="guide-insights">Seeing the bigger picture</h2>
          <p>
            <a href={hrefFor({ name: 'insights' })}>Insights</a> shows how far your openings get and how long employers take to answer, so a quiet week reads as
            normal rather than as bad news. Tips along the way explain the why; put one away with “Got it”, and bring them all back in{' '}
            <a href={hrefFor({ name: 'settings' })}>Settings</a>.
          </p>
        </section>
      </div>
    </article>
  );
}
