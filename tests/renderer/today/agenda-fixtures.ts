import { DEFAULT_SETTINGS } from '#shared/domain/settings';
import { vi } from 'vitest';
import type { Transport } from '#renderer/api';
import type { Agenda, ReminderView } from '#shared/domain/reminder';
import type { Envelope } from '#shared/ipc/errors';
import { ID } from '../fixtures';

const HOUR = 3_600_000;
export const at = (offsetHours: number) => new Date(Date.now() + offsetHours * HOUR).toISOString();

export function reminder(overrides: Partial<ReminderView> = {}): ReminderView {
  return {
    key: 'thank_you:letter-1',
    kind: 'thank_you',
    title: 'Thank Dana Reyes',
    detail: 'Engineer at Acme · round 1',
    dueAt: at(-2),
    deadlineAt: at(21),
    alerts: [],
    openingId: ID.opening,
    target: { kind: 'letter', id: ID.note },
    channel: 'email',
    status: 'open',
    snoozedUntil: null,
    ...overrides,
  };
}

export function agenda(groups: Partial<Omit<Agenda, 'now'>>): Agenda {
  return { overdue: [], today: [], week: [], more: 0, now: new Date().toISOString(), ...groups };
}

type Reply = (input: unknown) => Envelope<unknown>;

/** A transport whose agenda the test controls, and whose events the test can send. */
export function agendaTransport(initial: Agenda, replies: Record<string, Reply> = {}) {
  let current = initial;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const invoke = vi.fn(async (channel: string, input: unknown): Promise<Envelope<unknown>> => {
    if (channel === 'reminders.agenda') return { ok: true, value: current };
    const reply = replies[channel] ?? (channel === 'settings.get' ? () => ({ ok: true as const, value: DEFAULT_SETTINGS }) : undefined);
    if (!reply) throw new Error(`no fake reply for ${channel}`);
    return reply(input);
  });
  const transport: Transport = {
    invoke,
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      return () => set.delete(listener);
    },
    ready: () => undefined,
  };
  return {
    transport,
    invoke,
    setAgenda(next: Agenda) {
      current = next;
    },
    emit(name: string, payload: unknown = {}) {
      for (const listener of listeners.get(name) ?? []) listener(payload);
    },
    agendaCalls: () => invoke.mock.calls.filter(([channel]) => channel === 'reminders.agenda').length,
  };
}

/** Every item without the one with `key`: what the core answers after done, dismiss or snooze. */
export function without(source: Agenda, key: string): Agenda {
  return {
    ...source,
    overdue: source.overdue.filter((item) => item.key !== key),
    today: source.today.filter((item) => item.key !== key),
    week: source.week.filter((item) => item.key !== key),
  };
}
