import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setTransport } from '#renderer/api';
import { InterviewPage } from '#renderer/features/interview/InterviewPage';
import { LetterList } from '#renderer/features/letters/LetterList';
import type { InterviewDetail } from '#shared/ipc/channels/interviews';
import { fakeTransport } from '../fake-transport';
import { ids, inputsOf, makeDebrief, makeInterview, makeMember, makeOpening, ok, renderWithToasts } from '../screen-fixtures';
import { HOUR, INTERVIEW_END, letterIds, makeLetterSummary } from './letter-fixtures';

function interviewDetail(): InterviewDetail {
  return {
    interview: makeInterview(),
    opening: makeOpening({ role: 'Senior Data Analyst', companyName: 'Northwind' }),
    team: [makeMember({ name: 'Ana Ruiz' }), makeMember({ contactId: ids.ben, name: 'Ben Ortiz', title: 'Recruiter', email: null })],
    debrief: makeDebrief(),
    notes: [],
  };
}

const letters = [
  makeLetterSummary(),
  makeLetterSummary({ id: letterIds.ben, contactId: ids.ben, recipientName: 'Ben Ortiz', recipientTitle: 'Recruiter', recipientEmail: null, status: 'ready' }),
];

function at(hoursAfterInterview: number) {
  vi.setSystemTime(new Date(Date.parse(INTERVIEW_END) + hoursAfterInterview * HOUR));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Thank-you notes on the interview page', () => {
  it('shows one row per interviewer with a live countdown that warns at 20 h and turns overdue after 24 h', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    at(2 + 56 / 60);
    const { transport, invoke } = fakeTransport({ 'interviews.get': () => ok(interviewDetail()), 'letters.list': () => ok(letters) });
    setTransport(transport);
    renderWithToasts(<InterviewPage id={ids.interview} />);

    const list = await screen.findByRole('list', { name: 'Thank-you notes' });
    expect(inputsOf(invoke, 'letters.list')).toEqual([{ interviewId: ids.interview }]);
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent(/Ana Ruiz.*Head of Analytics.*Draft.*21 h 4 min left/);
    expect(rows[1]).toHaveTextContent(/Ben Ortiz.*Recruiter.*Ready to send.*21 h 4 min left/);
    expect(within(rows[0]!).getByRole('link', { name: 'Write the thank-you note to Ana Ruiz' })).toHaveAttribute('href', `#/letters/${letterIds.ana}`);
    expect(within(rows[1]!).getByRole('link', { name: 'Open the thank-you note to Ben Ortiz' })).toHaveAttribute('href', `#/letters/${letterIds.ben}`);

    // Twenty hours in: still time, but the row says so plainly.
    at(20.5);
    act(() => vi.advanceTimersByTime(30_000));
    expect(within(rows[0]!).getByText('3 h 29 min left').closest('.countdown')).toHaveClass('countdown-warning');

    // Past the deadline, within one refresh.
    at(26);
    act(() => vi.advanceTimersByTime(30_000));
    const overdue = within(rows[0]!).getByText(/Overdue by 2 h/);
    expect(overdue.closest('.countdown')).toHaveClass('countdown-overdue');
    expect(rows[1]).toHaveTextContent(/Overdue by 2 h/);
  });

  it('reads Sent, with when and how, once a note has gone out', async () => {
    const sent = makeLetterSummary({ status: 'sent', sentAt: '2026-03-03T18:05:00.000Z', sentChannel: 'email' });
    setTransport(fakeTransport({ 'letters.list': () => ok([sent]) }).transport);
    renderWithToasts(<LetterList filter={{ openingId: ids.opening }} title="Letters" empty="None" showKind />);
    const row = within(await screen.findByRole('list', { name: 'Letters' })).getByRole('listitem');
    expect(row).toHaveTextContent(/Ana Ruiz.*Thank-you note.*Sent.*Sent .*2026.*by e-mail/);
    expect(row).not.toHaveTextContent(/left|Overdue/);
    expect(within(row).getByRole('link', { name: 'Open the thank-you note to Ana Ruiz' })).toBeInTheDocument();
  });

  it('says what happens when nobody is on the team yet', async () => {
    setTransport(fakeTransport({ 'letters.list': () => ok([]) }).transport);
    renderWithToasts(<LetterList filter={{ interviewId: ids.interview }} title="Thank-you notes" empty="Add the people you met." />);
    expect(await screen.findByText('Add the people you met.')).toBeInTheDocument();
  });
});
