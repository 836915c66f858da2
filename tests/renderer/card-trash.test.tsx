import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTransport } from '#renderer/api';
import { ContactPage } from '#renderer/features/contacts/ContactPage';
import { TrashPage } from '#renderer/features/trash/TrashPage';
import { coreHarness, IMAGES, type CoreHarness } from '#support/core-harness';
import { renderWithToasts } from './fixtures';

/** The contact page and the trash over the real core: what the user does to a card photo is what the vault holds. */
let core: CoreHarness;
beforeEach(() => {
  core = coreHarness('2026-03-10T09:00:00.000Z');
  setTransport({
    invoke: async (channel, input) => core.dispatch(channel, input === undefined ? undefined : JSON.parse(JSON.stringify(input))),
    on: () => () => undefined,
    ready: () => undefined,
  });
});
afterEach(() => core.cleanup());

describe('a deleted card photo', () => {
  it('goes to the trash, as the confirmation says, and comes back from there with its photo', async () => {
    const contact = await core.call('contacts.create', { name: 'Ana Lima' });
    const card = await core.call('cards.add', { contactId: contact.id, fileName: 'ana-card.png', mimeType: 'image/png', dataBase64: IMAGES.png });
    const user = userEvent.setup();
    const page = renderWithToasts(<ContactPage id={contact.id} />);
    await user.click(await screen.findByRole('button', { name: 'Delete card photo ana-card.png' }));
    const confirm = screen.getByRole('dialog', { name: 'Delete this card photo?' });
    expect(confirm).toHaveTextContent('It goes to the trash, where you can restore it until you empty the trash.');
    await user.click(within(confirm).getByRole('button', { name: 'Delete photo' }));
    await screen.findByText('Card photo moved to the trash.');
    await waitFor(() => expect(screen.queryByRole('img', { name: /Business card of Ana Lima/ })).not.toBeInTheDocument());
    expect(existsSync(join(core.vault.attachmentsDir, `${card.id}.png`))).toBe(true);
    page.unmount();

    renderWithToasts(<TrashPage />);
    const group = await screen.findByRole('region', { name: /Business card photos/ });
    expect(within(group).getByText('ana-card.png')).toBeInTheDocument();
    expect(within(group).getByText('Ana Lima')).toBeInTheDocument();
    await user.click(within(group).getByRole('button', { name: 'Restore ana-card.png' }));
    await screen.findByText('“ana-card.png” is back.');
    expect((await core.call('contacts.get', { id: contact.id })).cards.map((each) => each.id)).toEqual([card.id]);
    expect((await core.call('cards.read', { id: card.id })).dataBase64).toBe(IMAGES.png);
  });
});
