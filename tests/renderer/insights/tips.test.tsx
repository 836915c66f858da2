import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setTransport } from '#renderer/api';
import { SettingsPage } from '#renderer/features/settings/SettingsPage';
import { Tip } from '#renderer/ui/Tip';
import { DEFAULT_SETTINGS } from '#shared/domain/settings';
import type { TipId } from '#shared/domain/tips';
import { fakeTransport } from '../fake-transport';
import { ok, renderWithToasts } from '../screen-fixtures';

/** A vault that remembers dismissals across renders, as the core does. */
function tipsVault(initial: TipId[] = []) {
  let dismissed = [...initial];
  return fakeTransport({
    'tips.get': () => ok({ dismissed }),
    'tips.dismiss': (input) => {
      const { id } = input as { id: TipId };
      if (!dismissed.includes(id)) dismissed = [...dismissed, id];
      return ok({ dismissed });
    },
    'tips.reset': () => {
      dismissed = [];
      return ok({ dismissed });
    },
    'settings.get': () => ok(DEFAULT_SETTINGS),
  });
}

describe('Tips', () => {
  it('explains, and once dismissed stays dismissed on the next visit', async () => {
    const vault = tipsVault();
    setTransport(vault.transport);
    const first = render(<Tip id="thank_within_a_day" />);
    expect(await screen.findByRole('complementary', { name: /Why thank them within a day/ })).toHaveTextContent(/still comparing people/);
    await userEvent.click(screen.getByRole('button', { name: 'Got it' }));
    expect(vault.invoke).toHaveBeenCalledWith('tips.dismiss', { id: 'thank_within_a_day' });
    expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
    first.unmount();

    render(
      <>
        <Tip id="ask_references_first" />
        <Tip id="thank_within_a_day" />
      </>,
    );
    // Another tip, loaded alongside, is unaffected; the dismissed one stays away.
    expect(await screen.findByRole('complementary', { name: /Ask before you give their name/ })).toBeInTheDocument();
    expect(screen.getAllByRole('complementary')).toHaveLength(1);
  });

  it('comes back after "Show tips again" in Settings', async () => {
    const vault = tipsVault(['when_to_move_on', 'linkedin_after_process']);
    setTransport(vault.transport);
    const settings = renderWithToasts(<SettingsPage />);
    expect(await screen.findByText('2 tips are put away.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show tips again' }));
    expect(await screen.findByText('Every tip shows where it applies.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show tips again' })).toBeDisabled();
    settings.unmount();

    render(<Tip id="when_to_move_on" />);
    expect(await screen.findByRole('complementary', { name: /When to move on/ })).toBeInTheDocument();
  });

  it('keeps the tip up, and says so, when the dismissal cannot be saved', async () => {
    setTransport(fakeTransport({ 'tips.get': () => ok({ dismissed: [] }), 'tips.dismiss': () => ({ ok: false, error: { code: 'VAULT_UNAVAILABLE', message: 'The disk is full.' } }) }).transport);
    render(<Tip id="ask_references_first" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Got it' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The disk is full.');
    expect(screen.getByRole('complementary')).toBeInTheDocument();
  });
});
