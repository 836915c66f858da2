import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ReminderView } from '#shared/domain/reminder';
import type { SnoozeChoice } from '#shared/domain/snooze';
import { call } from '#renderer/api';
import { hrefFor, navigate } from '#renderer/router';
import { FirstSteps } from '../sample/FirstSteps';
import { Alert } from '#renderer/ui/Alert';
import { messageOf } from '#renderer/ui/message-of';
import { Tip } from '#renderer/ui/Tip';
import { useNow } from '#renderer/ui/useNow';
import { hoursInWords } from '#shared/domain/durations';
import { usePlaybook } from '#renderer/saved-settings';
import { outcomeStepsInWords } from '#renderer/ui/playbook-words';
import { useToast } from '#renderer/ui/toast';
import { notifyAgendaChanged } from './refresh';
import { ReminderItem } from './ReminderItem';
import { useAgenda } from './useAgenda';
import { formatAt } from './when';
import './today.css';

/** Relative times ("Due in 2 h") move on twice a minute. */
const CLOCK_MS = 30_000;

const GROUPS = [
  { id: 'overdue', title: 'Overdue' },
  { id: 'today', title: 'Today' },
  { id: 'week', title: 'This week' },
] as const;

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });

function things(count: number): string {
  return count === 1 ? '1 thing' : `${count} things`;
}

/** Whether the vault has no opening at all (undefined until known, or when not asked). */
function useVaultIsEmpty(ask: boolean): boolean {
  const [empty, setEmpty] = useState(false);
  useEffect(() => {
    if (!ask) return;
    let live = true;
    call('openings.list')
      .then((openings) => live && setEmpty(openings.length === 0))
      .catch(() => live && setEmpty(false));
    return () => {
      live = false;
    };
  }, [ask]);
  return ask && empty;
}

