import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { setTransport } from '#renderer/api';
import { OpeningPage } from '#renderer/features/opening/OpeningPage';
import type { OpeningDetail } from '#shared/ipc/channels/openings';
import { fakeTransport } from '../fake-transport';
import { ids, inputsOf, makeContact, makeOpening, ok, renderWithToasts } from '../screen-fixtures';
import { letterIds, makeLetterSummary } from './letter-fixtures';

function detail(): OpeningDetail {
  return {
    opening: makeOpening({ role: 'Senior Data Analyst', companyName: 'Northwind' }),
    interviews: [],
    contacts: [makeContact({ name: 'Ana Ruiz', title: 'Head of Analytics' }), makeContact({ id: ids.ben, name: 'Ben Ortiz', title: 'Recruiter' })],
    notes: [],
    posting: null,
  };
}

function setup(outcomeLetter: string | null) {
  const fake = fakeTransport({
    'openings.get': () => ok(detail()),
    'letters.list': () => ok([makeLetterSummary()]),
    'openings.recordOutcome': (input) => ok({ opening: makeOpening({ stage: (input as { outcome: 'rejected' | 'offer' }).outcome }), letterId: outcomeLetter }),
  });
  setTransport(fake.transport);
  const user = userEvent.setup();
  renderWithToasts(<OpeningPage id={ids.opening} />);
  return { ...fake, user };
}

afterEach(() => {
  window.location.hash = '';
});

describe('Recording an outcome', () => {
  it('lists the opening’s letters with their countdowns', async () => {
    setup(null);
    const list = await screen.findByRole('list', { name: 'Letters' });
    expect(within(list).getByRole('listitem')).toHaveTextContent(/Ana Ruiz.*Thank-you note.*Draft/);
  });

  it('records a rejection with who told you, then goes straight to the reply with a word on staying in touch', async () => {
    const { user, invoke } = setup(letterIds.reply);
    await user.click(await screen.findByRole('button', { name: 'Record outcome…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record the outcome' });
    expect(within(dialog).getAllByRole('radio').map((radio) => radio.closest('label')?.querySelector('.outcome-name')?.textContent)).toEqual(['Offer', 'Accepted', 'Rejected', 'Withdrawn', 'Dormant']);
    expect(within(dialog).getByRole('radio', { name: /Rejected/ })).toHaveAccessibleDescription('They chose someone else.');
    expect(within(dialog).queryByLabelText(/Who told you/)).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('radio', { name: /Rejected/ }));
    // Once chosen, it says what it sets in motion.
    expect(within(dialog).getByRole('radio', { name: /Rejected/ })).toHaveAccessibleDescription(/gracious reply to write, due within 24 hours/);
    await user.selectOptions(within(dialog).getByLabelText('Who told you? (optional)'), 'Ben Ortiz · Recruiter');
    await user.click(within(dialog).getByRole('button', { name: 'Record outcome' }));

    await waitFor(() => expect(window.location.hash).toBe(`#/letters/${letterIds.reply}`));
    expect(inputsOf(invoke, 'openings.recordOutcome')).toEqual([{ openingId: ids.opening, outcome: 'rejected', contactId: ids.ben }]);
    expect(screen.getByRole('region', { name: 'Notifications' })).toHaveTextContent(/reply is ready for you to write.*every 90 days, 3 times/);
  });

  it('turns picking Rejected in the stage list into the outcome dialog, so the reply is drafted', async () => {
    const { user, invoke } = setup(letterIds.reply);
    await user.selectOptions(await screen.findByLabelText('Stage'), 'rejected');
    const dialog = await screen.findByRole('dialog', { name: 'Record the outcome' });
    expect(within(dialog).getByRole('radio', { name: /Rejected/ })).toBeChecked();
    expect(inputsOf(invoke, 'openings.update')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Record outcome' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/letters/${letterIds.reply}`));
    expect(inputsOf(invoke, 'openings.recordOutcome')).toEqual([{ openingId: ids.opening, outcome: 'rejected' }]);
  });

  it('records an offer without asking who, and stays on the opening', async () => {
    const { user, invoke } = setup(null);
    await user.click(await screen.findByRole('button', { name: 'Record outcome…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record the outcome' });
    await user.click(within(dialog).getByRole('button', { name: 'Record outcome' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Choose how it ended.');
    await user.click(within(dialog).getByRole('radio', { name: /Offer/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Record outcome' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Record the outcome' })).not.toBeInTheDocument());
    expect(inputsOf(invoke, 'openings.recordOutcome')).toEqual([{ openingId: ids.opening, outcome: 'offer' }]);
    expect(screen.getByLabelText('Stage')).toHaveDisplayValue('Offer');
    expect(window.location.hash).toBe('');
  });
});
