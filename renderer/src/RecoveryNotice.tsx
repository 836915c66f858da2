import { useEffect } from 'react';
import type { EventPayload } from '#shared/ipc/contract';
import { onEvent } from './api';
import { useToast } from './ui/toast';

type Reason = EventPayload<'app.recovered'>['reason'];

const MESSAGES: Record<Reason, string> = {
  crashed: 'The window stopped unexpectedly and was reopened where you were. Your saved work is all here.',
  unresponsive: 'The window stopped responding and was reloaded where you were. Your saved work is all here.',
};

let pending: Reason | null = null;
const shows = new Set<() => void>();

/**
 * Listens from before the page says it is ready: the shell sends the event
 * at that moment, before React has mounted anything that could listen, so
 * the reason is held here until RecoveryNotice shows it.
 */
export function installRecoveryListener(): () => void {
  return onEvent('app.recovered', ({ reason }) => {
    pending = reason;
    shows.forEach((show) => show());
  });
}

/** After the desktop shell reloads a crashed or hung page, says what happened (the new page remembers nothing of it). */
export function RecoveryNotice() {
  // show is stable (a useCallback in ToastProvider): subscribing once is enough.
  const { show: showToast } = useToast();
  useEffect(() => {
    const show = () => {
      if (!pending) return;
      showToast(MESSAGES[pending]);
      pending = null;
    };
    show();
    shows.add(show);
    return () => {
      shows.delete(show);
    };
  }, [showToast]);
  return null;
}
