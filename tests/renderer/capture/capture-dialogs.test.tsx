import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { setTransport } from '#renderer/api';
import { CaptureDialogs } from '#renderer/features/capture/CaptureDialogs';
import { requestCapture } from '#renderer/features/capture/capture-requests';
import type { EmailReading, InviteReading } from '#shared/domain/capture';
import { fakeTransport } from '../fake-transport';
import { fail, ID, interview, ok, opening, renderWithToasts } from '../fixtures';

const PRIYA = '44444444-4444-4444-8444-444444444444';

function reading(change: Partial<InviteReading> = {}): InviteReading {
  return {
    proposal: {
      uid: 'abc@google.com', sequence: 0, method: 'REQUEST', cancelled: false, title: 'Interview: Analyst', startsAt: '2026-03-10T19:00:00.000Z', endsAt: '2026-03-10T19:45:00.000Z',
      timeZone: 'America/New_York', timeZoneSource: 'event', allDay: false, floating: false, location: null, meetingUrl: 'https://meet.google.com/abc-defg-hij', meetingProvider: 'meet', format: 'video',
      organizer: null, attendees: [], recurrenceId: null, recurrence: null, description: '', notes: [],
    },
    people: [
      { name: 'Priya Raman', address: 'priya@northwind.example', organizer: true, contactId: PRIYA, contactName: 'Priya Raman' },
      { name: 'Marcus Lee', address: 'marcus@northwind.example', organizer: false, contactId: null, contactName: null },
    ],
    existing: null,
    action: 'create',
    suggestedOpeningId: null,
    ...change,
  };
}

function setup(replies: Record<string, (input: unknown) => unknown>) {
  const fake = fakeTransport({ 'openings.list': () => ok([{ ...opening(), interviewCount: 0, nextInterviewAt: null, lastInterviewAt: null }]), ...(replies as Record<string, never>) });
  setTransport(fake.transport);
  renderWithToasts(<CaptureDialogs />);
  return { ...fake, user: userEvent.setup() };
}

const callsOf = (invoke: ReturnType<typeof fakeTransport>['invoke'], channel: string) => invoke.mock.calls.filter(([name]) => name === channel).map(([, input]) => input);

afterEach(() => setTransport(undefined));

describe('the invite dialog', () => {
  it('reads pasted text, shows the times in the organiser’s zone, and saves the interview as edited with the team chosen', async () => {
    const { invoke, user } = setup({ 'capture.readInvite': () => ok({ invites: [reading()] }), 'capture.confirmInvite': () => ok(interview({ round: 2 })) });
    requestCapture({ kind: 'invite', openingId: ID.opening });
    const dialog = await screen.findByRole('dialog', { name: 'Import a calendar invitation' });
    await user.click(within(dialog).getByRole('button', { name: 'Read invitation' }));
    expect(await within(dialog).findByText('Choose an .ics file, drop one here, or paste the text of the invitation.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Or paste the invitation’s text'), 'BEGIN:VCALENDAR');
    await user.click(within(dialog).getByRole('button', { name: 'Read invitation' }));

    const review = await screen.findByRole('dialog', { name: 'Review the interview' });
    expect((within(review).getByLabelText('Starts') as HTMLInputElement).value).toBe('15:00');
    expect(within(review).getByText('America/New York')).toBeTruthy();
    await user.clear(within(review).getByLabelText('Title'));
    await user.type(within(review).getByLabelText('Title'), 'Second round');
    await user.click(within(review).getByRole('checkbox', { name: /Marcus Lee/ }));
    await user.click(within(review).getByRole('button', { name: 'Add interview' }));

    expect(await screen.findByText('Round 2 is added from the invitation.')).toBeTruthy();
    expect(callsOf(invoke, 'capture.confirmInvite')).toEqual([
      {
        invite: { uid: 'abc@google.com', recurrenceId: null, sequence: 0 },
        interview: expect.objectContaining({ openingId: ID.opening, title: 'Second round', startsAt: '2026-03-10T19:00:00.000Z', endsAt: '2026-03-10T19:45:00.000Z', timeZone: 'America/New_York', meetingUrl: 'https://meet.google.com/abc-defg-hij', team: [{ contactId: PRIYA }] }),
        offerId: undefined,
      },
    ]);
  });

  it('a cancellation offers to mark the interview cancelled, and a refusal from the core is shown in the dialog', async () => {
    const { invoke, user } = setup({
      'capture.readInvite': () => ok({ invites: [reading({ action: 'cancel', existing: { interviewId: ID.interview, openingId: ID.opening, openingName: 'Analyst at Northwind', sequence: 0, cancelledAt: null } })] }),
      'capture.cancelInvite': () => fail('CONFLICT', 'A newer version of this invitation is already imported; this older one changes nothing.'),
    });
    requestCapture({ kind: 'invite' });
    await user.type(await screen.findByLabelText('Or paste the invitation’s text'), 'BEGIN:VCALENDAR');
    await user.click(screen.getByRole('button', { name: 'Read invitation' }));
    const review = await screen.findByRole('dialog', { name: 'A cancelled invitation' });
    expect(within(review).getByText(/The organiser cancelled this meeting: the interview you imported \(Analyst at Northwind\) will be marked cancelled/)).toBeTruthy();
    await user.click(within(review).getByRole('button', { name: 'Mark cancelled' }));
    expect(await within(review).findByText('A newer version of this invitation is already imported; this older one changes nothing.')).toBeTruthy();
    expect(callsOf(invoke, 'capture.cancelInvite')).toHaveLength(1);
  });
});

