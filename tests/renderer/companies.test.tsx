import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setTransport } from '#renderer/api';
import { CompaniesPage } from '#renderer/features/companies/CompaniesPage';
import { CompanyPage } from '#renderer/features/companies/CompanyPage';
import type { ResearchEntry } from '#shared/domain/company';
import type { CompanyDetail } from '#shared/ipc/channels/companies';
import { fakeTransport } from './fake-transport';
import { fail, ids, inputsOf, makeCompany, makeContact, makeOpening, makeResearch, ok, renderWithToasts } from './screen-fixtures';

function detail(overrides: Partial<CompanyDetail> = {}): CompanyDetail {
  return {
    company: makeCompany(),
    openings: [{ ...makeOpening(), interviewCount: 1, nextInterviewAt: null, lastInterviewAt: null }],
    contacts: [makeContact({ preferredChannel: 'email' })],
    research: [],
    notes: [],
    ...overrides,
  };
}

describe('Companies list', () => {
  it('shows opening and contact counts and filters by name', async () => {
    setTransport(
      fakeTransport({
        'companies.list': () => ok([makeCompany(), makeCompany({ id: ids.opening, name: 'Initech', website: null, openingCount: 2, contactCount: 0 })]),
      }).transport,
    );
    const user = userEvent.setup();
    renderWithToasts(<CompaniesPage />);
    expect(await screen.findByRole('row', { name: /Initech/ })).toHaveTextContent(/Initech\s*2 openings\s*0 contacts/);
    expect(screen.getByRole('row', { name: /Globex/ })).toHaveTextContent(/Globex\s*1 opening\s*2 contacts/);
    await user.type(screen.getByLabelText('Filter companies'), 'ini');
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Globex' })).not.toBeInTheDocument());
    expect(screen.getByRole('link', { name: 'Initech' })).toHaveAttribute('href', `#/companies/${ids.opening}`);
  });
});

