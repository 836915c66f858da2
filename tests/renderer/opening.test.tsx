import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setTransport } from '#renderer/api';
import { OpeningPage } from '#renderer/features/opening/OpeningPage';
import type { Opening } from '#shared/domain/opening';
import type { OpeningDetail } from '#shared/ipc/channels/openings';
import { fakeTransport } from './fake-transport';
import { contact, fail, ID, interview, note, ok, opening, renderWithToasts } from './fixtures';

function detail(overrides: Partial<OpeningDetail> = {}): OpeningDetail {
  return {
    opening: opening({ jobUrl: 'https://jobs.acme.example/42', location: 'Berlin', salaryMin: 60000, salaryMax: 80000, salaryCurrency: 'EUR' }),
    interviews: [
      interview({ id: 'i1', round: 1, title: 'Screening', startsAt: '2026-03-02T09:00:00.000Z', endsAt: '2026-03-02T09:30:00.000Z', format: 'phone', teamNames: ['Dana Reyes'], debriefCompleted: true }),
      interview({ id: 'i2', round: 2, title: 'Technical', startsAt: '2026-03-06T13:00:00.000Z', endsAt: '2026-03-06T14:00:00.000Z', teamNames: ['Dana Reyes', 'Sam Lee'] }),
    ],
    contacts: [contact(), contact({ id: ID.contact2, name: 'Sam Lee', title: 'Staff Engineer', email: null })],
    notes: [note({ title: 'Why this team', updatedAt: '2026-03-04T08:00:00.000Z' })],
    posting: null,
    ...overrides,
  };
}

function setup(replies: Record<string, (input: unknown) => unknown> = {}, data = detail()) {
  const fake = fakeTransport({
    'openings.get': () => ok(data),
    ...(replies as Record<string, never>),
  });
  setTransport(fake.transport);
  const user = userEvent.setup();
  renderWithToasts(<OpeningPage id={ID.opening} />);
  return { ...fake, user };
}

afterEach(() => {
  window.location.hash = '';
});

