import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '#renderer/App';
import { setTransport } from '#renderer/api';
import { formatKeys } from '#renderer/features/shortcuts/keys';
import { fakeEvents, fakeTransport } from '../fake-transport';
import { ok } from '../fixtures';

function setup() {
  const events = fakeEvents();
  const fake = fakeTransport({
    'trash.list': () => ok([]),
    'openings.list': () => ok([]),
    'companies.list': () => ok([]),
    'contacts.list': () => ok([]),
    'backups.list': () => ok({ folder: '/tmp/backups', backups: [] }),
    'reminders.agenda': () => ok({ overdue: [], today: [], week: [], dueNow: 0 }),
  });
  setTransport({ ...fake.transport, on: events.on });
  window.location.hash = '#/trash';
  render(<App />);
  return { user: userEvent.setup(), emit: events.emit };
}

afterEach(() => {
  window.location.hash = '';
});

describe('keyboard shortcuts', () => {
  it('goes to the main screens with Ctrl+1…8 and Ctrl+, from anywhere', async () => {
    const { user } = setup();
    await screen.findByRole('heading', { level: 1, name: 'Trash' });
    await user.keyboard('{Control>}2{/Control}');
    await waitFor(() => expect(window.location.hash).toBe('#/pipeline'));
    await user.keyboard('{Control>}3{/Control}');
    await waitFor(() => expect(window.location.hash).toBe('#/contacts'));
    await user.keyboard('{Control>},{/Control}');
    await waitFor(() => expect(window.location.hash).toBe('#/settings'));
    await user.keyboard('{Control>}7{/Control}');
    await screen.findByRole('heading', { level: 1, name: 'Trash' });
  });

  it('opens the form for a new opening with Ctrl+N, from another screen or on the pipeline itself', async () => {
    const { user } = setup();
    await screen.findByRole('heading', { level: 1, name: 'Trash' });
    await user.keyboard('{Control>}n{/Control}');
    const form = await screen.findByRole('form', { name: 'Add an opening' });
    expect(within(form).getByRole('combobox', { name: /Company/ })).toHaveFocus();
    expect(window.location.hash).toBe('#/pipeline');
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Add an opening' })).toBeNull());
    await user.keyboard('{Control>}n{/Control}');
    expect(await screen.findByRole('form', { name: 'Add an opening' })).toBeInTheDocument();
  });

  it('lists the shortcuts on ?, closes the list with Escape and gives focus back', async () => {
    const { user } = setup();
    await screen.findByRole('heading', { level: 1, name: 'Trash' });
    const search = screen.getByRole('button', { name: /Search/ });
    search.focus();
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const goTo = within(dialog).getByRole('region', { name: 'Go to' });
    expect(within(goTo).getByText('References')).toBeInTheDocument();
    expect(within(goTo).getByText(formatKeys('Mod-5'))).toBeInTheDocument();
    const anywhere = within(dialog).getByRole('region', { name: 'Anywhere' });
    expect(within(anywhere).getByText('Add an opening').closest('.shortcut-row')).toHaveTextContent(formatKeys('Mod-N'));
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).not.toBeInTheDocument());
    expect(search).toHaveFocus();
  });

  it('types "?" into a text field instead of opening the list', async () => {
    const { user } = setup();
    await user.keyboard('{Control>}k{/Control}');
    const box = await screen.findByRole('combobox', { name: 'Search everything' });
    await user.type(box, 'why?');
    expect(box).toHaveValue('why?');
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).not.toBeInTheDocument();
  });

  it('opens search and the shortcuts list when the app menu asks', async () => {
    const { emit } = setup();
    await screen.findByRole('heading', { level: 1, name: 'Trash' });
    emit('app.command', { command: 'showShortcuts' });
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
    emit('app.command', { command: 'openSearch' });
    expect(await screen.findByRole('combobox', { name: 'Search everything' })).toHaveFocus();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).not.toBeInTheDocument());
    emit('app.command', { command: 'addOpening' });
    expect(await screen.findByRole('form', { name: 'Add an opening' })).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Search everything' })).toBeNull();
  });
});
