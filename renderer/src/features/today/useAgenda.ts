import { useCallback, useEffect, useRef, useState } from 'react';
import type { Agenda } from '#shared/domain/reminder';
import { call } from '#renderer/api';
import { messageOf } from '#renderer/ui/message-of';
import { useAgendaRefresh } from './refresh';

export interface AgendaState {
  agenda: Agenda | undefined;
  error: string | undefined;
  reload(): void;
  /** Takes an item off the screen at once, before the core confirms; the next load tells the truth. */
  removeLocally(key: string): void;
}

/** The agenda, kept fresh; only the answer to the latest request is shown. */
export function useAgenda(): AgendaState {
  const [agenda, setAgenda] = useState<Agenda>();
  const [error, setError] = useState<string>();
  const latest = useRef(0);
  const mounted = useRef(true);

  const reload = useCallback(() => {
    const request = ++latest.current;
    call('reminders.agenda').then(
      (next) => {
        if (!mounted.current || request !== latest.current) return;
        setAgenda(next);
        setError(undefined);
      },
      (caught: unknown) => {
        if (mounted.current && request === latest.current) setError(messageOf(caught));
      },
    );
  }, []);

  useEffect(() => {
    mounted.current = true;
    reload();
    return () => {
      mounted.current = false;
    };
  }, [reload]);
  useAgendaRefresh(reload);

  const removeLocally = useCallback((key: string) => {
    // An answer already on its way predates the change: let it not put the item back.
    latest.current++;
    setAgenda((current) =>
      current && {
        ...current,
        overdue: current.overdue.filter((item) => item.key !== key),
        today: current.today.filter((item) => item.key !== key),
        week: current.week.filter((item) => item.key !== key),
      },
    );
  }, []);

  return { agenda, error, reload, removeLocally };
}

/**
 * How many things need doing now (overdue and due today); undefined until
 * known. The agenda lists only the soonest items; when none of this week's
 * made the list, more may be due today than are listed, and the count is a
 * floor (`atLeast`).
 */
export function useDueCount(): { count: number; atLeast: boolean } | undefined {
  const { agenda } = useAgenda();
  if (!agenda) return undefined;
  return { count: agenda.overdue.length + agenda.today.length, atLeast: agenda.more > 0 && agenda.week.length === 0 };
}