/** The home screen: everything due or overdue, the most urgent first, each one click from being done. */
export function TodayPage() {
  const { agenda, error, reload, removeLocally } = useAgenda();
  const now = useNow(CLOCK_MS);
  const toast = useToast();
  const playbook = usePlaybook();
  const [busy, setBusy] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const listRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  /** Where keyboard focus goes once an item leaves the list: the item that took its place. */
  const focusAfterRemoval = useRef<number | undefined>(undefined);

  const overdue = agenda?.overdue ?? [];
  const today = agenda?.today ?? [];
  const week = agenda?.week ?? [];
  const more = agenda?.more ?? 0;
  const total = overdue.length + today.length + week.length;
  const dueNow = overdue.length + today.length;

  useEffect(() => {
    const index = focusAfterRemoval.current;
    if (index === undefined) return;
    focusAfterRemoval.current = undefined;
    const actions = listRef.current?.querySelectorAll<HTMLElement>('.reminder-primary') ?? [];
    (actions[Math.min(index, actions.length - 1)] ?? headingRef.current)?.focus();
  }, [agenda]);

  /** Whether keyboard focus is in the list, asked before a button is disabled and lets it go. */
  const focusInList = () => !!listRef.current?.contains(document.activeElement);

  /** Takes the item off the list now; focus, if it was in the list, moves to the item that takes its place. */
  function takeOff(item: ReminderView, keepFocus: boolean) {
    const items = Array.from(listRef.current?.querySelectorAll<HTMLElement>('.reminder') ?? []);
    const index = items.findIndex((element) => element.dataset.key === item.key);
    if (index >= 0 && keepFocus) focusAfterRemoval.current = index;
    removeLocally(item.key);
  }

  async function reopen(item: ReminderView) {
    try {
      await call('reminders.reopen', { key: item.key });
      toast.show(`“${item.title}” is back on your list.`);
    } catch (caught) {
      toast.show(`“${item.title}” could not be brought back: ${messageOf(caught)}`, { tone: 'error' });
    }
    notifyAgendaChanged();
  }

  async function settle(item: ReminderView, how: 'done' | 'dismiss') {
    const keepFocus = focusInList();
    setBusy(item.key);
    setProblem(undefined);
    try {
      await call(how === 'done' ? 'reminders.done' : 'reminders.dismiss', { key: item.key });
      takeOff(item, keepFocus);
      toast.show(how === 'done' ? `Done: “${item.title}”.` : `Dismissed “${item.title}”.`, { action: { label: 'Undo', run: () => reopen(item) } });
    } catch (caught) {
      setProblem(`“${item.title}” could not be ${how === 'done' ? 'marked done' : 'dismissed'}: ${messageOf(caught)}`);
    } finally {
      setBusy(undefined);
      notifyAgendaChanged();
    }
  }

  /** The move-on suggestion's one click, through the same outcome step as the dialog: the opening rests, and its revisit reminder follows. */
  async function markDormant(item: ReminderView) {
    const openingId = item.target.kind === 'opening' ? item.target.id : item.openingId;
    if (!openingId) return;
    const keepFocus = focusInList();
    setBusy(item.key);
    setProblem(undefined);
    try {
      await call('openings.recordOutcome', { openingId, outcome: 'dormant' });
      takeOff(item, keepFocus);
      toast.show(`Marked dormant. ${outcomeStepsInWords('dormant', playbook).join(' ')}`);
    } catch (caught) {
      setProblem(`The opening could not be marked dormant: ${messageOf(caught)}`);
    } finally {
      setBusy(undefined);
      notifyAgendaChanged();
    }
  }

  async function snooze(item: ReminderView, how: { choice: SnoozeChoice } | { until: Date }) {
    const keepFocus = focusInList();
    setBusy(item.key);
    setProblem(undefined);
    try {
      const input = 'choice' in how ? { key: item.key, choice: how.choice } : { key: item.key, until: how.until.toISOString() };
      const result = await call('reminders.snooze', input);
      takeOff(item, keepFocus);
      toast.show(result.snoozedUntil ? `Snoozed until ${formatAt(result.snoozedUntil, Date.now(), true)}.` : 'Snoozed.');
    } catch (caught) {
      setProblem(`“${item.title}” could not be snoozed: ${messageOf(caught)}`);
    } finally {
      setBusy(undefined);
      notifyAgendaChanged();
    }
  }

  /** ↑ and ↓ move between items, landing on each one's main action. */
  function onListKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if ((event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    if (target.closest('input, select, textarea, [role="menu"]')) return;
    const items = Array.from(listRef.current?.querySelectorAll<HTMLElement>('.reminder') ?? []);
    const current = items.indexOf(target.closest<HTMLElement>('.reminder')!);
    if (current < 0) return;
    const next = items[current + (event.key === 'ArrowDown' ? 1 : -1)];
    if (!next) return;
    event.preventDefault();
    next.querySelector<HTMLElement>('.reminder-primary')?.focus();
  }

  // Only asked when nothing is due, so a full vault's Today does not wait on every opening.
  const vaultIsEmpty = useVaultIsEmpty(!!agenda && total === 0);

  const summary = [
    overdue.length > 0 ? `${overdue.length} overdue` : '',
    today.length > 0 ? `${today.length} for today` : '',
    week.length > 0 ? `${things(week.length)} later this week` : '',
    more > 0 ? `${more} more` : '',
  ].filter(Boolean);

  return (
    <section className="page today" aria-labelledby="today-title">
      <header className="page-header">
        <div>
          <h1 id="today-title" ref={headingRef} tabIndex={-1}>
            Today
          </h1>
          <p className="subtitle">
            {dayFormat.format(now)}
            {dueNow > 0 && ` · ${summary.join(' · ')}`}
          </p>
        </div>
      </header>

      {error && (
        <Alert tone="error" onRetry={reload}>
          What is due could not be loaded: {error}
        </Alert>
      )}
      {problem && <Alert tone="error">{problem}</Alert>}
      {!agenda && !error && <p className="muted">Looking at what is due…</p>}

      {agenda && total === 0 && vaultIsEmpty && <FirstSteps title="Welcome to Afterview" onAddOpening={() => navigate({ name: 'pipeline', add: true })} />}

      {agenda && total === 0 && !vaultIsEmpty && (
        <div className="empty today-empty">
          <h2>Nothing is due</h2>
          <p>
            When an interview ends, Afterview reminds you to jot down a debrief while it is fresh and to thank each interviewer within {hoursInWords(playbook.thankYouDeadlineHours)}. Later it tells you when a
            follow-up is welcome, when to brief your references, when to move on and when to get back in touch. Those reminders will show up here.
          </p>
          <div className="form-actions">
            <a className="button" href={hrefFor({ name: 'pipeline' })}>
              Go to the pipeline
            </a>
            <a className="button" href={hrefFor({ name: 'guide' })}>
              How Afterview works
            </a>
          </div>
        </div>
      )}

      {[...overdue, ...today, ...week].some((item) => item.kind === 'move_on') && <Tip id="when_to_move_on" />}

      {agenda && dueNow === 0 && week.length > 0 && (
        <p className="today-clear" role="status">
          <span aria-hidden="true">✓</span> All clear for today — {things(week.length)} later this week.
        </p>
      )}

      {total > 0 && (
        <div ref={listRef} className="today-groups" onKeyDown={onListKeyDown}>
          {GROUPS.map((group) => {
            const items = agenda![group.id];
            if (items.length === 0) return null;
            return (
              <section key={group.id} className={`today-group today-group-${group.id}`} aria-labelledby={`today-${group.id}`}>
                <h2 id={`today-${group.id}`}>
                  {group.title} <span className="today-count">{items.length}</span>
                </h2>
                <ul className="reminder-list">
                  {items.map((item) => (
                    <ReminderItem
                      key={item.key}
                      item={item}
                      now={now}
                      busy={busy === item.key}
                      onSnooze={(target, how) => void snooze(target, how)}
                      onDone={(target) => void settle(target, 'done')}
                      onDismiss={(target) => void settle(target, 'dismiss')}
                      onMarkDormant={(target) => void markDormant(target)}
                    />
                  ))}
                </ul>
              </section>
            );
          })}
          {more > 0 && (
            <p className="today-more muted">
              {more === 1 ? '1 more item is' : `${more} more items are`} waiting and not listed yet: the list holds the soonest due, and the rest move up as you clear them.
            </p>
          )}
          <p className="today-hint muted">Tip: ↑ and ↓ move between items; Tab reaches each button.</p>
        </div>
      )}
    </section>
  );
}
