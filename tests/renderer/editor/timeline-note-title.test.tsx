import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setTransport } from '#renderer/api';
import { OpeningPage } from '#renderer/features/opening/OpeningPage';
import { ok, opening, renderWithToasts } from '../fixtures';
import { note, noteVault, OPENING_ID } from './note-vault';

describe('the opening’s timeline and its notes', () => {
  it('shows a note’s new title once it is saved, without reloading the page', async () => {
    const phone = note({ title: 'Phone screen', updatedAt: '2026-03-02T10:00:00.000Z' });
    const vault = noteVault([phone], {
      'openings.get': () =>
        ok({
          opening: opening({ id: OPENING_ID }),
          interviews: [],
          contacts: [],
          notes: [{ id: phone.id, parentType: 'opening', parentId: OPENING_ID, title: phone.title, excerpt: '', createdAt: phone.createdAt, updatedAt: phone.updatedAt }],
          posting: null,
        }),
      'letters.list': () => ok([]),
      'references.list': () => ok([]),
    });
    setTransport(vault.transport);
    const user = userEvent.setup();
    renderWithToasts(<OpeningPage id={OPENING_ID} />);

    const timeline = () => screen.getByRole('region', { name: 'Timeline' });
    await user.click(await within(await screen.findByRole('region', { name: 'Timeline' })).findByRole('button', { name: 'Phone screen' }));
    const title = await screen.findByLabelText('Note title');
    await user.clear(title);
    await user.type(title, 'Recruiter call');
    await waitFor(() => expect(vault.notes.get(phone.id)!.title).toBe('Recruiter call'));

    await waitFor(() => expect(within(timeline()).getByRole('button', { name: 'Recruiter call' })).toBeInTheDocument());
    expect(within(timeline()).queryByRole('button', { name: 'Phone screen' })).not.toBeInTheDocument();
    // Loaded once: the page did not reload to learn the title.
    expect(vault.invoke.mock.calls.filter(([channel]) => channel === 'openings.get')).toHaveLength(1);
  });
});
