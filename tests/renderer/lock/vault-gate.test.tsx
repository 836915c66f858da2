import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setTransport, type Transport } from '#renderer/api';
import { refreshLockStatus, resetLockStatusForTests, setLockStatus } from '#renderer/features/lock/lock-state';
import { VaultGate } from '#renderer/features/lock/VaultGate';
import type { VaultLockStatus } from '#shared/domain/encryption';
import type { EventName } from '#shared/ipc/contract';
import type { Envelope } from '#shared/ipc/errors';
import { fakeEvents } from '../fake-transport';

const status = (state: 'open' | 'locked', needsNewPassphrase = false): VaultLockStatus => ({ state, protection: 'passphrase', lock: { idleMinutes: 15, onSleep: true }, keychain: { available: false, reason: null }, needsNewPassphrase, rewrite: null });

/** The shell's answers, each held until the test lets it go, and its events sent by the test. */
function heldTransport(answer: (channel: string, input: unknown) => Envelope<unknown>) {
  const events = fakeEvents();
  const held: (() => void)[] = [];
  // Answered as things stand when asked, delivered when released: as a reply still on its way.
  const invoke = vi.fn((channel: string, input: unknown) => {
    const reply = answer(channel, input);
    return new Promise<Envelope<unknown>>((resolve) => held.push(() => resolve(reply)));
  });
  const transport: Transport = {
    invoke,
    on: events.on,
    ready: () => undefined,
  };
  setTransport(transport);
  return { invoke, release: () => act(async () => held.splice(0).forEach((go) => go())), emit: (name: EventName, payload: unknown) => events.emit(name, payload) };
}

afterEach(() => resetLockStatusForTests());

describe('the vault gate', () => {
  it('shows the unlock screen, not the app, while a passphrase vault is locked; a wrong passphrase is said plainly', async () => {
    let unlocked = false;
    const shell = heldTransport((channel, input) => {
      if (channel === 'vault.unlock') {
        if ((input as { secret: string }).secret !== 'plum tractor orbit') return { ok: false, error: { code: 'INVALID_INPUT', message: 'That passphrase does not open this vault.', field: 'secret' } };
        unlocked = true;
      }
      return { ok: true, value: status(unlocked ? 'open' : 'locked') };
    });
    render(
      <VaultGate>
        <p>The pipeline</p>
      </VaultGate>,
    );
    await shell.release();
    expect(screen.getByRole('heading', { name: 'Your vault is locked' })).toBeInTheDocument();
    expect(screen.queryByText('The pipeline')).toBeNull();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Passphrase'), 'plum tractor');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await shell.release();
    expect(screen.getByText('That passphrase does not open this vault.')).toBeInTheDocument();
    expect(screen.queryByText('The pipeline')).toBeNull();
    await user.type(screen.getByLabelText('Passphrase'), ' orbit');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await shell.release();
    expect(screen.getByText('The pipeline')).toBeVisible();
  });

  it('hides the app, still mounted, when the vault locks; a status asked before the lock cannot show it again', async () => {
    let current: 'open' | 'locked' = 'open';
    const shell = heldTransport(() => ({ ok: true, value: status(current) }));
    render(
      <VaultGate>
        <p>The pipeline</p>
      </VaultGate>,
    );
    await shell.release();
    expect(screen.getByText('The pipeline')).toBeVisible();
    // A refresh goes out while the vault is open; then it locks, and the lock's answer lands first.
    const stale = refreshLockStatus();
    current = 'locked';
    act(() => setLockStatus(status('locked')));
    await shell.release();
    await stale;
    expect(screen.getByRole('heading', { name: 'Your vault is locked' })).toBeInTheDocument();
    expect(screen.getByText('The pipeline')).not.toBeVisible();
  });

  it('after the recovery key, asks for a new passphrase typed twice before the app shows, with no way past it but choosing one', async () => {
    let unlockedWith: 'passphrase' | 'recovery' | null = null;
    let chosen: string | null = null;
    const shell = heldTransport((channel, input) => {
      if (channel === 'vault.unlock') unlockedWith = (input as { kind: 'passphrase' | 'recovery' }).kind;
      if (channel === 'vault.setNewPassphrase') chosen = (input as { next: string }).next;
      return { ok: true, value: status(unlockedWith ? 'open' : 'locked', unlockedWith === 'recovery' && chosen === null) };
    });
    render(
      <VaultGate>
        <p>The pipeline</p>
      </VaultGate>,
    );
    await shell.release();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Forgot it? Use your recovery key' }));
    await user.type(screen.getByLabelText('Recovery key'), '7K3M-XQ2D-7K3M-XQ2D-7K3M-XQ2D-7K3M-XQ2D');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await shell.release();
    expect(screen.getByRole('heading', { name: 'Choose a new passphrase' })).toBeInTheDocument();
    expect(screen.getByText('The pipeline')).not.toBeVisible();
    expect(screen.getByLabelText('New passphrase')).toHaveFocus();
    // Escape does not put it away, and it checks what is typed as the setup does.
    await user.keyboard('{Escape}');
    expect(screen.getByRole('heading', { name: 'Choose a new passphrase' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('New passphrase'), 'short');
    await user.click(screen.getByRole('button', { name: 'Save passphrase' }));
    expect(screen.getByText(/at least 8 characters/)).toBeInTheDocument();
    await user.clear(screen.getByLabelText('New passphrase'));
    await user.type(screen.getByLabelText('New passphrase'), 'quiet harbour under snow');
    await user.type(screen.getByLabelText('New passphrase again'), 'quiet harbour under sun');
    await user.click(screen.getByRole('button', { name: 'Save passphrase' }));
    expect(screen.getByText('The two passphrases are not the same. Type it again.')).toBeInTheDocument();
    expect(shell.invoke.mock.calls.some(([channel]) => channel === 'vault.setNewPassphrase')).toBe(false);
    await user.clear(screen.getByLabelText('New passphrase again'));
    await user.type(screen.getByLabelText('New passphrase again'), 'quiet harbour under snow');
    await user.click(screen.getByRole('button', { name: 'Save passphrase' }));
    await shell.release();
    expect(chosen).toBe('quiet harbour under snow');
    expect(screen.queryByRole('heading', { name: 'Choose a new passphrase' })).toBeNull();
    expect(screen.getByText('The pipeline')).toBeVisible();
  });
});