describe('Opening page', () => {
  it('shows the opening, its company, facts, people and a timeline of interviews and notes', async () => {
    setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Engineer' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Acme' })).toHaveAttribute('href', `#/companies/${ID.company}`);
    expect(screen.getByLabelText('Stage')).toHaveDisplayValue('Applied');

    const job = screen.getByRole('link', { name: /jobs\.acme\.example/ });
    expect(job).toHaveAttribute('href', 'https://jobs.acme.example/42');
    expect(job).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByText(/60,000 – 80,000 EUR/)).toBeInTheDocument();

    const timeline = within(screen.getByRole('region', { name: 'Timeline' })).getAllByRole('listitem');
    expect(timeline.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/Round 2 · Technical.*Video.*With Dana Reyes, Sam Lee.*Debrief to fill in/),
      expect.stringMatching(/Note.*Why this team.*Updated/),
      expect.stringMatching(/Round 1 · Screening.*Phone.*With Dana Reyes.*Debrief done/),
    ]);
    expect(within(timeline[0]!).getByRole('link', { name: 'Round 2 · Technical' })).toHaveAttribute('href', '#/interviews/i2');

    const people = screen.getByRole('region', { name: 'People' });
    expect(within(people).getByRole('link', { name: 'Sam Lee' })).toHaveAttribute('href', `#/contacts/${ID.contact2}`);
  });

  it('never makes a link of a job address that is not https', async () => {
    setup({}, detail({ opening: opening({ jobUrl: 'http://jobs.example/plain' }) }));
    expect(await screen.findByText('http://jobs.example/plain')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /jobs\.example/ })).not.toBeInTheDocument();
  });

  it('saves an edited fact and shows the new value', async () => {
    const { user, invoke } = setup({
      'openings.update': (input) => ok(opening({ ...(input as Partial<Opening>), updatedAt: '2026-03-09T10:00:00.000Z' })),
    });
    await user.click(await screen.findByRole('button', { name: 'Edit the job details' }));
    const form = screen.getByRole('form', { name: 'Edit the job details' });
    await user.clear(within(form).getByLabelText('Location'));
    await user.type(within(form).getByLabelText('Location'), 'Lisbon');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    expect(invoke).toHaveBeenCalledWith('openings.update', expect.objectContaining({ id: ID.opening, location: 'Lisbon', salaryMin: 60000, salaryMax: 80000 }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit the job details' })).not.toBeInTheDocument());
    expect(screen.getByText('Lisbon')).toBeInTheDocument();
  });

  it('keeps the job posting pasted on the page, shows it, and removes it when saved empty', async () => {
    const posting = 'Staff Engineer\n\nYou will own the billing platform.';
    const { user, invoke } = setup({
      'openings.posting.save': (input) => ok((input as { text: string }).text.trim() ? { text: (input as { text: string }).text, savedAt: '2026-03-09T10:00:00.000Z' } : null),
    });
    const panel = await screen.findByRole('region', { name: 'Job posting' });
    expect(panel).toHaveTextContent(/taken down once the role is filled/);
    await user.click(within(panel).getByRole('button', { name: 'Paste the job posting' }));
    await user.click(within(panel).getByLabelText("The posting's text"));
    await user.paste(posting);
    await user.click(within(panel).getByRole('button', { name: 'Save' }));

    expect(invoke).toHaveBeenCalledWith('openings.posting.save', { id: ID.opening, text: posting });
    await waitFor(() => expect(within(panel).queryByRole('form')).not.toBeInTheDocument());
    expect(panel).toHaveTextContent(/You will own the billing platform\./);
    expect(panel).toHaveTextContent(/Kept on/);

    await user.click(within(panel).getByRole('button', { name: 'Edit the job posting' }));
    await user.clear(within(panel).getByLabelText("The posting's text"));
    await user.click(within(panel).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(panel).toHaveTextContent(/taken down once the role is filled/));
    expect(invoke).toHaveBeenLastCalledWith('openings.posting.save', { id: ID.opening, text: '' });
  });

  it('explains a bad value next to its field before saving, and an error from the core too', async () => {
    const { user, invoke } = setup({ 'openings.update': () => fail('INVALID_INPUT', 'Source contains control characters.', 'source') });
    await user.click(await screen.findByRole('button', { name: 'Edit the job details' }));
    const form = screen.getByRole('form', { name: 'Edit the job details' });
    await user.clear(within(form).getByLabelText('Salary to'));
    await user.type(within(form).getByLabelText('Salary to'), '50000');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByLabelText('Salary to')).toHaveAccessibleDescription('The lowest salary must not exceed the highest.');
    expect(invoke).not.toHaveBeenCalledWith('openings.update', expect.anything());

    await user.clear(within(form).getByLabelText('Salary to'));
    await user.type(within(form).getByLabelText('Source'), 'Referral');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(within(form).getByLabelText('Source')).toHaveAccessibleDescription('Source contains control characters.'));
  });

  it('closes the edit form with Escape without saving', async () => {
    const { user, invoke } = setup();
    await user.click(await screen.findByRole('button', { name: 'Edit the hiring process' }));
    await user.type(screen.getByLabelText('Next step'), 'Call with the CTO');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form', { name: 'Edit the hiring process' })).not.toBeInTheDocument();
    expect(invoke).not.toHaveBeenCalledWith('openings.update', expect.anything());
  });

  it('changes the stage from the header', async () => {
    const { user, invoke } = setup({ 'openings.update': (input) => ok(opening({ ...(input as Partial<Opening>), updatedAt: '2026-03-09T10:00:00.000Z' })) });
    await user.selectOptions(await screen.findByLabelText('Stage'), 'Offer');
    expect(invoke).toHaveBeenCalledWith('openings.update', { id: ID.opening, stage: 'offer' });
    expect(await screen.findByText('Moved to Offer.')).toBeInTheDocument();
    expect(screen.getByLabelText('Stage')).toHaveDisplayValue('Offer');
  });

  it('asks before deleting, sends the opening to the trash, and Undo brings it back', async () => {
    const { user, invoke } = setup({
      'openings.delete': () => ok({ kind: 'opening', id: ID.opening, deletedAt: '2026-03-09T10:00:00.000Z' }),
      'trash.restore': (input) => ok(input),
    });
    await user.click(await screen.findByRole('button', { name: 'Delete…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this opening?' });
    expect(dialog).toHaveTextContent('goes to the trash with its 2 interviews and 1 note');
    expect(dialog).toHaveTextContent('The people you met stay in your contacts.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(invoke).not.toHaveBeenCalledWith('openings.delete', expect.anything());

    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Move to trash' }));
    expect(invoke).toHaveBeenCalledWith('openings.delete', { id: ID.opening });
    expect(await screen.findByText('“Engineer” is in the trash.')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/pipeline');

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(invoke).toHaveBeenCalledWith('trash.restore', { kind: 'opening', id: ID.opening });
    expect(await screen.findByText('“Engineer” is back.')).toBeInTheDocument();
    expect(window.location.hash).toBe(`#/openings/${ID.opening}`);
  });

  it('says clearly when the opening is not there, with a way back', async () => {
    setTransport(fakeTransport({ 'openings.get': () => fail('NOT_FOUND', 'That opening does not exist.') }).transport);
    renderWithToasts(<OpeningPage id={ID.opening} />);
    expect(await screen.findByRole('heading', { name: 'This opening is not in your vault' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the pipeline' })).toHaveAttribute('href', '#/pipeline');
    expect(screen.getByRole('link', { name: 'Open the trash' })).toHaveAttribute('href', '#/trash');
  });
  it('makes the prep sheet in the format picked from its menu, and says why when it cannot', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:prep');
    URL.revokeObjectURL = vi.fn();
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { user, invoke } = setup({
      'openings.prepSheet.export': (input) =>
        (input as { format: string }).format === 'pdf'
          ? { ok: false, error: { code: 'VAULT_UNAVAILABLE', message: 'Printing to PDF is not available in this window.' } }
          : ok({ fileName: 'Prep sheet - Engineer - Acme.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', dataBase64: btoa('PK') }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Engineer' });
    const button = screen.getByRole('button', { name: 'Prep sheet: everything about this opening in one document' });
    expect(button).toHaveTextContent('Prep sheet');

    await user.click(button);
    await user.click(screen.getByRole('menuitem', { name: 'Word (DOCX)' }));
    expect(await screen.findByText('Saved as Prep sheet - Engineer - Acme.docx.')).toBeInTheDocument();
    expect(invoke.mock.calls.filter(([channel]) => channel === 'openings.prepSheet.export').map(([, input]) => input)).toEqual([{ id: ID.opening, format: 'docx' }]);
    expect(clicks).toHaveBeenCalledTimes(1);

    await user.click(button);
    await user.click(screen.getByRole('menuitem', { name: 'PDF' }));
    expect(await screen.findByText('The prep sheet could not be made: Printing to PDF is not available in this window.')).toBeInTheDocument();
    expect(clicks).toHaveBeenCalledTimes(1);
    clicks.mockRestore();
  });
});

describe('Opening page: the timeline chart and the move-on tip', () => {
  it('draws the events of the opening, and draws again when a touchpoint is logged', async () => {
    let events = [
      { kind: 'applied', at: '2026-02-20T12:00:00.000Z', date: '2026-02-20', label: 'Applied', stage: null },
      { kind: 'interview', at: '2026-03-02T09:00:00.000Z', date: null, label: 'Round 1', stage: null },
      { kind: 'interview', at: '2026-03-06T13:00:00.000Z', date: null, label: 'Round 2', stage: null },
    ];
    const answer = {
      id: '11111111-1111-4111-8111-111111111111', openingId: ID.opening, contactId: null, contactName: null, openingName: 'Engineer at Acme',
      channel: 'email', direction: 'inbound', kind: 'other', occurredAt: '2026-03-07T09:00:00.000Z', summary: '', letterId: null, createdAt: '2026-03-07T09:00:00.000Z',
    };
    let logged: (typeof answer)[] = [];
    const { invoke, user } = setup({
      'insights.timeline': () => ok({ events }),
      'touchpoints.list': () => ok(logged),
      'touchpoints.log': () => {
        logged = [answer];
        return ok(answer);
      },
      'touchpoints.check': () => ok({ warnings: [] }),
    });
    const chart = await screen.findByRole('img', { name: /^Timeline of this opening: Applied, .*; Round 1, .*; Round 2, / });
    expect(chart.querySelectorAll('.event-marker')).toHaveLength(3);
    expect(invoke).toHaveBeenCalledWith('insights.timeline', { id: ID.opening });

    events = [...events, { kind: 'answer', at: '2026-03-07T09:00:00.000Z', date: null, label: 'Heard back', stage: null }];
    await user.click(screen.getByRole('button', { name: 'Log a touchpoint' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /^Log/ }));
    await waitFor(() => expect(screen.getByRole('img', { name: /Heard back/ }).querySelectorAll('.event-marker')).toHaveLength(4));
  });

  it('explains when to move on beside the dormant suggestion', async () => {
    setTransport(fakeTransport({ 'openings.get': () => ok(detail()) }).transport);
    renderWithToasts(<OpeningPage id={ID.opening} intent="move_on" />);
    const suggestion = await screen.findByRole('region', { name: 'Time to move on?' });
    expect(await within(suggestion).findByRole('complementary', { name: /When to move on/ })).toBeInTheDocument();
  });
});
