import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setTransport } from '#renderer/api';
import { PipelinePage } from '#renderer/features/pipeline/PipelinePage';
import type { OpeningSummary } from '#shared/domain/opening';
import { dragOnto } from './drag';
import { fakeTransport } from './fake-transport';
import { fail, ok, opening, renderWithToasts, summary } from './fixtures';

function column(name: RegExp) {
  return screen.getByRole('region', { name });
}

async function openBoard(list: OpeningSummary[], update: (input: unknown) => ReturnType<typeof ok> | ReturnType<typeof fail>) {
  window.localStorage.setItem('afterview.pipeline.view', 'board');
  const fake = fakeTransport({ 'openings.list': () => ok(list), 'companies.list': () => ok([]), 'openings.update': update });
  setTransport(fake.transport);
  renderWithToasts(<PipelinePage />);
  await screen.findByRole('region', { name: /Applied/ });
  return fake;
}

describe('Pipeline board', () => {
  beforeEach(() => window.localStorage.clear());

  it('shows a column per open stage in pipeline order, closed ones only on request', async () => {
    await openBoard([summary(), summary({ id: 'o2', role: 'Analyst', stage: 'rejected' })], () => ok(opening()));
    const columnNames = () => screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent?.replace(/\d+, \d+ openings?$/, ''));
    expect(columnNames()).toEqual(['Interested', 'Applied', 'Interviewing', 'Offer', 'Dormant']);
    expect(screen.getByRole('heading', { name: /^Applied\s*, 1 opening$/ })).toBeInTheDocument();
    await userEvent.setup().click(screen.getByLabelText('Show closed'));
    expect(columnNames()).toEqual([
      'Interested',
      'Applied',
      'Interviewing',
      'Offer',
      'Accepted',
      'Rejected',
      'Withdrawn',
      'Dormant',
    ]);
    expect(within(column(/Rejected/)).getByRole('link', { name: 'Analyst' })).toBeInTheDocument();
  });

  it('shows a long column fifty cards at a time, and still focuses a card moved past them', async () => {
    window.localStorage.setItem('afterview.pipeline.sort', 'role');
    // Role (A–Z): "Role 000"…"Role 119" fill Applied; "Zed" sorts after all of them once moved there.
    const applied = Array.from({ length: 120 }, (_, index) => summary({ id: `a${index}`, role: `Role ${String(index).padStart(3, '0')}` }));
    const mover = summary({ id: 'z', role: 'Zed', stage: 'interested' });
    await openBoard([...applied, mover], (input) => ok(opening({ ...(input as object), role: 'Zed' })));
    expect(within(column(/Applied/)).getAllByRole('link')).toHaveLength(50);
    expect(within(column(/Applied/)).getByText('Showing 50 of 120 openings.')).toBeInTheDocument();

    const user = userEvent.setup();
    within(column(/Interested/)).getByRole('link', { name: 'Zed' }).focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    await waitFor(() => expect(within(column(/Applied/)).getByRole('link', { name: 'Zed' })).toHaveFocus());

    // The column grew to the page that holds it.
    expect(within(column(/Applied/)).getAllByRole('link')).toHaveLength(121);
    expect(within(column(/Applied/)).queryByRole('button', { name: /more$/ })).not.toBeInTheDocument();
  });

  it('moves a focused card to the next stage with Alt+→, saves it and announces it', async () => {
    const { invoke } = await openBoard([summary()], (input) => ok(opening({ ...(input as object), updatedAt: '2026-03-09T10:00:00.000Z' })));
    const user = userEvent.setup();
    within(column(/Applied/)).getByRole('link', { name: 'Engineer' }).focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');

    expect(invoke).toHaveBeenCalledWith('openings.update', { id: opening().id, stage: 'interviewing' });
    expect(within(column(/Interviewing/)).getByRole('link', { name: 'Engineer' })).toHaveFocus();
    expect(within(column(/Applied/)).queryByRole('link', { name: 'Engineer' })).not.toBeInTheDocument();
    expect(screen.getByText('Moved Engineer at Acme to Interviewing.')).toBeInTheDocument();

    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect(invoke).toHaveBeenLastCalledWith('openings.update', { id: opening().id, stage: 'applied' });
    await waitFor(() => expect(within(column(/Applied/)).getByRole('link', { name: 'Engineer' })).toHaveFocus());
  });

  it('moves a card to any stage from its Move menu', async () => {
    const { invoke } = await openBoard([summary()], (input) => ok(opening({ ...(input as object) })));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Move Engineer at Acme' }));
    const menu = screen.getByRole('menu', { name: 'Move Engineer at Acme' });
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).not.toContain('Applied');
    await user.click(within(menu).getByRole('menuitem', { name: 'Offer' }));
    expect(invoke).toHaveBeenCalledWith('openings.update', { id: opening().id, stage: 'offer' });
    expect(within(column(/Offer/)).getByRole('link', { name: 'Engineer' })).toBeInTheDocument();
  });

  it('closes the Move menu with Escape and gives focus back', async () => {
    await openBoard([summary()], () => ok(opening()));
    const user = userEvent.setup();
    const button = screen.getByRole('button', { name: 'Move Engineer at Acme' });
    await user.click(button);
    expect(screen.getByRole('menuitem', { name: 'Interested' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Interviewing' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('puts the card back and says why when the move fails', async () => {
    await openBoard([summary()], () => fail('INTERNAL', 'The vault is busy, try again.'));
    const user = userEvent.setup();
    within(column(/Applied/)).getByRole('link', { name: 'Engineer' }).focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Engineer at Acme could not be moved, so it stays in Applied. The vault is busy, try again.');
    expect(within(column(/Applied/)).getByRole('link', { name: 'Engineer' })).toBeInTheDocument();
    expect(within(column(/Interviewing/)).queryByRole('link', { name: 'Engineer' })).not.toBeInTheDocument();
    expect(screen.getByText('Engineer at Acme is back in Applied.')).toBeInTheDocument();
  });

  it('moves a card dropped on another column', async () => {
    const { invoke } = await openBoard([summary()], (input) => ok(opening({ ...(input as object) })));
    dragOnto(within(column(/Applied/)).getByRole('listitem'), column(/Offer/));
    expect(invoke).toHaveBeenCalledWith('openings.update', { id: opening().id, stage: 'offer' });
    expect(within(column(/Offer/)).getByRole('link', { name: 'Engineer' })).toBeInTheDocument();
  });
});
