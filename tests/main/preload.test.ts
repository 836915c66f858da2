import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '#shared/ipc/contract';

// A stand-in for the two pieces of electron the preload uses: what it exposes, and what it invokes.
const exposed = vi.hoisted(() => ({ api: undefined as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>>> }));
const invoke = vi.hoisted(() => vi.fn(async (channel: string) => channel));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (_key: string, api: typeof exposed.api) => (exposed.api = api) },
  ipcRenderer: { invoke, on: vi.fn(), send: vi.fn() },
}));

describe('the preload api', () => {
  beforeEach(async () => {
    vi.resetModules();
    invoke.mockClear();
    await import('../../electron/preload/index');
  });

  it('gives every channel its own function, three-part names included', () => {
    const functions = Object.entries(exposed.api)
      .filter(([namespace]) => namespace !== 'events')
      .flatMap(([, actions]) => Object.values(actions));
    expect(functions).toHaveLength(CHANNELS.length);
  });

  it('sends each call on its own channel, so a reference brief is read, not exported', async () => {
    const channels = ['references.brief.get', 'references.brief.export', 'references.get'] as const;
    for (const channel of channels) {
      const [namespace, ...action] = channel.split('.');
      await exposed.api[namespace!]![action.join('.')]!({});
    }
    expect(invoke.mock.calls.map(([channel]) => channel)).toEqual(channels);
  });
});
