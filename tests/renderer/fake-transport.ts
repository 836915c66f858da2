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
