import { act } from '@testing-library/react';
import { vi } from 'vitest';
import type { Transport } from '#renderer/api';
import { checkExternalLink } from '#shared/domain/links';
import { DEFAULT_SETTINGS } from '#shared/domain/settings';
import type { Envelope } from '#shared/ipc/errors';

type Reply = (input: unknown) => Envelope<unknown>;

/** Panels that load on their own (the touchpoint log, the timeline chart, tips) answer empty unless a test says otherwise. */
const DEFAULT_REPLIES: Record<string, Reply> = {
  'touchpoints.list': () => ({ ok: true, value: [] }),
  'insights.timeline': () => ({ ok: true, value: { events: [] } }),
  'tips.get': () => ({ ok: true, value: { dismissed: [] } }),
  // The shell asks these on start: the saved theme and whether the sample banner shows.
  'settings.get': () => ({ ok: true, value: DEFAULT_SETTINGS }),
  'sample.get': () => ({ ok: true, value: { rows: 0 } }),
  // Settings' own addresses and mailbox: none set, no mailbox connected.
  'capture.settings': () => ({ ok: true, value: { ownAddresses: [], mailbox: null } }),
  'capture.offers': () => ({ ok: true, value: [] }),
  'mailbox.status': () => ({ ok: true, value: { account: null, passwordSaved: false, passwordStore: 'session', state: 'idle', progress: null, lastResult: null, invitesWaiting: 0 } }),
  // The core's answer: the real link policy, and the link as it would leave.
  'shell.openExternal': (input) => {
    const check = checkExternalLink((input as { url: string }).url);
    return check.ok ? { ok: true, value: { url: check.url } } : { ok: false, error: { code: 'INVALID_INPUT', message: check.reason, field: 'url' } };
  },
};

/** A transport answering from a table of channel → reply, recording every call. */
export function fakeTransport(replies: Record<string, Reply>) {
  const invoke = vi.fn(async (channel: string, input: unknown) => {
    const reply = replies[channel] ?? DEFAULT_REPLIES[channel];
    if (!reply) throw new Error(`no fake reply for ${channel}`);
    return reply(input);
  });
  const transport: Transport = { invoke, on: () => () => undefined, ready: () => undefined };
  return { transport, invoke };
}

/** The events side of a fake transport: `on` for the transport, `emit` to deliver one as the shell would (inside act), `listening` to count listeners. */
export function fakeEvents() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const on: Transport['on'] = (name, listener) => {
    const set = listeners.get(name) ?? new Set();
    set.add(listener as (payload: unknown) => void);
    listeners.set(name, set);
    return () => set.delete(listener as (payload: unknown) => void);
  };
  const emit = (name: string, payload: unknown) => act(() => listeners.get(name)?.forEach((listener) => listener(payload)));
  return { on, emit, listening: (name: string) => listeners.get(name)?.size ?? 0 };
}
