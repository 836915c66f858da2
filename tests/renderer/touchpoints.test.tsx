import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { setTransport } from '#renderer/api';
import { OpeningPage } from '#renderer/features/opening/OpeningPage';
import { parseRoute, hrefFor } from '#renderer/router';
import type { TouchpointView } from '#shared/domain/touchpoint';
import type { OpeningDetail } from '#shared/ipc/channels/openings';
import { fakeTransport } from './fake-transport';
import { contact, ID, ok, opening, renderWithToasts } from './fixtures';

const detail: OpeningDetail = {
  opening: opening({ stage: 'interviewing', followUpChannel: 'phone' }),
  interviews: [],
  contacts: [contact({ preferredChannel: 'linkedin' })],
  notes: [],
  posting: null,
};

const logged: TouchpointView = {
  id: '11111111-1111-4111-8111-111111111111',
  openingId: ID.opening,
  contactId: null,
  contactName: null,
  openingName: 'Engineer at Acme',
  channel: 'phone',
  direction: 'outbound',
  kind: 'follow_up',
  occurredAt: '2026-03-02T09:00:00.000Z',
  summary: 'Asked about timing',
  letterId: null,
  createdAt: '2026-03-02T09:00:00.000Z',
};

function setup(warnings: unknown[], intent?: 'log_follow_up') {
  let list: TouchpointView[] = [];
  const fake = fakeTransport({
    'openings.get': () => ok(detail),
    'touchpoints.list': () => ok(list),
    'touchpoints.check': () => ok({ warnings }),
    'touchpoints.log': () => {
      list = [logged];
      return ok(logged);
    },
  });
  setTransport(fake.transport);
  renderWithToasts(<OpeningPage id={ID.opening} intent={intent} />);
  return { ...fake, user: userEvent.setup() };
}

const channelsOf = (invoke: { mock: { calls: unknown[][] } }) => invoke.mock.calls.map(([channel]) => channel);

afterEach(() => {
  window.location.hash = '';
});

describe('Log a touchpoint', () => {
  it('shows the guard before an outbound touch, and "Log anyway" logs it', async () => {
    const { user, invoke } = setup([{ code: 'cooldown', message: 'You last reached out 2 days ago.', reasonableFrom: '2026-03-15T09:00:00.000Z' }]);
    await user.click(await screen.findByRole('button', { name: 'Log a touchpoint' }));
    const dialog = screen.getByRole('dialog', { name: 'Log a touchpoint' });
    // The opening's follow-up channel, as nobody in particular is chosen.
    expect(within(dialog).getByLabelText('Channel')).toHaveDisplayValue('Phone');
    await user.type(within(dialog).getByLabelText('Summary'), 'Asked about timing');
    await user.click(within(dialog).getByRole('button', { name: 'Log touchpoint' }));

    const guard = await within(dialog).findByRole('alert', { name: 'Before you reach out' });
    expect(guard).toHaveTextContent(/2 days ago.*Reasonable again from/);
    expect(channelsOf(invoke)).not.toContain('touchpoints.log');

    await user.click(within(dialog).getByRole('button', { name: 'Log anyway' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(channelsOf(invoke)).toContain('touchpoints.log');
    const input = invoke.mock.calls.find(([channel]) => channel === 'touchpoints.log')![1];
    expect(input).toMatchObject({ openingId: ID.opening, channel: 'phone', direction: 'outbound', kind: 'follow_up', summary: 'Asked about timing' });
    const timeline = screen.getByRole('region', { name: 'Timeline' });
    expect(await within(timeline).findByText('Follow-up')).toBeInTheDocument();
  });

  it('logs at once when the guard has nothing to say, and Cancel logs nothing', async () => {
    const { user, invoke } = setup([], 'log_follow_up');
    // Opened from Today: the dialog is already there, on a follow-up.
    const dialog = await screen.findByRole('dialog', { name: 'Log a touchpoint' });
    expect(within(dialog).getByLabelText('What it was')).toHaveDisplayValue('Follow-up');
    await user.selectOptions(within(dialog).getByLabelText('With'), 'Dana Reyes');
    expect(within(dialog).getByLabelText('Channel')).toHaveDisplayValue('LinkedIn');
    await user.click(within(dialog).getByRole('button', { name: 'Log touchpoint' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(channelsOf(invoke).filter((channel) => channel === 'touchpoints.log')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Log a touchpoint' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(channelsOf(invoke).filter((channel) => channel === 'touchpoints.log')).toHaveLength(1);
  });

  it('does not ask the guard about what they sent you', async () => {
    const { user, invoke } = setup([{ code: 'cooldown', message: 'Too soon.', reasonableFrom: null }]);
    await user.click(await screen.findByRole('button', { name: 'Log a touchpoint' }));
    const dialog = screen.getByRole('dialog');
    await user.selectOptions(within(dialog).getByLabelText('Direction'), 'inbound');
    await user.click(within(dialog).getByRole('button', { name: 'Log touchpoint' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(channelsOf(invoke)).not.toContain('touchpoints.check');
  });
});

describe('opening intents in the address', () => {
  it('reads and writes the follow-up and move-on intents, and ignores anything else', () => {
    expect(parseRoute(`#/openings/${ID.opening}?log=follow_up`)).toEqual({ name: 'opening', id: ID.opening, intent: 'log_follow_up' });
    expect(parseRoute(`#/openings/${ID.opening}?suggest=move_on`)).toEqual({ name: 'opening', id: ID.opening, intent: 'move_on' });
    expect(parseRoute(`#/openings/${ID.opening}?constructor`)).toEqual({ name: 'opening', id: ID.opening });
    expect(hrefFor({ name: 'opening', id: ID.opening, intent: 'log_follow_up' })).toBe(`#/openings/${ID.opening}?log=follow_up`);
  });
});
