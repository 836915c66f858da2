import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { setTransport, type Transport } from '#renderer/api';
import { resetLockStatusForTests } from '#renderer/features/lock/lock-state';
import { EncryptionSection } from '#renderer/features/settings/EncryptionSection';
import type { VaultLockStatus } from '#shared/domain/encryption';
import type { Envelope } from '#shared/ipc/errors';
import { fakeEvents } from '../fake-transport';

const plain: VaultLockStatus = { state: 'open', protection: 'none', lock: { idleMinutes: 15, onSleep: true }, keychain: { available: false, reason: null }, needsNewPassphrase: false, rewrite: null };

afterEach(() => resetLockStatusForTests());

describe('Settings while the vault is written again under its new encryption', () => {
  it('says how far the rewrite is, step by step, and puts the progress away when it is done', async () => {
    const events = fakeEvents();
    let finish: (reply: Envelope<unknown>) => void = () => undefined;
    const transport: Transport = {
      invoke: (channel) => {
        if (channel === 'encryption.turnOn') return new Promise((resolve) => (finish = resolve));
        return Promise.resolve({ ok: true, value: plain });
      },
      on: events.on,
      ready: () => undefined,
    };
    setTransport(transport);
    render(<EncryptionSection />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Encrypt with a passphrase…' }));
    await user.type(screen.getByLabelText('New passphrase'), 'quiet harbour under snow');
    await user.type(screen.getByLabelText('New passphrase again'), 'quiet harbour under snow');
    await user.click(screen.getByRole('button', { name: 'Encrypt my vault' }));
    // The passphrase is being made into a key: nothing written yet, nothing to say.
    expect(screen.queryByRole('progressbar', { name: 'Rewriting the vault' })).toBeNull();

    events.emit('vault.rewriteProgress', { step: 'database', done: 0, total: 1 });
    expect(screen.getByText('Writing your vault again under its new protection…')).toBeInTheDocument();
    const bar = screen.getByRole('progressbar', { name: 'Rewriting the vault' });
    expect(bar).toHaveAttribute('value', '1');
    events.emit('vault.rewriteProgress', { step: 'backups', done: 2, total: 4 });
    expect(screen.getByText('Writing your backups again (2 of 4)…')).toBeInTheDocument();
    expect(bar).toHaveAttribute('value', '3.5');

    await act(async () => finish({ ok: true, value: { recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' } }));
    expect(await screen.findByTestId('recovery-key')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar', { name: 'Rewriting the vault' })).toBeNull();
  });
});
