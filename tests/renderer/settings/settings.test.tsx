import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setTransport } from '#renderer/api';
import { SettingsPage } from '#renderer/features/settings/SettingsPage';
import { DEFAULT_PLAYBOOK } from '#shared/domain/playbook';
import { DEFAULT_SETTINGS, type Settings } from '#shared/domain/settings';
import { fakeTransport } from '../fake-transport';
import { fail, ok, renderWithToasts } from '../fixtures';

const stored: Settings = {
  ...DEFAULT_SETTINGS,
  profile: { name: 'Alex Morgan', address: '1 Main Street\nSpringfield' },
  playbook: { ...DEFAULT_PLAYBOOK, thankYouDeadlineHours: 36, followUpCooldownDays: 4 },
  quietHours: { enabled: true, start: '22:00', end: '07:30' },
};

function setup(save: (input: unknown) => ReturnType<typeof ok> | ReturnType<typeof fail> = (input) => ok(input)) {
  const fake = fakeTransport({ 'settings.get': () => ok(stored), 'settings.save': save });
  setTransport(fake.transport);
  renderWithToasts(<SettingsPage />);
  return { ...fake, user: userEvent.setup() };
}

const savedWith = (invoke: ReturnType<typeof setup>['invoke']) => invoke.mock.calls.filter(([channel]) => channel === 'settings.save').map(([, input]) => input as Settings);

describe('Settings', () => {
  it('loads every section with its values, labels and defaults', async () => {
    setup();
    expect(await screen.findByLabelText('Your name')).toHaveValue('Alex Morgan');
    expect(screen.getByLabelText('Postal address')).toHaveValue('1 Main Street\nSpringfield');
    for (const name of ['Profile', 'Playbook timings', 'Quiet hours', 'Notifications and startup']) expect(screen.getByRole('region', { name })).toBeInTheDocument();

    const deadline = screen.getByLabelText('Thank-you deadline');
    expect(deadline).toHaveValue(36);
    expect(deadline).toHaveAccessibleDescription(/hours.*Default: 24 hours\./);
    expect(screen.getByLabelText('Wait between follow-ups')).toHaveValue(4);
    expect(screen.getByLabelText('Look back at a quiet opening after')).toHaveAccessibleDescription(/months.*Default: 6 months\./);
    expect(screen.getByLabelText('Hold LinkedIn invitations until the process is over')).toBeChecked();
    expect(screen.getByLabelText('Morning reminders at')).toHaveValue('09:00');

    expect(screen.getByLabelText('Keep notifications quiet at night')).toBeChecked();
    expect(screen.getByLabelText('Quiet from')).toHaveValue('22:00');
    expect(screen.getByLabelText('Quiet until')).toHaveValue('07:30');
    expect(screen.getByLabelText('Show desktop notifications')).toBeChecked();
    const login = screen.getByLabelText('Start Afterview when I log in');
    expect(login).not.toBeChecked();
    expect(login).toHaveAccessibleDescription(/starts quietly in the tray/);
    expect(screen.getByLabelText('Keep running in the tray when I close the window')).toBeChecked();
    expect(screen.getByText('All changes saved')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save settings' })).toBeDisabled();
  });

  it('refuses a timing outside its bounds, by the field, and saves nothing', async () => {
    const { user, invoke } = setup();
    const deadline = await screen.findByLabelText('Thank-you deadline');
    await user.clear(deadline);
    await user.type(deadline, '0');
    await user.tab();
    expect(deadline).toHaveAttribute('aria-invalid', 'true');
    expect(deadline).toHaveAccessibleDescription(/Choose from 1 to 168 hours\./);

    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(savedWith(invoke)).toEqual([]);
    expect(deadline).toHaveFocus();

    const times = screen.getByLabelText('Stay-in-touch reminders');
    await user.clear(times);
    await user.type(times, '2.5');
    await user.tab();
    expect(times).toHaveAccessibleDescription(/Use a whole number of times\./);
  });

  it('keeps the thank-you reminders before the deadline', async () => {
    const { user, invoke } = setup();
    const warning = await screen.findByLabelText('Thank-you warning');
    await user.clear(warning);
    await user.type(warning, '40');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(warning).toHaveAccessibleDescription(/The warning should come before the deadline \(36 hours\)\./);
    expect(savedWith(invoke)).toEqual([]);
  });

  it('shows unsaved changes and saves the whole settings object', async () => {
    const { user, invoke } = setup();
    const name = await screen.findByLabelText('Your name');
    await user.clear(name);
    await user.type(name, 'Alex M. Morgan');
    await user.click(screen.getByLabelText('Start Afterview when I log in'));
    const cooldown = screen.getByLabelText('Wait between follow-ups');
    await user.clear(cooldown);
    await user.type(cooldown, '6');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(savedWith(invoke)).toEqual([
      {
        ...stored,
        profile: { ...stored.profile, name: 'Alex M. Morgan' },
        playbook: { ...stored.playbook, followUpCooldownDays: 6 },
        launchAtLogin: true,
      },
    ]);
    expect(await screen.findByText('All changes saved')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Notifications' })).getByText('Settings saved.')).toBeInTheDocument();
  });

  it('restores the default timings, to be saved like any change', async () => {
    const { user, invoke } = setup();
    await user.click(await screen.findByRole('button', { name: 'Restore defaults' }));
    expect(screen.getByLabelText('Thank-you deadline')).toHaveValue(24);
    expect(screen.getByLabelText('Wait between follow-ups')).toHaveValue(5);
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    // The profile and the rest stay as they were.
    expect(screen.getByLabelText('Your name')).toHaveValue('Alex Morgan');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(savedWith(invoke)).toEqual([{ ...stored, playbook: DEFAULT_PLAYBOOK }]);
  });

  it('discards changes back to what is saved', async () => {
    const { user } = setup();
    const name = await screen.findByLabelText('Your name');
    await user.type(name, 'x');
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(name).toHaveValue('Alex Morgan');
    expect(screen.getByText('All changes saved')).toBeInTheDocument();
  });

  it('shows an error from the core on the field it names', async () => {
    const { user } = setup(() => fail('INVALID_INPUT', 'Time must be HH:MM, e.g. 21:30.', 'quietHours.start'));
    await user.click(await screen.findByLabelText('Show desktop notifications'));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    const start = screen.getByLabelText('Quiet from');
    await waitFor(() => expect(start).toHaveAttribute('aria-invalid', 'true'));
    expect(start).toHaveAccessibleDescription('Time must be HH:MM, e.g. 21:30.');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
  });

  it('shows other errors from the core for the whole form', async () => {
    const { user } = setup(() => fail('INTERNAL', 'The vault is read-only.'));
    await user.click(await screen.findByLabelText('Show desktop notifications'));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The settings could not be saved: The vault is read-only.');
  });
});
