import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { setTransport } from '#renderer/api';
import { OpeningPage } from '#renderer/features/opening/OpeningPage';
import type { OpeningDetail } from '#shared/ipc/channels/openings';
import { fakeTransport } from './fake-transport';
import { ID, interview, ok, opening, renderWithToasts } from './fixtures';

afterEach(() => {
  window.location.hash = '';
});

/** Logs an interview through the opening page's form, as a user types it, and answers what the page sent. */
async function logInterview(date: string, start: string, end: string, zone: string) {
  const data: OpeningDetail = { opening: opening(), interviews: [], contacts: [], notes: [], posting: null };
  const fake = fakeTransport({ 'openings.get': () => ok(data), 'interviews.create': ((input: object) => ok({ ...interview(), ...input })) as never });
  setTransport(fake.transport);
  renderWithToasts(<OpeningPage id={ID.opening} />);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Log interview' }));
  const form = screen.getByRole('form', { name: 'Log an interview' });
  fireEvent.change(within(form).getByLabelText('Date'), { target: { value: date } });
  fireEvent.change(within(form).getByLabelText('Starts at'), { target: { value: start } });
  fireEvent.change(within(form).getByLabelText('Ends at'), { target: { value: end } });
  await user.selectOptions(within(form).getByLabelText('Time zone'), zone);
  await user.click(within(form).getByRole('button', { name: 'Log interview' }));
  const sent = fake.invoke.mock.calls.find(([channel]) => channel === 'interviews.create')?.[1] as { startsAt: string; endsAt: string };
  return sent;
}

describe('Interview times on the days the clocks change', { timeout: 15_000 }, () => {
  it('reads a time the clock skips as the hour after, never the hour before (New York, 8 March 2026)', async () => {
    // 02:00 to 03:00 does not exist that night: 02:30 is 03:30 EDT, 07:30 UTC.
    const sent = await logInterview('2026-03-08', '02:30', '04:00', 'America/New_York');
    expect(sent).toMatchObject({ startsAt: '2026-03-08T07:30:00.000Z', endsAt: '2026-03-08T08:00:00.000Z' });
  });

  it('reads a time the clock shows twice as the first (Auckland, 5 April 2026)', async () => {
    const sent = await logInterview('2026-04-05', '02:30', '03:15', 'Pacific/Auckland');
    // 02:30 NZDT is 13:30 UTC the day before; 03:15 comes after the change, NZST.
    expect(sent).toMatchObject({ startsAt: '2026-04-04T13:30:00.000Z', endsAt: '2026-04-04T15:15:00.000Z' });
  });
});
