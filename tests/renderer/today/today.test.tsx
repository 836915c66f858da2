import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setTransport } from '#renderer/api';
import { TodayPage } from '#renderer/features/today/TodayPage';
import type { Agenda, ReminderView } from '#shared/domain/reminder';
import { DEFAULT_SETTINGS } from '#shared/domain/settings';
import { ID, ok, renderWithToasts } from '../fixtures';
import { agenda, agendaTransport, at, reminder, without } from './agenda-fixtures';

const thankYou = reminder();
const debrief = reminder({ key: 'debrief:1', kind: 'debrief', title: 'Debrief round 1 at Acme', detail: 'While it is fresh', dueAt: at(-30), deadlineAt: at(-3), target: { kind: 'interview', id: ID.interview }, channel: null });
const followUp = reminder({ key: 'follow_up:1', kind: 'follow_up', title: 'Follow up with Dana', detail: 'No answer since Monday', dueAt: at(-1), deadlineAt: null, target: { kind: 'contact', id: ID.contact }, channel: 'phone' });
const moveOn = reminder({ key: 'move_on:1', kind: 'move_on', title: 'Move on from Acme?', detail: '14 days of silence', dueAt: at(50), deadlineAt: null, target: { kind: 'opening', id: ID.opening2 }, channel: null });
const brief = reminder({ key: 'reference_brief:1', kind: 'reference_brief', title: 'Brief Sam before the call', detail: '', dueAt: at(72), deadlineAt: null, target: { kind: 'reference', id: 'ref-1' }, openingId: ID.opening, channel: null });

const full = agenda({ overdue: [debrief], today: [thankYou, followUp], week: [moveOn, brief] });

function setup(initial: Agenda = full, replies: Parameters<typeof agendaTransport>[1] = {}, settings = DEFAULT_SETTINGS) {
  const fake = agendaTransport(initial, replies);
  setTransport(fake.transport);
  renderWithToasts(<TodayPage />, settings);
  return { ...fake, user: userEvent.setup() };
}

/** The list item of a reminder, found by its title. */
const itemOf = (title: string) => screen.getByRole('heading', { level: 3, name: title }).closest('li')!;

function reply(item: ReminderView, changes: Partial<ReminderView> = {}) {
  return () => ok({ ...item, ...changes });
}

