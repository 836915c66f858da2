import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '#renderer/App';
import { setTransport } from '#renderer/api';
import { DEFAULT_SETTINGS } from '#shared/domain/settings';
import { ok } from '../fixtures';
import { agenda, agendaTransport, at, reminder } from './agenda-fixtures';

afterEach(() => {
  window.location.hash = '';
});

describe('Today as the home screen', () => {
  it('opens on Today, first in the sidebar, with the count of what is due now', async () => {
    const fake = agendaTransport(agenda({ overdue: [reminder({ key: 'a', title: 'One', deadlineAt: at(-1) })], today: [reminder({ key: 'b', title: 'Two' })], week: [reminder({ key: 'c', title: 'Three', dueAt: at(30) })] }));
    setTransport(fake.transport);
    window.location.hash = '';
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await within(nav).findByRole('link', { name: 'Today (2 due)' });
    const links = within(nav).getAllByRole('link');
    expect(links[0]).toHaveAccessibleName('Today (2 due)');
    expect(links[0]).toHaveAttribute('aria-current', 'page');
    expect(links.slice(-4).map((link) => link.textContent)).toEqual(['Settings', 'Backups', 'Import & export', 'How Afterview works']);
  });

  it('says the count is a floor when the list holds only the soonest of a longer backlog', async () => {
    const overdue = Array.from({ length: 50 }, (_, index) => reminder({ key: `r${index}`, title: `Item ${index}`, deadlineAt: at(-1) }));
    setTransport(agendaTransport(agenda({ overdue, more: 1_200 })).transport);
    window.location.hash = '';
    render(<App />);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(await within(nav).findByRole('link', { name: 'Today (more than 50 due)' })).toHaveTextContent('Today50+');
  });

  it('opens Settings from its address', async () => {
    setTransport(agendaTransport(agenda({}), { 'settings.get': () => ok(DEFAULT_SETTINGS) }).transport);
    window.location.hash = '#/settings';
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');
    // Nothing due: no badge.
    expect(screen.getByRole('link', { name: 'Today' })).toBeInTheDocument();
  });
});
