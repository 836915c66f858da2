import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setTransport } from '#renderer/api';
import { OpeningPage } from '#renderer/features/opening/OpeningPage';
import { PipelinePage } from '#renderer/features/pipeline/PipelinePage';
import type { OpeningSummary, Stage } from '#shared/domain/opening';
import { DEFAULT_SETTINGS, type Settings } from '#shared/domain/settings';
import { dragOnto } from './drag';
import { fakeTransport } from './fake-transport';
import { contact, ID, ok, opening, renderWithToasts, summary } from './fixtures';

/*
 * Every way into an outcome stage (accepted, rejected, withdrawn, dormant)
 * goes through the outcome dialog and openings.recordOutcome; a plain stage
 * update never carries one. Cancel leaves the opening where it was.
 */

const REPLY_ID = '88888888-8888-4888-8888-888888888888';
/** Saved settings that differ from the defaults, so a default on screen would show. */
const SAVED: Settings = { ...DEFAULT_SETTINGS, playbook: { ...DEFAULT_SETTINGS.playbook, stayInTouchEveryDays: 30, stayInTouchTimes: 2, rejectionDraftHours: 48, revisitAfterMonths: 4 } };

function transport(list: OpeningSummary[]) {
  const fake = fakeTransport({
    'openings.list': () => ok(list),
    'companies.list': () => ok([]),
    'openings.update': (input) => ok(opening({ ...(input as object), updatedAt: '2026-03-09T10:00:00.000Z' })),
    'openings.get': () => ok({ opening: opening({ stage: list[0]!.stage }), interviews: [], contacts: [contact()], notes: [], posting: null }),
    'openings.recordOutcome': (input) => {
      const { outcome } = input as { outcome: Stage };
      return ok({ opening: opening({ stage: outcome, updatedAt: '2026-03-09T10:00:00.000Z' }), letterId: outcome === 'rejected' ? REPLY_ID : null });
    },
    'letters.list': () => ok([]),
    'references.list': () => ok([]),
  });
  setTransport(fake.transport);
  return fake;
}

const calls = (invoke: ReturnType<typeof fakeTransport>['invoke'], channel: string) => invoke.mock.calls.filter(([name]) => name === channel).map(([, input]) => input);
const column = (name: RegExp) => screen.getByRole('region', { name });

async function openBoard(list: OpeningSummary[]) {
  window.localStorage.setItem('afterview.pipeline.view', 'board');
  const fake = transport(list);
  renderWithToasts(<PipelinePage />, SAVED);
  await screen.findByRole('region', { name: /Applied/ });
  await userEvent.setup().click(screen.getByLabelText('Show closed'));
  return fake;
}

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  window.location.hash = '';
});

