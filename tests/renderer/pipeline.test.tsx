import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setTransport } from '#renderer/api';
import { PipelinePage } from '#renderer/features/pipeline/PipelinePage';
import type { OpeningSummary } from '#shared/domain/opening';
import { fakeTransport } from './fake-transport';
import { fail, ok, opening, renderWithToasts, summary } from './fixtures';

const DAY = 86_400_000;

function pipeline(list: OpeningSummary[]) {
  return fakeTransport({ 'openings.list': () => ok(list), 'companies.list': () => ok([]) });
}

/** The role links in the list, in the order shown. */
async function shownRoles(): Promise<string[]> {
  const table = await screen.findByRole('table');
  return within(table)
    .queryAllByRole('link')
    .map((link) => link.textContent ?? '');
}

describe('Pipeline page', () => {
  beforeEach(() => window.localStorage.clear());

  it('teaches the next step when the vault is empty', async () => {
    setTransport(pipeline([]).transport);
    renderWithToasts(<PipelinePage />);
    expect(await screen.findByRole('heading', { name: 'Your pipeline is empty' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add your first opening' })).toBeInTheDocument();
  });

  it('shows each opening with its company, stage, location and next interview, linking to its page', async () => {
    const soon = new Date(Date.now() + 2 * DAY + 60_000).toISOString();
    setTransport(
      pipeline([
        summary({ id: 'o1', location: 'Berlin' }),
        summary({ id: 'o2', companyName: 'Globex', role: 'Analyst', stage: 'interviewing', nextInterviewAt: soon, interviewCount: 1 }),
      ]).transport,
    );
    renderWithToasts(<PipelinePage />);
    const rows = await screen.findAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent(/Engineer\s*Acme\s*Applied\s*Berlin\s*None yet/);
    expect(rows[2]).toHaveTextContent(/Analyst\s*Globex\s*Interviewing/);
    expect(rows[2]).toHaveTextContent('Next: in 2 days');
    expect(within(rows[2]!).getByRole('link', { name: 'Analyst' })).toHaveAttribute('href', '#/openings/o2');
    expect(screen.getByText('2 openings')).toBeInTheDocument();
  });

  it('shows a long pipeline a hundred rows at a time, and starts again from the top when the filter changes', async () => {
    const many = Array.from({ length: 250 }, (_, index) => summary({ id: `o${index}`, role: `Role ${index}`, companyName: index % 2 ? 'Globex' : 'Acme', updatedAt: new Date(Date.UTC(2026, 0, 1) - index * 60_000).toISOString() }));
    setTransport(pipeline(many).transport);
    const user = userEvent.setup();
    renderWithToasts(<PipelinePage />);
    expect(await shownRoles()).toHaveLength(100);
    expect(screen.getByText('Showing 100 of 250 openings.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show 100 more' }));
    expect(await shownRoles()).toHaveLength(200);
    // The last page holds the rest, and nothing is left to offer.
    await user.click(screen.getByRole('button', { name: 'Show 50 more' }));
    expect(await shownRoles()).toHaveLength(250);
    expect(screen.queryByRole('button', { name: /more$/ })).not.toBeInTheDocument();
    await user.click(screen.getByLabelText('Find'));
    await user.paste('globex');
    await waitFor(() => expect(screen.getByText('Showing 100 of 125 openings.')).toBeInTheDocument());
    expect(await shownRoles()).toHaveLength(100);
  });

  it('filters by text and stage, hides closed openings until asked, and can clear the filters', async () => {
    setTransport(
      pipeline([
        summary({ id: 'o1', role: 'Engineer', companyName: 'Acme', location: 'Lisbon' }),
        summary({ id: 'o2', role: 'Analyst', companyName: 'Globex', stage: 'interviewing' }),
        summary({ id: 'o3', role: 'Designer', companyName: 'Initech', stage: 'rejected' }),
      ]).transport,
    );
    const user = userEvent.setup();
    renderWithToasts(<PipelinePage />);
    expect(await shownRoles()).toEqual(['Engineer', 'Analyst']);
    expect(screen.getByText(/3 openings · 2 shown, 1 closed hidden/)).toBeInTheDocument();

    await user.click(screen.getByLabelText('Show closed'));
    expect(await shownRoles()).toEqual(['Engineer', 'Analyst', 'Designer']);

    await user.type(screen.getByLabelText('Find'), 'lisbon');
    expect(await shownRoles()).toEqual(['Engineer']);

    await user.clear(screen.getByLabelText('Find'));
    await user.selectOptions(screen.getByLabelText('Filter by stage'), 'Interviewing');
    expect(await shownRoles()).toEqual(['Analyst']);

    await user.type(screen.getByLabelText('Find'), 'nothing like this');
    expect(screen.getByRole('heading', { name: 'No openings match' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await shownRoles()).toEqual(['Engineer', 'Analyst', 'Designer']);
  });

  it('sorts by company, role, next interview and date added', async () => {
    const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
    setTransport(
      pipeline([
        summary({ id: 'o1', role: 'Engineer', companyName: 'Initech', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-03-03T00:00:00.000Z', nextInterviewAt: inDays(5) }),
        summary({ id: 'o2', role: 'Analyst', companyName: 'Globex', createdAt: '2026-02-01T00:00:00.000Z', updatedAt: '2026-03-02T00:00:00.000Z' }),
        summary({ id: 'o3', role: 'Designer', companyName: 'Acme', createdAt: '2026-01-15T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z', nextInterviewAt: inDays(1) }),
      ]).transport,
    );
    const user = userEvent.setup();
    renderWithToasts(<PipelinePage />);
    expect(await shownRoles()).toEqual(['Engineer', 'Analyst', 'Designer']);
    await user.selectOptions(screen.getByLabelText('Sort by'), 'Company (A–Z)');
    expect(await shownRoles()).toEqual(['Designer', 'Analyst', 'Engineer']);
    await user.selectOptions(screen.getByLabelText('Sort by'), 'Role (A–Z)');
    expect(await shownRoles()).toEqual(['Analyst', 'Designer', 'Engineer']);
    await user.selectOptions(screen.getByLabelText('Sort by'), 'Next interview');
    expect(await shownRoles()).toEqual(['Designer', 'Engineer', 'Analyst']);
    await user.selectOptions(screen.getByLabelText('Sort by'), 'Newest first');
    expect(await shownRoles()).toEqual(['Analyst', 'Designer', 'Engineer']);
  });

  it('remembers the chosen view', async () => {
    setTransport(pipeline([summary()]).transport);
    const user = userEvent.setup();
    const first = renderWithToasts(<PipelinePage />);
    await user.click(await screen.findByRole('button', { name: 'Board' }));
    expect(screen.getByRole('region', { name: /Applied/ })).toBeInTheDocument();
    first.unmount();
    renderWithToasts(<PipelinePage />);
    expect(await screen.findByRole('button', { name: 'Board' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('validates the form before anything is sent, with a message per field', async () => {
    const { transport, invoke } = pipeline([]);
    setTransport(transport);
    const user = userEvent.setup();
    renderWithToasts(<PipelinePage />);
    await user.click(await screen.findByRole('button', { name: 'Add your first opening' }));
    await user.type(screen.getByLabelText('Job link (optional)'), 'ftp://files.example');
    await user.click(screen.getByRole('button', { name: 'Add opening' }));
    expect(screen.getByLabelText('Company')).toHaveAccessibleDescription('Company is required.');
    expect(screen.getByLabelText('Role')).toHaveAccessibleDescription('Role is required.');
    expect(screen.getByLabelText('Job link (optional)')).toHaveAccessibleDescription(/https:\/\//);
    expect(invoke).not.toHaveBeenCalledWith('openings.create', expect.anything());
  });

  it('adds an opening with its location, source and applied date, and shows it in the list', async () => {
    const saved: OpeningSummary[] = [];
    const { transport, invoke } = fakeTransport({
      'openings.list': () => ok([...saved]),
      'companies.list': () => ok([]),
      'openings.create': (input) => {
        const value = opening({ ...(input as object), id: 'new' });
        saved.push(summary(value));
        return ok(value);
      },
    });
    setTransport(transport);
    const user = userEvent.setup();
    renderWithToasts(<PipelinePage />);
    await user.click(await screen.findByRole('button', { name: 'Add your first opening' }));
    await user.type(screen.getByLabelText('Company'), 'Initech');
    await user.type(screen.getByLabelText('Role'), 'Product Manager');
    await user.type(screen.getByLabelText('Location (optional)'), 'Remote');
    await user.type(screen.getByLabelText('Source (optional)'), 'Referral');
    await user.type(screen.getByLabelText('Applied on (optional)'), '2026-03-04');
    await user.click(screen.getByRole('button', { name: 'Add opening' }));
    await waitFor(() => expect(screen.getByRole('link', { name: 'Product Manager' })).toBeInTheDocument());
    expect(invoke).toHaveBeenCalledWith('openings.create', expect.objectContaining({ location: 'Remote', source: 'Referral', appliedOn: '2026-03-04' }));
    expect(screen.getByText('Added Product Manager at Initech.')).toBeInTheDocument();
  });

  it('closes the form with Escape', async () => {
    setTransport(pipeline([]).transport);
    const user = userEvent.setup();
    renderWithToasts(<PipelinePage />);
    await user.click(await screen.findByRole('button', { name: 'Add your first opening' }));
    expect(screen.getByRole('form', { name: 'Add an opening' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form', { name: 'Add an opening' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add opening' })).toHaveFocus());
  });

  it('shows an error from the core next to the field it concerns', async () => {
    setTransport(
      fakeTransport({
        'openings.list': () => ok([]),
        'companies.list': () => ok([]),
        'openings.create': () => fail('INVALID_INPUT', 'Role must be at most 200 characters.', 'role'),
      }).transport,
    );
    const user = userEvent.setup();
    renderWithToasts(<PipelinePage />);
    await user.click(await screen.findByRole('button', { name: 'Add your first opening' }));
    await user.type(screen.getByLabelText('Company'), 'Initech');
    await user.type(screen.getByLabelText('Role'), 'PM');
    await user.click(screen.getByRole('button', { name: 'Add opening' }));
    await waitFor(() => expect(screen.getByLabelText('Role')).toHaveAccessibleDescription('Role must be at most 200 characters.'));
  });

  it('says so when the vault cannot be reached', async () => {
    setTransport(
      fakeTransport({
        'openings.list': () => ({ ok: false, error: { code: 'VAULT_UNAVAILABLE', message: 'The disk is full, so nothing was saved.' } }),
        'companies.list': () => ok([]),
      }).transport,
    );
    renderWithToasts(<PipelinePage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The pipeline could not be loaded: The disk is full');
  });
});
