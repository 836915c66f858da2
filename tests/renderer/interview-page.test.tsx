import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setTransport } from '#renderer/api';
import { InterviewPage } from '#renderer/features/interview/InterviewPage';
import type { Debrief } from '#shared/domain/interview';
import type { InterviewDetail } from '#shared/ipc/channels/interviews';
import { fakeTransport } from './fake-transport';
import { fail, ids, inputsOf, makeDebrief, makeInterview, makeMember, makeOpening, ok, renderWithToasts } from './screen-fixtures';

function detail(overrides: Partial<InterviewDetail> = {}): InterviewDetail {
  return {
    interview: makeInterview(),
    opening: makeOpening(),
    team: [makeMember(), makeMember({ contactId: ids.ben, name: 'Ben Ortiz', title: 'Recruiter', email: null, preferredChannel: 'phone' })],
    debrief: makeDebrief(),
    notes: [],
    ...overrides,
  };
}

/** saveDebrief answers with what was sent, completed when asked to be. */
function echoDebrief(input: unknown) {
  const sent = input as Debrief & { complete: boolean };
  return ok<Debrief>({ ...makeDebrief(), ...sent, completedAt: sent.complete ? '2026-03-03T15:30:00.000Z' : null });
}

describe('Interview page', () => {
  it('shows when, where, format and the team with links to each contact and to the opening', async () => {
    setTransport(fakeTransport({ 'interviews.get': () => ok(detail()) }).transport);
    renderWithToasts(<InterviewPage id={ids.interview} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Round 2 · Technical interview' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Data Engineer' })).toHaveAttribute('href', `#/openings/${ids.opening}`);
    expect(screen.getByText('Video')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /meet\.example\.com/ })).toHaveAttribute('href', 'https://meet.example.com/abc');
    const team = screen.getByRole('region', { name: 'Interview team' });
    expect(within(team).getByRole('link', { name: 'Ana Lima' })).toHaveAttribute('href', `#/contacts/${ids.ana}`);
    expect(within(team).getByRole('link', { name: 'ana@globex.example' })).toHaveAttribute('href', 'mailto:ana@globex.example');
  });

  it('saves the debrief with the answers, each interviewer’s channel and card, and shows when it was marked done', async () => {
    const { transport, invoke } = fakeTransport({ 'interviews.get': () => ok(detail()), 'interviews.saveDebrief': echoDebrief });
    setTransport(transport);
    const user = userEvent.setup();
    renderWithToasts(<InterviewPage id={ids.interview} />);

    await user.click(await screen.findByLabelText('I know what the next step is'));
    await user.type(screen.getByLabelText('The next step'), 'Meet the CTO');
    fireEvent.change(screen.getByLabelText('They will let you know by'), { target: { value: '2026-03-10' } });
    await user.selectOptions(screen.getByLabelText('How Ana Lima prefers follow-ups'), 'E-mail');
    await user.click(screen.getByLabelText('Card collected from Ana Lima'));
    await user.type(screen.getByLabelText('Impressions'), 'Friendly, focused team');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    await waitFor(() => expect(screen.getByText('All changes saved')).toBeInTheDocument());
    expect(inputsOf(invoke, 'interviews.saveDebrief').at(-1)).toEqual({
      interviewId: ids.interview,
      nextStepClear: true,
      nextStep: 'Meet the CTO',
      notifyBy: '2026-03-10',
      fillBy: null,
      cardsCollected: false,
      impressions: 'Friendly, focused team',
      concerns: '',
      questions: '',
      learned: '',
      team: [
        { contactId: ids.ana, preferredChannel: 'email', cardCollected: true },
        { contactId: ids.ben, preferredChannel: 'phone', cardCollected: false },
      ],
      complete: false,
    });
    expect(screen.queryByText(/Debrief done on/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Mark debrief done' }));
    expect(await screen.findByText(/Debrief done on/)).toBeInTheDocument();
    expect(inputsOf(invoke, 'interviews.saveDebrief').at(-1)).toMatchObject({ complete: true, nextStep: 'Meet the CTO' });
    expect(screen.queryByRole('button', { name: 'Mark debrief done' })).not.toBeInTheDocument();
  });

  it('saves a debrief answer on its own when the field loses focus', async () => {
    const { transport, invoke } = fakeTransport({ 'interviews.get': () => ok(detail()), 'interviews.saveDebrief': echoDebrief });
    setTransport(transport);
    const user = userEvent.setup();
    renderWithToasts(<InterviewPage id={ids.interview} />);
    await user.type(await screen.findByLabelText('Concerns'), 'Long on-call rota');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    await user.tab();
    await waitFor(() => expect(inputsOf(invoke, 'interviews.saveDebrief').at(-1)).toMatchObject({ concerns: 'Long on-call rota', complete: false }));
    expect(await screen.findByText('All changes saved')).toBeInTheDocument();
  });

  it('saves pending debrief edits when the page is left', async () => {
    const { transport, invoke } = fakeTransport({ 'interviews.get': () => ok(detail()), 'interviews.saveDebrief': echoDebrief });
    setTransport(transport);
    const user = userEvent.setup();
    const { unmount } = renderWithToasts(<InterviewPage id={ids.interview} />);
    await user.type(await screen.findByLabelText('What you learned'), 'They ship weekly');
    unmount();
    await waitFor(() => expect(inputsOf(invoke, 'interviews.saveDebrief').at(-1)).toMatchObject({ learned: 'They ship weekly' }));
  });

  it('shows an error from the core next to the debrief field it concerns', async () => {
    setTransport(
      fakeTransport({
        'interviews.get': () => ok(detail()),
        'interviews.saveDebrief': () => fail('INVALID_INPUT', 'Next step contains control characters.', 'nextStep'),
      }).transport,
    );
    const user = userEvent.setup();
    renderWithToasts(<InterviewPage id={ids.interview} />);
    await user.type(await screen.findByLabelText('The next step'), 'Call');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(screen.getByLabelText('The next step')).toHaveAccessibleDescription('Next step contains control characters.'));
    expect(screen.getByText('Not saved: Next step contains control characters.')).toBeInTheDocument();
  });

  it('edits the details and shows an error from the core on the meeting link field', async () => {
    const { transport, invoke } = fakeTransport({
      'interviews.get': () => ok(detail()),
      'contacts.list': () => ok([]),
      'interviews.update': () => fail('INVALID_INPUT', 'Meeting link must be a web address starting with https:// or http://.', 'meetingUrl'),
    });
    setTransport(transport);
    const user = userEvent.setup();
    renderWithToasts(<InterviewPage id={ids.interview} />);
    await user.click(await screen.findByRole('button', { name: 'Edit details' }));
    await user.click(screen.getByRole('button', { name: 'Remove Ben Ortiz from the team' }));
    await user.type(screen.getByLabelText('New person’s name'), 'Cleo Park');
    await user.click(screen.getByRole('button', { name: 'Add new person' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.getByLabelText('Meeting link (optional)')).toHaveAccessibleDescription(/must be a web address/));
    expect(inputsOf(invoke, 'interviews.update').at(-1)).toMatchObject({
      id: ids.interview,
      round: 2,
      format: 'video',
      timeZone: 'Europe/Berlin',
      startsAt: '2026-03-03T13:00:00.000Z',
      endsAt: '2026-03-03T14:00:00.000Z',
      team: [{ contactId: ids.ana }, { name: 'Cleo Park', title: '', email: '' }],
    });
  });

  it('closes the edit form with Escape and returns focus to its button', async () => {
    setTransport(fakeTransport({ 'interviews.get': () => ok(detail()), 'contacts.list': () => ok([]) }).transport);
    const user = userEvent.setup();
    renderWithToasts(<InterviewPage id={ids.interview} />);
    await user.click(await screen.findByRole('button', { name: 'Edit details' }));
    expect(screen.getByRole('form', { name: 'Edit the interview' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form', { name: 'Edit the interview' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit details' })).toHaveFocus();
  });

  it('moves the interview to the trash after confirming, and Undo restores it', async () => {
    const { transport, invoke } = fakeTransport({
      'interviews.get': () => ok(detail()),
      'interviews.delete': () => ok({ kind: 'interview', id: ids.interview, deletedAt: '2026-03-04T09:00:00.000Z' }),
      'trash.restore': (input) => ok(input),
    });
    setTransport(transport);
    const user = userEvent.setup();
    renderWithToasts(<InterviewPage id={ids.interview} />);
    await user.click(await screen.findByRole('button', { name: 'Delete…' }));
    await user.click(screen.getByRole('button', { name: 'Move to trash' }));
    expect(await screen.findByText('Interview moved to the trash.')).toBeInTheDocument();
    expect(window.location.hash).toBe(`#/openings/${ids.opening}`);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(inputsOf(invoke, 'trash.restore')).toEqual([{ kind: 'interview', id: ids.interview }]));
    await waitFor(() => expect(window.location.hash).toBe(`#/interviews/${ids.interview}`));
  });

  it('says so when the interview is not in the vault', async () => {
    setTransport(fakeTransport({ 'interviews.get': () => fail('NOT_FOUND', 'That interview does not exist.') }).transport);
    renderWithToasts(<InterviewPage id={ids.interview} />);
    expect(await screen.findByRole('heading', { name: 'This interview is not in your vault' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the trash' })).toHaveAttribute('href', '#/trash');
  });
});
