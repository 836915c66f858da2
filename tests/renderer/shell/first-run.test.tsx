import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '#renderer/App';
import { setTransport } from '#renderer/api';
import { fakeTransport } from '../fake-transport';
import { ok } from '../fixtures';

const EMPTY_AGENDA = { overdue: [], today: [], week: [], dueNow: 0 };

function setup() {
  let sampleRows = 0;
  const fake = fakeTransport({
    'reminders.agenda': () => ok(EMPTY_AGENDA),
    'openings.list': () => ok([]),
    'companies.list': () => ok([]),
    'sample.get': () => ok({ rows: sampleRows }),
    'sample.load': () => ok({ rows: (sampleRows = 42) }),
    'sample.remove': () => {
      sampleRows = 0;
      return ok({ removed: 42, kept: 0 });
    },
  });
  setTransport(fake.transport);
  window.location.hash = '#/today';
  render(<App />);
  return { ...fake, user: userEvent.setup() };
}

afterEach(() => {
  window.location.hash = '';
});

describe('first run', () => {
  it('shows the three first steps on an empty Today, and the button to add an opening opens the form on the pipeline', async () => {
    const { user } = setup();
    expect(await screen.findByRole('heading', { name: 'Welcome to Afterview' })).toBeInTheDocument();
    expect(screen.getAllByRole('listitem').map((item) => item.querySelector('h3')?.textContent)).toEqual(
      expect.arrayContaining(['Add an opening', 'Log each interview', 'Follow the reminders']),
    );
    await user.click(screen.getByRole('button', { name: 'Add your first opening' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Pipeline' })).toBeInTheDocument();
    expect(await screen.findByLabelText('Company')).toBeInTheDocument();
    // The address no longer asks for the form, so a reload does not open it again.
    expect(window.location.hash).toBe('#/pipeline');
  });

  it('loads the sample on request, marks it with a banner, and removes it after a confirmation', async () => {
    const { user, invoke } = setup();
    await user.click(await screen.findByRole('button', { name: 'Explore with sample data' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('sample.load', { timeZone: expect.any(String) }));
    const banner = await screen.findByRole('complementary', { name: 'Sample data' });
    expect(banner).toHaveTextContent('made-up job search');

    await user.click(within(banner).getByRole('button', { name: 'Remove sample data' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove the sample data?' });
    expect(dialog).toHaveTextContent('Everything you added or changed yourself stays');
    // Cancel first: nothing is removed.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(invoke).not.toHaveBeenCalledWith('sample.remove', undefined);
    expect(within(banner).getByRole('button', { name: 'Remove sample data' })).toHaveFocus();

    await user.click(within(banner).getByRole('button', { name: 'Remove sample data' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Remove the sample data?' })).getByRole('button', { name: 'Remove sample data' }));
    await waitFor(() => expect(screen.queryByRole('complementary', { name: 'Sample data' })).not.toBeInTheDocument());
    expect(await screen.findByText('Sample data removed.')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Explore with sample data' })).toBeInTheDocument();
  });
});