describe('Today', () => {
  it('shows the groups and items in the order the agenda gives them', async () => {
    setup();
    await screen.findByRole('heading', { level: 3, name: 'Thank Dana Reyes' });
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent?.replace(/\s*\d+$/, ''))).toEqual(['Overdue', 'Today', 'This week']);
    expect(screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual([
      'Debrief round 1 at Acme',
      'Thank Dana Reyes',
      'Follow up with Dana',
      'Move on from Acme?',
      'Brief Sam before the call',
    ]);
    const today = screen.getByRole('region', { name: /^Today \d/ });
    expect(within(today).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText(/1 overdue · 2 for today · 2 things later this week/)).toBeInTheDocument();
  });

  it('says what kind each item is, when it is due and on which channel', async () => {
    setup();
    const note = await waitFor(() => itemOf('Thank Dana Reyes'));
    expect(note).toHaveTextContent('Thank-you note');
    expect(note).toHaveTextContent('Engineer at Acme · round 1');
    expect(note).toHaveTextContent(/Due in 2\d h/);
    expect(note).toHaveTextContent('Suggested channel: E-mail');
    expect(itemOf('Debrief round 1 at Acme')).toHaveTextContent(/Overdue by 3 h/);
    expect(itemOf('Follow up with Dana')).toHaveTextContent('Suggested channel: Phone');
    expect(itemOf('Move on from Acme?')).toHaveTextContent('Move on?');
    expect(itemOf('Brief Sam before the call')).toHaveTextContent('Reference brief');
  });

  it('links the main action to the place where it is done', async () => {
    setup();
    await screen.findByRole('heading', { level: 3, name: 'Thank Dana Reyes' });
    expect(screen.getByRole('link', { name: 'Write the note: Thank Dana Reyes' })).toHaveAttribute('href', `#/letters/${ID.note}`);
    expect(screen.getByRole('link', { name: 'Fill in the debrief: Debrief round 1 at Acme' })).toHaveAttribute('href', `#/interviews/${ID.interview}`);
    expect(screen.getByRole('link', { name: 'Log the follow-up: Follow up with Dana' })).toHaveAttribute('href', `#/contacts/${ID.contact}`);
    // The move-on suggestion opens its opening with the offer to let it rest.
    expect(screen.getByRole('link', { name: 'Open: Move on from Acme?' })).toHaveAttribute('href', `#/openings/${ID.opening2}?suggest=move_on`);
    // A reference's reminder opens its brief for the opening.
    expect(screen.getByRole('link', { name: 'Open: Brief Sam before the call' })).toHaveAttribute('href', `#/references/ref-1/briefs/${ID.opening}`);
  });

  it('marks a silent opening dormant in one click from the move-on suggestion, through the outcome step, and says what it brings', async () => {
    const settings = { ...DEFAULT_SETTINGS, playbook: { ...DEFAULT_SETTINGS.playbook, revisitAfterMonths: 4 } };
    const fake = setup(full, { 'openings.recordOutcome': () => ({ ok: true, value: { opening: {}, letterId: null } }) }, settings);
    await fake.user.click(await screen.findByRole('button', { name: 'Mark dormant: Move on from Acme?' }));
    expect(fake.invoke).toHaveBeenCalledWith('openings.recordOutcome', { openingId: ID.opening2, outcome: 'dormant' });
    expect(fake.invoke).not.toHaveBeenCalledWith('openings.update', expect.anything());
    expect(await screen.findByText(/Marked dormant\..*a reminder to look back comes in 4 months/)).toBeInTheDocument();
  });

  it('snoozes with a preset from the menu', async () => {
    const fake = setup(full, {
      'reminders.snooze': () => {
        fake.setAgenda(without(full, thankYou.key));
        return reply(thankYou, { snoozedUntil: at(1) })();
      },
    });
    await fake.user.click(await screen.findByRole('button', { name: 'Snooze: Thank Dana Reyes' }));
    const menu = screen.getByRole('menu', { name: 'Snooze: Thank Dana Reyes' });
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['15 minutes', '1 hour', 'Tomorrow morning', 'Pick a time…']);
    await fake.user.click(within(menu).getByRole('menuitem', { name: '1 hour' }));
    expect(fake.invoke).toHaveBeenCalledWith('reminders.snooze', { key: thankYou.key, choice: '1h' });
    expect(await screen.findByText(/^Snoozed until /)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Thank Dana Reyes' })).not.toBeInTheDocument());
  });

  it('opens the snooze menu from the keyboard and closes it with Escape', async () => {
    const { user } = setup();
    const button = await screen.findByRole('button', { name: 'Snooze: Follow up with Dana' });
    button.focus();
    await user.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('menuitem', { name: '15 minutes' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: '1 hour' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    await user.keyboard(' ');
    expect(screen.getByRole('menu')).toBeInTheDocument();
  });

  it('refuses a custom snooze time in the past, and sends a future one', async () => {
    const fake = setup(full, { 'reminders.snooze': reply(followUp, { snoozedUntil: at(5) }) });
    await fake.user.click(await screen.findByRole('button', { name: 'Snooze: Follow up with Dana' }));
    await fake.user.click(screen.getByRole('menuitem', { name: 'Pick a time…' }));
    const form = screen.getByRole('form', { name: /Snooze until a time you choose: Follow up with Dana/ });
    const input = within(form).getByLabelText('Remind me again on');
    expect(input).toHaveFocus();

    fireEvent.change(input, { target: { value: '2020-01-01T09:00' } });
    await fake.user.click(within(form).getByRole('button', { name: 'Snooze' }));
    expect(within(form).getByText(/That time has already passed/)).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(fake.invoke).not.toHaveBeenCalledWith('reminders.snooze', expect.anything());

    const future = new Date(Date.now() + 3 * 86_400_000);
    future.setHours(10, 30, 0, 0);
    const pad = (value: number) => String(value).padStart(2, '0');
    fireEvent.change(input, { target: { value: `${future.getFullYear()}-${pad(future.getMonth() + 1)}-${pad(future.getDate())}T10:30` } });
    await fake.user.click(within(form).getByRole('button', { name: 'Snooze' }));
    expect(fake.invoke).toHaveBeenCalledWith('reminders.snooze', { key: followUp.key, until: future.toISOString() });
  });

  it('closes the custom time form with Escape, back on the Snooze button', async () => {
    const { user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Snooze: Follow up with Dana' }));
    await user.click(screen.getByRole('menuitem', { name: 'Pick a time…' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Snooze: Follow up with Dana' })).toHaveFocus();
  });

  it('marks an item done, takes it off the list, and Undo brings it back', async () => {
    const fake = setup(full, {
      'reminders.done': () => {
        fake.setAgenda(without(full, thankYou.key));
        return reply(thankYou, { status: 'done' })();
      },
      'reminders.reopen': () => {
        fake.setAgenda(full);
        return reply(thankYou)();
      },
    });
    const done = await screen.findByRole('button', { name: 'Done: Thank Dana Reyes' });
    done.focus();
    await fake.user.keyboard('{Enter}');
    expect(fake.invoke).toHaveBeenCalledWith('reminders.done', { key: thankYou.key });
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Thank Dana Reyes' })).not.toBeInTheDocument());
    // Focus stays in the list, on the item that took its place.
    expect(screen.getByRole('link', { name: 'Log the follow-up: Follow up with Dana' })).toHaveFocus();

    expect(await screen.findByText('Done: “Thank Dana Reyes”.')).toBeInTheDocument();
    await fake.user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(fake.invoke).toHaveBeenCalledWith('reminders.reopen', { key: thankYou.key });
    expect(await screen.findByRole('heading', { level: 3, name: 'Thank Dana Reyes' })).toBeInTheDocument();
  });

  it('dismisses an item with an Undo as well', async () => {
    const fake = setup(full, {
      'reminders.dismiss': () => {
        fake.setAgenda(without(full, moveOn.key));
        return reply(moveOn, { status: 'dismissed' })();
      },
      'reminders.reopen': reply(moveOn),
    });
    await fake.user.click(await screen.findByRole('button', { name: 'Dismiss: Move on from Acme?' }));
    expect(fake.invoke).toHaveBeenCalledWith('reminders.dismiss', { key: moveOn.key });
    expect(await screen.findByText('Dismissed “Move on from Acme?”.')).toBeInTheDocument();
    await fake.user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(fake.invoke).toHaveBeenCalledWith('reminders.reopen', { key: moveOn.key });
  });

  it('keeps an item and explains when the core refuses', async () => {
    const { user } = setup(full, { 'reminders.done': () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'That reminder no longer exists.' } }) });
    await user.click(await screen.findByRole('button', { name: 'Done: Thank Dana Reyes' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('“Thank Dana Reyes” could not be marked done: That reminder no longer exists.');
    expect(screen.getByRole('heading', { level: 3, name: 'Thank Dana Reyes' })).toBeInTheDocument();
  });

  it('moves between items with the arrow keys', async () => {
    const { user } = setup();
    const first = await screen.findByRole('link', { name: 'Fill in the debrief: Debrief round 1 at Acme' });
    first.focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('link', { name: 'Write the note: Thank Dana Reyes' })).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(screen.getByRole('link', { name: 'Open: Move on from Acme?' })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('link', { name: 'Log the follow-up: Follow up with Dana' })).toHaveFocus();
  });

  it('teaches what it will remind about when nothing is due', async () => {
    const settings = { ...DEFAULT_SETTINGS, playbook: { ...DEFAULT_SETTINGS.playbook, thankYouDeadlineHours: 12 } };
    setup(agenda({}), { 'openings.list': () => ok([{ id: ID.opening }]) }, settings);
    expect(await screen.findByRole('heading', { name: 'Nothing is due' })).toBeInTheDocument();
    // The saved window, not the default day.
    expect(screen.getByText(/thank each interviewer within 12 hours/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the pipeline' })).toHaveAttribute('href', '#/pipeline');
  });

  it('says all is clear for today when only later things remain', async () => {
    setup(agenda({ week: [moveOn, brief] }));
    expect(await screen.findByText(/All clear for today — 2 things later this week\./)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: /This week/ })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Nothing is due' })).not.toBeInTheDocument();
  });

  it('says how many more items wait beyond the listed ones', async () => {
    setup(agenda({ overdue: [debrief], today: [thankYou], more: 12 }));
    expect(await screen.findByText(/12 more items are waiting and not listed yet/)).toBeInTheDocument();
    expect(screen.getByText(/1 overdue · 1 for today · 12 more/)).toBeInTheDocument();
  });

  it('reloads when the core says reminders changed, and when the window regains focus', async () => {
    const fake = setup(agenda({}));
    await screen.findByRole('heading', { name: 'Nothing is due' });
    fake.setAgenda(agenda({ today: [thankYou] }));
    act(() => fake.emit('reminders.changed'));
    expect(await screen.findByRole('heading', { level: 3, name: 'Thank Dana Reyes' })).toBeInTheDocument();

    fake.setAgenda(agenda({}));
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    expect(await screen.findByRole('heading', { name: 'Nothing is due' })).toBeInTheDocument();
  });

  it('says so when the agenda cannot be loaded, and tries again on request', async () => {
    let fail = true;
    const fake = agendaTransport(agenda({}));
    fake.invoke.mockImplementation(async () => (fail ? { ok: false, error: { code: 'VAULT_UNAVAILABLE', message: 'The vault is closed.' } } : ok(agenda({}))));
    setTransport(fake.transport);
    renderWithToasts(<TodayPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('What is due could not be loaded: The vault is closed.');
    fail = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Nothing is due' })).toBeInTheDocument();
  });
});