describe('Company page', () => {
  it('lists its openings and people with links', async () => {
    setTransport(fakeTransport({ 'companies.get': () => ok(detail()) }).transport);
    renderWithToasts(<CompanyPage id={ids.company} />);
    const openings = await screen.findByRole('region', { name: 'Openings' });
    expect(within(openings).getByRole('link', { name: 'Data Engineer' })).toHaveAttribute('href', `#/openings/${ids.opening}`);
    expect(within(openings).getByText('Interviewing')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'People' })).getByRole('link', { name: 'Ana Lima' })).toHaveAttribute('href', `#/contacts/${ids.ana}`);
  });

  it('explains why a research log is worth keeping while it is empty', async () => {
    setTransport(fakeTransport({ 'companies.get': () => ok(detail()) }).transport);
    renderWithToasts(<CompanyPage id={ids.company} />);
    const log = await screen.findByRole('region', { name: 'Research log' });
    expect(log).toHaveTextContent('Nothing logged about Globex yet');
    expect(log).toHaveTextContent(/next conversation up to date/);
  });

  it('adds a research entry and shows it newest first', async () => {
    const { transport, invoke } = fakeTransport({
      'companies.get': () => ok(detail({ research: [makeResearch()] })),
      'research.add': (input) => ok(makeResearch({ ...(input as Partial<ResearchEntry>), id: ids.research2, createdAt: '2026-03-05T10:00:00.000Z' })),
    });
    setTransport(transport);
    const user = userEvent.setup();
    renderWithToasts(<CompanyPage id={ids.company} />);
    await user.click(await screen.findByRole('button', { name: 'Add entry' }));
    const date = screen.getByLabelText('Date');
    await user.clear(date);
    await user.type(date, '2026-03-04');
    await user.type(screen.getByLabelText('Title'), 'New CTO announced');
    await user.type(screen.getByLabelText('Source link (optional)'), 'https://news.example/cto');
    await user.type(screen.getByLabelText('Summary (optional)'), 'Comes from a payments startup.');
    await user.click(screen.getByRole('button', { name: 'Add entry' }));

    await waitFor(() => expect(screen.getByRole('heading', { name: 'New CTO announced' })).toBeInTheDocument());
    expect(inputsOf(invoke, 'research.add')).toEqual([
      { companyId: ids.company, occurredOn: '2026-03-04', title: 'New CTO announced', sourceUrl: 'https://news.example/cto', summary: 'Comes from a payments startup.' },
    ]);
    const titles = within(screen.getByRole('region', { name: 'Research log' }))
      .getAllByRole('heading', { level: 3 })
      .map((heading) => heading.textContent);
    expect(titles).toEqual(['New CTO announced', 'Opened a Lisbon office']);
  });

  it('refuses a research entry without a title or with a bad link, sending nothing', async () => {
    const { transport, invoke } = fakeTransport({ 'companies.get': () => ok(detail()) });
    setTransport(transport);
    const user = userEvent.setup();
    renderWithToasts(<CompanyPage id={ids.company} />);
    await user.click(await screen.findByRole('button', { name: 'Add entry' }));
    await user.type(screen.getByLabelText('Source link (optional)'), 'javascript:alert(1)');
    await user.click(screen.getByRole('button', { name: 'Add entry' }));
    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription('Title is required.');
    expect(screen.getByLabelText('Source link (optional)')).toHaveAccessibleDescription(/https:\/\//);
    expect(inputsOf(invoke, 'research.add')).toEqual([]);
  });

  it('edits a research entry inline', async () => {
    const { transport, invoke } = fakeTransport({
      'companies.get': () => ok(detail({ research: [makeResearch()] })),
      'research.update': (input) => ok(makeResearch(input as Partial<ResearchEntry>)),
    });
    setTransport(transport);
    const user = userEvent.setup();
    renderWithToasts(<CompanyPage id={ids.company} />);
    await user.click(await screen.findByRole('button', { name: 'Edit “Opened a Lisbon office”' }));
    const title = screen.getByLabelText('Title');
    await user.clear(title);
    await user.type(title, 'Opened offices in Lisbon and Porto');
    await user.click(screen.getByRole('button', { name: 'Save entry' }));
    expect(await screen.findByRole('heading', { name: 'Opened offices in Lisbon and Porto' })).toBeInTheDocument();
    expect(inputsOf(invoke, 'research.update')).toEqual([
      { id: ids.research, occurredOn: '2026-02-20', title: 'Opened offices in Lisbon and Porto', sourceUrl: 'https://news.example/globex-lisbon', summary: 'Hiring 40 engineers this year.' },
    ]);
  });

  it('deletes a research entry to the trash and brings it back with Undo', async () => {
    const { transport, invoke } = fakeTransport({
      'companies.get': () => ok(detail({ research: [makeResearch()] })),
      'research.delete': () => ok({ kind: 'research', id: ids.research, deletedAt: '2026-03-04T09:00:00.000Z' }),
      'trash.restore': (input) => ok(input),
    });
    setTransport(transport);
    const user = userEvent.setup();
    renderWithToasts(<CompanyPage id={ids.company} />);
    await user.click(await screen.findByRole('button', { name: 'Delete “Opened a Lisbon office”' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Opened a Lisbon office' })).not.toBeInTheDocument());
    expect(inputsOf(invoke, 'research.delete')).toEqual([{ id: ids.research }]);
    expect(screen.getByText('Deleted “Opened a Lisbon office”.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('heading', { name: 'Opened a Lisbon office' })).toBeInTheDocument();
    expect(inputsOf(invoke, 'trash.restore')).toEqual([{ kind: 'research', id: ids.research }]);
  });

  it('shows a name conflict from the core on the name field', async () => {
    const { transport, invoke } = fakeTransport({
      'companies.get': () => ok(detail()),
      'companies.update': () => fail('CONFLICT', 'A company named Initech already exists.', 'name'),
    });
    setTransport(transport);
    const user = userEvent.setup();
    renderWithToasts(<CompanyPage id={ids.company} />);
    await user.click(await screen.findByRole('button', { name: 'Edit company' }));
    const name = screen.getByLabelText('Company name');
    await user.clear(name);
    await user.type(name, 'Initech');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.getByLabelText('Company name')).toHaveAccessibleDescription('A company named Initech already exists.'));
    expect(inputsOf(invoke, 'companies.update')).toEqual([{ id: ids.company, name: 'Initech', website: 'https://globex.example' }]);
  });

  it('says so when the company is not in the vault', async () => {
    setTransport(fakeTransport({ 'companies.get': () => fail('NOT_FOUND', 'That company does not exist.') }).transport);
    renderWithToasts(<CompanyPage id={ids.company} />);
    expect(await screen.findByRole('heading', { name: 'This company is not in your vault' })).toBeInTheDocument();
  });
});
