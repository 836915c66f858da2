import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setTransport, type Transport } from '#renderer/api';
import { PipelinePage } from '#renderer/features/pipeline/PipelinePage';
import type { NextAction, PipelineRow } from '#shared/domain/pipeline';
import { fakeTransport } from './fake-transport';
import { ID, ok, renderWithToasts, summary } from './fixtures';

const HOUR = 3_600_000;
const LETTER = '88888888-8888-4888-8888-888888888888';
const at = (offset: number) => new Date(Date.now() + offset).toISOString();

function action(overrides: Partial<NextAction> = {}): NextAction {
  return {
    key: 'thank_you:l1', kind: 'thank_you', title: 'Thank Ivan Petrov for the Engineer interview', dueAt: at(-20 * HOUR), deadlineAt: at(-3 * HOUR - 60_000),
    snoozedUntil: null, openingId: ID.opening, target: { kind: 'letter', id: LETTER }, ...overrides,
  };
}

function row(overrides: Partial<PipelineRow> = {}): PipelineRow {
  return { ...summary(overrides), nextAction: null, ...overrides };
}

const ROWS: PipelineRow[] = [
  row({ id: ID.opening, role: 'Engineer', stage: 'interviewing', nextAction: action() }),
  row({
    id: ID.opening2, role: 'Analyst', stage: 'applied',
    nextAction: action({ key: 'follow_up:o2', kind: 'follow_up', title: 'Follow up on Analyst at Acme', dueAt: at(30 * HOUR), deadlineAt: null, openingId: ID.opening2, target: { kind: 'opening', id: ID.opening2 } }),
  }),
  row({ id: 'o3', role: 'Designer', stage: 'applied' }),
];

/** The pipeline on `rows`; the core's events reach the listeners in `events`. */
function show(view: 'list' | 'board', rows: () => PipelineRow[] = () => ROWS, events = new Map<string, () => void>()) {
  window.localStorage.setItem('afterview.pipeline.view', view);
  const fake = fakeTransport({ 'openings.list': () => ok(rows()), 'companies.list': () => ok([]) });
  const transport: Transport = { ...fake.transport, on: (name, listener) => (events.set(name, listener as () => void), () => events.delete(name)) };
  setTransport(transport);
  renderWithToasts(<PipelinePage />);
}

describe('the next action on the pipeline', () => {
  beforeEach(() => window.localStorage.clear());

  it('lists each opening’s next action with when it is due, linked to where it is done, overdue set apart', async () => {
    show('list');
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Next action' })).toBeInTheDocument();
    const [engineer, analyst, designer] = within(table).getAllByRole('row').slice(1);

    const overdue = within(engineer!).getByRole('link', { name: 'Next: Thank Ivan Petrov for the Engineer interview' });
    expect(overdue).toHaveAttribute('href', `#/letters/${LETTER}`);
    const overdueWhen = within(engineer!).getByText(/^Overdue by 3 h/);
    expect(overdueWhen.closest('[data-urgency]')).toHaveAttribute('data-urgency', 'overdue');

    // A follow-up opens its log on the opening, as from Today.
    expect(within(analyst!).getByRole('link', { name: 'Next: Follow up on Analyst at Acme' })).toHaveAttribute('href', `#/openings/${ID.opening2}?log=follow_up`);
    const later = within(analyst!).getByText(/^(Tomorrow|[A-Z][a-z]{2}) \d{1,2}:\d\d/);
    expect(later.closest('[data-urgency]')).toHaveAttribute('data-urgency', 'later');

    expect(within(designer!).getByText('Nothing planned')).toBeInTheDocument();
  });

  it('says an overdue item is overdue in words, even when its text says "Due since"', async () => {
    show('list', () => [row({ nextAction: action({ kind: 'debrief', title: 'Debrief your Engineer interview', dueAt: at(-50 * HOUR), deadlineAt: null }) })]);
    const when = await screen.findByText(/^Due since/);
    expect(when.closest('time')).toHaveTextContent(/^Overdue: Due since/);
  });

  it('shows a snoozed action as snoozed, not overdue', async () => {
    show('list', () => [row({ nextAction: action({ snoozedUntil: at(2 * HOUR) }) })]);
    const when = await screen.findByText(/^Snoozed until/);
    expect(when.closest('[data-urgency]')).toHaveAttribute('data-urgency', 'later');
  });

  it('shows the next action on each board card', async () => {
    show('board');
    const interviewing = await screen.findByRole('region', { name: /Interviewing/ });
    const card = within(interviewing).getByRole('listitem');
    expect(within(card).getByRole('link', { name: 'Next: Thank Ivan Petrov for the Engineer interview' })).toHaveAttribute('href', `#/letters/${LETTER}`);
    expect(within(card).getByText(/^Overdue by 3 h/)).toBeInTheDocument();
    const applied = screen.getByRole('region', { name: /Applied/ });
    const designer = within(applied).getAllByRole('listitem').find((item) => within(item).queryByRole('link', { name: 'Designer' }))!;
    // Nothing planned: the card stays short.
    expect(within(designer).queryByRole('link', { name: /^Next:/ })).toBeNull();
  });

  it('sorts by the next action due, the most pressing first and nothing planned last', async () => {
    window.localStorage.setItem('afterview.pipeline.sort', 'changed');
    show('list', () => [ROWS[2]!, ROWS[1]!, ROWS[0]!]);
    await screen.findByRole('table');
    await userEvent.setup().selectOptions(screen.getByLabelText('Sort by'), 'Next action due');
    const roles = within(screen.getByRole('table')).getAllByRole('row').slice(1).map((tr) => within(tr).getAllByRole('link')[0]!.textContent);
    expect(roles).toEqual(['Engineer', 'Analyst', 'Designer']);
  });

  it('loads again when the reminders change, so a card follows the plan', async () => {
    const events = new Map<string, () => void>();
    let rows = [row({ nextAction: null })];
    show('list', () => rows, events);
    expect(await screen.findByText('Nothing planned')).toBeInTheDocument();
    rows = [row({ nextAction: action() })];
    events.get('reminders.changed')!();
    await waitFor(() => expect(screen.getByRole('link', { name: 'Next: Thank Ivan Petrov for the Engineer interview' })).toBeInTheDocument());
  });
});
