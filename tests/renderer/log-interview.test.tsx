import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { setTransport } from '#renderer/api';
import { OpeningPage } from '#renderer/features/opening/OpeningPage';
import type { OpeningDetail } from '#shared/ipc/channels/openings';
import { fakeTransport } from './fake-transport';
import { contact, fail, ID, interview, ok, opening, renderWithToasts } from './fixtures';

const NEW_INTERVIEW = '88888888-8888-4888-8888-888888888888';

function setup(create: (input: unknown) => unknown = (input) => ok({ ...interview(), ...(input as object), id: NEW_INTERVIEW })) {
  const data: OpeningDetail = {
    opening: opening(),
    interviews: [interview({ round: 1 })],
    contacts: [contact(), contact({ id: ID.contact2, name: 'Sam Lee', title: 'Staff Engineer' })],
    notes: [],
    posting: null,
  };
  const fake = fakeTransport({ 'openings.get': () => ok(data), 'interviews.create': create as never });
  setTransport(fake.transport);
  renderWithToasts(<OpeningPage id={ID.opening} />);
  return { ...fake, user: userEvent.setup() };
}

async function openForm(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Log interview' }));
  return screen.getByRole('form', { name: 'Log an interview' });
}

function setWhen(form: HTMLElement, date: string, start: string, end: string) {
  fireEvent.change(within(form).getByLabelText('Date'), { target: { value: date } });
  fireEvent.change(within(form).getByLabelText('Starts at'), { target: { value: start } });
  fireEvent.change(within(form).getByLabelText('Ends at'), { target: { value: end } });
}

afterEach(() => {
  window.location.hash = '';
});

describe('Logging an interview', { timeout: 15_000 }, () => {
  it('sends the local time as UTC instants with the chosen zone, the team, and opens the new interview', async () => {
    const { user, invoke } = setup();
    const form = await openForm(user);
    expect(within(form).getByLabelText('Round')).toHaveValue(2);

    setWhen(form, '2026-03-10', '14:00', '15:30');
    await user.selectOptions(within(form).getByLabelText('Time zone'), 'Europe/Berlin');
    await user.type(within(form).getByLabelText('Title (optional)'), 'System design');
    await user.selectOptions(within(form).getByLabelText('Format'), 'On-site');
    await user.type(within(form).getByLabelText('Place (optional)'), 'Acme HQ, 3rd floor');

    const team = within(form).getByRole('group', { name: 'Interview team' });
    await user.click(within(team).getByRole('checkbox', { name: /Sam Lee/ }));
    await user.click(within(team).getByRole('button', { name: 'Add someone new' }));
    const person = within(team).getByRole('group', { name: 'New person 1' });
    expect(within(person).getByLabelText('Name')).toHaveFocus();
    await user.type(within(person).getByLabelText('Name'), 'Priya Natarajan');
    await user.type(within(person).getByLabelText('Title (optional)'), 'VP Engineering');
    await user.type(within(person).getByLabelText('E-mail (optional)'), 'priya@acme.example');

    await user.click(within(form).getByRole('button', { name: 'Log interview' }));
    expect(invoke).toHaveBeenCalledWith('interviews.create', {
      openingId: ID.opening,
      round: 2,
      title: 'System design',
      startsAt: '2026-03-10T13:00:00.000Z',
      endsAt: '2026-03-10T14:30:00.000Z',
      timeZone: 'Europe/Berlin',
      format: 'onsite',
      location: 'Acme HQ, 3rd floor',
      meetingUrl: '',
      team: [{ contactId: ID.contact2 }, { name: 'Priya Natarajan', title: 'VP Engineering', email: 'priya@acme.example' }],
    });
    expect(window.location.hash).toBe(`#/interviews/${NEW_INTERVIEW}`);
  });

  it('reads the times in the user’s own zone by default, across midnight too', async () => {
    const { user, invoke } = setup();
    const form = await openForm(user);
    expect(within(form).getByLabelText('Time zone')).toHaveValue(Intl.DateTimeFormat().resolvedOptions().timeZone);
    setWhen(form, '2026-07-01', '23:30', '00:15');
    await user.click(within(form).getByRole('button', { name: 'Log interview' }));
    expect(invoke).toHaveBeenCalledWith(
      'interviews.create',
      expect.objectContaining({
        startsAt: new Date(2026, 6, 1, 23, 30).toISOString(),
        endsAt: new Date(2026, 6, 2, 0, 15).toISOString(),
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        team: [],
      }),
    );
  });

  it('suggests an end an hour after the start', async () => {
    const { user } = setup();
    const form = await openForm(user);
    fireEvent.change(within(form).getByLabelText('Starts at'), { target: { value: '09:30' } });
    expect(within(form).getByLabelText('Ends at')).toHaveValue('10:30');
  });

  it('explains what is missing or wrong next to each field, and sends nothing', async () => {
    const { user, invoke } = setup();
    const form = await openForm(user);
    await user.type(within(form).getByLabelText('Meeting link (optional)'), 'zoom.example/123');
    await user.click(within(form).getByRole('button', { name: 'Add someone new' }));
    const person = within(form).getByRole('group', { name: 'New person 1' });
    await user.type(within(person).getByLabelText('E-mail (optional)'), 'not-an-address');
    await user.click(within(form).getByRole('button', { name: 'Log interview' }));

    expect(within(form).getByLabelText('Starts at')).toHaveAccessibleDescription('Start time is required.');
    expect(within(form).getByLabelText('Ends at')).toHaveAccessibleDescription('End time is required.');
    expect(within(form).getByLabelText('Meeting link (optional)')).toHaveAccessibleDescription(/must be a web address/);
    expect(within(person).getByLabelText('Name')).toHaveAccessibleDescription('Interviewer name is required.');
    expect(within(person).getByLabelText('E-mail (optional)')).toHaveAccessibleDescription('E-mail must look like name@example.com.');
    expect(invoke).not.toHaveBeenCalledWith('interviews.create', expect.anything());

    setWhen(form, '2026-03-10', '14:00', '14:00');
    await user.click(within(form).getByRole('button', { name: 'Log interview' }));
    expect(within(form).getByLabelText('Ends at')).toHaveAccessibleDescription(/must end after it starts/);
  });

  it('shows the core’s refusal on the field it names, and Escape closes the form', async () => {
    const { user } = setup(() => fail('INVALID_INPUT', 'Time zone is not a known time zone (e.g. Europe/Berlin).', 'timeZone'));
    const form = await openForm(user);
    setWhen(form, '2026-03-10', '14:00', '15:00');
    await user.click(within(form).getByRole('button', { name: 'Log interview' }));
    expect(await within(form).findByText('Time zone is not a known time zone (e.g. Europe/Berlin).')).toBeInTheDocument();
    expect(window.location.hash).toBe('');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form', { name: 'Log an interview' })).not.toBeInTheDocument();
  });
});
