import { useEffect, useRef } from 'react';
import { onEvent } from '#renderer/api';

/** Reload every minute even when nothing says so: items come due by the clock alone. */
export const AGENDA_REFRESH_MS = 60_000;

const listeners = new Set<() => void>();

/** This window changed a reminder (done, snoozed, reopened): every view of the agenda reloads. */
export function notifyAgendaChanged(): void {
  for (const listener of [...listeners]) listener();
}

/**
 * Calls `reload` when the agenda may have changed: the core says so
 * (reminders.changed), this window changed it, the window regains focus, and
 * once a minute.
 */
export function useAgendaRefresh(reload: () => void): void {
  const latest = useRef(reload);
  useEffect(() => {
    latest.current = reload;
  }, [reload]);

  useEffect(() => {
    const run = () => latest.current();
    listeners.add(run);
    window.addEventListener('focus', run);
    const timer = setInterval(run, AGENDA_REFRESH_MS);
    let unsubscribe: () => void = () => undefined;
    try {
      unsubscribe = onEvent('reminders.changed', run);
    } catch {
      // No way to hear the core (no transport yet): the minute timer and focus still refresh.
    }
    return () => {
      listeners.delete(run);
      window.removeEventListener('focus', run);
      clearInterval(timer);
      unsubscribe();
    };
  }, []);
}
