import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setTransport } from '#renderer/api';
import { TrashPage } from '#renderer/features/trash/TrashPage';
import type { TrashItem } from '#shared/domain/trash';
import { fakeTransport } from './fake-transport';
import { fail, ID, ok, renderWithToasts } from './fixtures';

const items: TrashItem[] = [
  { kind: 'interview', id: ID.interview, title: 'Round 2 · Technical', context: 'Acme · Engineer', deletedAt: '2026-03-08T10:00:00.000Z' },
  { kind: 'opening', id: ID.opening, title: 'Engineer', context: 'Acme', deletedAt: '2026-03-07T10:00:00.000Z' },
  { kind: 'note', id: ID.note, title: 'Why this team', context: 'Acme · Engineer', deletedAt: '2026-03-06T10:00:00.000Z' },
];

function setup(replies: Record<string, (input: unknown) => unknown>) {
  let list = [...items];
  const fake = fakeTransport({
    'trash.list': () => ok(list),
    'trash.empty': () => {
      const removed = list.length;
      list = [];
      return ok({ removed });
    },
    ...(replies as Record<string, never>),
  });
  setTransport(fake.transport);
  renderWithToasts(<TrashPage />);
  return { ...fake, user: userEvent.setup(), remove: (id: string) => (list = list.filter((item) => item.id !== id)) };
}

describe('Trash page', () => {
  it('lists deleted things by kind, with where they were and when they were deleted', async () => {
    setup({});
    const openings = await screen.findByRole('region', { name: /Openings/ });
    expect(within(openings).getByText('Engineer')).toBeInTheDocument();
    expect(within(openings).getByText('Acme')).toBeInTheDocument();
    expect(within(openings).getByText(/Deleted/)).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: /Interviews/ })).getByText('Acme · Engineer')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: /Notes/ })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent?.replace(/\s*\d+$/, ''))).toEqual(['Openings', 'Interviews', 'Notes']);
  });

  it('restores an item and offers to open it', async () => {
    const fake = setup({
      'trash.restore': (input) => {
        fake.remove((input as { id: string }).id);
        return ok(input);
      },
    });
    await fake.user.click(await screen.findByRole('button', { name: 'Restore Engineer' }));
    expect(fake.invoke).toHaveBeenCalledWith('trash.restore', { kind: 'opening', id: ID.opening });
    expect(await screen.findByText('“Engineer” is back.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Restore Engineer' })).not.toBeInTheDocument();
    await fake.user.click(screen.getByRole('button', { name: 'Open' }));
    expect(window.location.hash).toBe(`#/openings/${ID.opening}`);
    window.location.hash = '';
  });

  it('explains a conflict in words', async () => {
    const { user } = setup({ 'trash.restore': () => fail('CONFLICT', 'Its opening is in the trash: restore the opening first.') });
    await user.click(await screen.findByRole('button', { name: 'Restore Round 2 · Technical' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('“Round 2 · Technical” can’t be restored yet. Its opening is in the trash: restore the opening first.');
    expect(screen.getByRole('button', { name: 'Restore Round 2 · Technical' })).toBeEnabled();
  });

  it('empties the trash only after a clear warning', async () => {
    const { user, invoke } = setup({});
    await user.click(await screen.findByRole('button', { name: 'Empty trash…' }));
    const dialog = screen.getByRole('dialog', { name: 'Empty the trash?' });
    expect(dialog).toHaveTextContent('All 3 items in the trash');
    expect(dialog).toHaveTextContent('This cannot be undone.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(invoke).not.toHaveBeenCalledWith('trash.empty', undefined);

    await user.click(screen.getByRole('button', { name: 'Empty trash…' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete 3 items for good' }));
    expect(invoke).toHaveBeenCalledWith('trash.empty', undefined);
    expect(await screen.findByText('Deleted 3 items for good.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('heading', { name: 'The trash is empty' })).toBeInTheDocument());
  });

  it('says when the trash is empty', async () => {
    setTransport(fakeTransport({ 'trash.list': () => ok([]) }).transport);
    renderWithToasts(<TrashPage />);
    expect(await screen.findByRole('heading', { name: 'The trash is empty' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Empty trash…' })).not.toBeInTheDocument();
  });
});
