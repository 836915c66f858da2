import { useSyncExternalStore } from 'react';
import type { VaultLockStatus } from '#shared/domain/encryption';
import { call, onEvent } from '#renderer/api';
import { messageOf } from '#renderer/ui/message-of';

/**
 * The vault's lock as the page knows it: fetched at start, and again when
 * the shell says it locked, unlocked or was opened under a new protection.
 * One store for the gate and the Settings section, so both agree.
 */
let status: VaultLockStatus | null = null;
let failure: string | null = null;
/** Whether the vault has been open on this page: the app is mounted from then on, hidden while locked. */
let everOpen = false;
const listeners = new Set<() => void>();
let started = false;

function publish(next: VaultLockStatus | null, error: string | null = null) {
  status = next;
  failure = error;
  if (next?.state === 'open') everOpen = true;
  for (const listener of listeners) listener();
}

/**
 * Every answer is numbered by when it was asked: an answer asked before a
 * newer one was applied is stale (a refresh sent just before "Lock now" must
 * not bring back the open app after it) and is dropped.
 */
let asked = 0;
let applied = 0;

export function refreshLockStatus(): Promise<void> {
  const id = ++asked;
  return call('vault.lockStatus').then(
    (next) => {
      if (id < applied) return;
      applied = id;
      publish(next);
    },
    (error: unknown) => {
      if (id >= applied) publish(status, messageOf(error));
    },
  );
}

/** Sets what a call answered at once, without asking again; refreshes asked before it are stale. */
export function setLockStatus(next: VaultLockStatus): void {
  applied = ++asked;
  publish(next);
}

function subscribe(listener: () => void): () => void {
  if (!started) {
    started = true;
    void refreshLockStatus();
    onEvent('vault.lockChanged', () => void refreshLockStatus());
    onEvent('vault.reopened', () => void refreshLockStatus());
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLockStatus(): { status: VaultLockStatus | null; error: string | null; everOpen: boolean } {
  const current = useSyncExternalStore(subscribe, () => status);
  const error = useSyncExternalStore(subscribe, () => failure);
  const opened = useSyncExternalStore(subscribe, () => everOpen);
  return { status: current, error, everOpen: opened };
}

/** Only tests start over. */
export function resetLockStatusForTests(): void {
  status = null;
  failure = null;
  everOpen = false;
  started = false;
  listeners.clear();
}