describe('the e-mail dialog', () => {
  const email = (change: Partial<EmailReading> = {}): EmailReading => ({
    messageId: 'm1@northwind.example', occurredAt: '2026-03-04T16:12:31.000Z', direction: 'inbound', directionFrom: 'own-address', from: { name: 'Marcus Lee', address: 'marcus@northwind.example' },
    subject: 'Re: Thanks', summary: 'Glad you came.', people: [{ name: 'Marcus Lee', address: 'marcus@northwind.example', organizer: false, contactId: null, contactName: null }],
    alreadyLogged: false, suggestedOpeningId: ID.opening, invites: [], notes: [], ...change,
  });

  it('proposes the sender as a new contact and logs the touchpoint as edited', async () => {
    const { invoke, user } = setup({ 'capture.readEmail': () => ok(email()), 'capture.confirmEmail': () => ok({}) });
    requestCapture({ kind: 'email', openingId: ID.opening });
    const dialog = await screen.findByRole('dialog', { name: 'Import an e-mail' });
    await user.upload(within(dialog).getByLabelText('Choose .eml file…'), new File(['From: x'], 'reply.eml', { type: 'message/rfc822' }));
    const review = await screen.findByRole('dialog', { name: 'Log the e-mail' });
    expect((within(review).getByLabelText('With') as HTMLSelectElement).selectedOptions[0]!.textContent).toBe('Marcus Lee <marcus@northwind.example> (add as a new contact)');
    expect((within(review).getByLabelText('Summary') as HTMLTextAreaElement).value).toBe('Re: Thanks — Glad you came.');
    await user.click(within(review).getByRole('button', { name: 'Log touchpoint' }));
    expect(await screen.findByText('Their e-mail is logged as a touchpoint.')).toBeTruthy();
    expect(callsOf(invoke, 'capture.confirmEmail')).toEqual([
      { openingId: ID.opening, contact: { name: 'Marcus Lee', email: 'marcus@northwind.example' }, direction: 'inbound', occurredAt: '2026-03-04T16:12:00.000Z', summary: 'Re: Thanks — Glad you came.', messageId: 'm1@northwind.example' },
    ]);
  });

  it('an e-mail already logged says so and logs nothing', async () => {
    const { invoke, user } = setup({ 'capture.readEmail': () => ok(email({ alreadyLogged: true })) });
    requestCapture({ kind: 'email', openingId: ID.opening });
    await user.upload(await screen.findByLabelText('Choose .eml file…'), new File(['From: x'], 'reply.eml'));
    expect(await screen.findByText('This e-mail is already logged as a touchpoint; it is not logged twice.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(callsOf(invoke, 'capture.confirmEmail')).toEqual([]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