describe('into an outcome from the board', () => {
  it('a card dropped on Rejected opens the outcome dialog; Cancel leaves it where it was and changes nothing', async () => {
    const { invoke } = await openBoard([summary({ stage: 'interviewing' })]);
    dragOnto(within(column(/Interviewing/)).getByRole('listitem'), column(/Rejected/));

    const dialog = await screen.findByRole('dialog', { name: 'Record the outcome' });
    expect(within(dialog).getByRole('radio', { name: /Rejected/ })).toBeChecked();
    expect(within(dialog).getByRole('radio', { name: /Rejected/ })).toHaveFocus();
    // What it brings, on the saved settings.
    const steps = within(dialog).getByRole('list', { name: 'What this sets in motion' });
    expect(steps).toHaveTextContent('due within 48 hours');
    expect(steps).toHaveTextContent('every 30 days, twice');
    expect(steps).toHaveTextContent('thank each reference');
    expect(steps).toHaveTextContent('LinkedIn hold lifts');

    await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(column(/Interviewing/)).getByRole('link', { name: 'Engineer' })).toHaveFocus();
    expect(within(column(/Rejected/)).queryByRole('link', { name: 'Engineer' })).not.toBeInTheDocument();
    expect(screen.getByText('Engineer at Acme stays in Interviewing.')).toBeInTheDocument();
    expect(calls(invoke, 'openings.update')).toEqual([]);
    expect(calls(invoke, 'openings.recordOutcome')).toEqual([]);
  });

  it('a card dropped on Rejected and recorded drafts the reply through the outcome step and opens it', async () => {
    const { invoke } = await openBoard([summary({ stage: 'interviewing' })]);
    dragOnto(within(column(/Interviewing/)).getByRole('listitem'), column(/Rejected/));
    const dialog = await screen.findByRole('dialog', { name: 'Record the outcome' });
    const user = userEvent.setup();
    // The board has no people list of its own: the dialog loads the opening's.
    await user.selectOptions(await within(dialog).findByLabelText('Who told you? (optional)'), 'Dana Reyes · Engineering Manager');
    await user.click(within(dialog).getByRole('button', { name: 'Record outcome' }));

    await waitFor(() => expect(window.location.hash).toBe(`#/letters/${REPLY_ID}`));
    expect(calls(invoke, 'openings.recordOutcome')).toEqual([{ openingId: ID.opening, outcome: 'rejected', contactId: ID.contact }]);
    expect(calls(invoke, 'openings.update')).toEqual([]);
    expect(screen.getByRole('region', { name: 'Notifications' })).toHaveTextContent('due within 48 hours. After that, Afterview reminds you to check in every 30 days, twice.');
  });

  it('the Move menu’s Withdrawn goes through the dialog, and the card moves once it is recorded', async () => {
    const { invoke } = await openBoard([summary({ stage: 'applied' })]);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Move Engineer at Acme' }));
    await user.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Withdrawn' }));

    const dialog = await screen.findByRole('dialog', { name: 'Record the outcome' });
    expect(within(dialog).getByRole('radio', { name: /Withdrawn/ })).toBeChecked();
    expect(within(column(/Applied/)).getByRole('link', { name: 'Engineer' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Record outcome' }));

    await waitFor(() => expect(within(column(/Withdrawn/)).getByRole('link', { name: 'Engineer' })).toBeInTheDocument());
    expect(calls(invoke, 'openings.recordOutcome')).toEqual([{ openingId: ID.opening, outcome: 'withdrawn' }]);
    expect(calls(invoke, 'openings.update')).toEqual([]);
    expect(screen.getByText('Moved Engineer at Acme to Withdrawn.')).toBeInTheDocument();
  });

  it('Alt+→ from Offer into Accepted asks through the dialog; Escape keeps the card in Offer', async () => {
    const { invoke } = await openBoard([summary({ stage: 'offer' })]);
    const user = userEvent.setup();
    within(column(/Offer/)).getByRole('link', { name: 'Engineer' }).focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');

    const dialog = await screen.findByRole('dialog', { name: 'Record the outcome' });
    expect(within(dialog).getByRole('radio', { name: /Accepted/ })).toBeChecked();
    expect(within(dialog).getByRole('list', { name: 'What this sets in motion' })).not.toHaveTextContent('reply');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(column(/Offer/)).getByRole('link', { name: 'Engineer' })).toHaveFocus();
    expect(calls(invoke, 'openings.update')).toEqual([]);
    expect(calls(invoke, 'openings.recordOutcome')).toEqual([]);
  });

  it('Alt+← from Withdrawn lands on Rejected, an outcome too; into an open stage it is a plain move', async () => {
    const { invoke } = await openBoard([summary({ stage: 'interviewing' }), summary({ id: ID.opening2, role: 'Analyst', stage: 'withdrawn' })]);
    const user = userEvent.setup();
    within(column(/Withdrawn/)).getByRole('link', { name: 'Analyst' }).focus();
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    const dialog = await screen.findByRole('dialog', { name: 'Record the outcome' });
    expect(within(dialog).getByRole('radio', { name: /Rejected/ })).toBeChecked();
    await user.click(within(dialog).getByRole('radio', { name: /Dormant/ }));
    expect(within(dialog).getByRole('list', { name: 'What this sets in motion' })).toHaveTextContent('look back comes in 4 months');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    within(column(/Interviewing/)).getByRole('link', { name: 'Engineer' }).focus();
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect(calls(invoke, 'openings.update')).toEqual([{ id: ID.opening, stage: 'applied' }]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

describe('into an outcome from the opening page', () => {
  function openPage(stage: Stage = 'interviewing') {
    const fake = transport([summary({ stage })]);
    renderWithToasts(<OpeningPage id={ID.opening} />, SAVED);
    return fake;
  }

  it.each(['accepted', 'withdrawn', 'dormant'] as const)('the stage list’s %s opens the dialog; Cancel keeps the stage and sends nothing', async (stage) => {
    const { invoke } = openPage();
    const user = userEvent.setup();
    const select = await screen.findByLabelText('Stage');
    await user.selectOptions(select, stage);
    const dialog = await screen.findByRole('dialog', { name: 'Record the outcome' });
    expect(within(dialog).getByRole('radio', { checked: true })).toHaveAttribute('value', stage);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(select).toHaveDisplayValue('Interviewing');
    expect(calls(invoke, 'openings.update')).toEqual([]);
    expect(calls(invoke, 'openings.recordOutcome')).toEqual([]);
  });

  it('records the stage list’s choice through the outcome step, and a plain stage stays a plain update', async () => {
    const { invoke } = openPage();
    const user = userEvent.setup();
    const select = await screen.findByLabelText('Stage');
    await user.selectOptions(select, 'dormant');
    await user.click(within(await screen.findByRole('dialog', { name: 'Record the outcome' })).getByRole('button', { name: 'Record outcome' }));
    await waitFor(() => expect(select).toHaveDisplayValue('Dormant'));
    expect(calls(invoke, 'openings.recordOutcome')).toEqual([{ openingId: ID.opening, outcome: 'dormant' }]);

    await user.selectOptions(select, 'offer');
    await waitFor(() => expect(calls(invoke, 'openings.update')).toEqual([{ id: ID.opening, stage: 'offer' }]));
  });
});
