import { describe, expect, it, vi } from 'vitest';
import { bindIpc, isTrustedSender } from '#main/ipc';
import { createTrustedOrigins } from '#main/security';
import { CHANNELS } from '#shared/ipc/contract';

vi.mock('electron', () => ({}));

const origins = createTrustedOrigins('app://afterview');
const ourWindow = (id: number) => id === 1;
const topFrame = (url: string) => ({ url, parent: null });

describe('IPC sender check', () => {
  it('accepts only the top frame of our own window on our own origin', () => {
    expect(isTrustedSender({ senderFrame: topFrame('app://afterview/index.html'), sender: { id: 1 } } as never, origins, ourWindow)).toBe(true);
    expect(isTrustedSender({ senderFrame: topFrame('https://evil.example/'), sender: { id: 1 } } as never, origins, ourWindow)).toBe(false);
    expect(isTrustedSender({ senderFrame: topFrame('app://afterview/index.html'), sender: { id: 2 } } as never, origins, ourWindow)).toBe(false);
    const subFrame = { url: 'app://afterview/index.html', parent: topFrame('app://afterview/index.html') };
    expect(isTrustedSender({ senderFrame: subFrame, sender: { id: 1 } } as never, origins, ourWindow)).toBe(false);
    expect(isTrustedSender({ senderFrame: null, sender: { id: 1 } } as never, origins, ourWindow)).toBe(false);
  });
});

describe('bindIpc', () => {
  it('registers one handler per contract channel, each through dispatch', async () => {
    const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
    const ipcMain = { handle: vi.fn((channel: string, handler: (event: unknown, input: unknown) => unknown) => handlers.set(channel, handler)) };
    const dispatch = vi.fn().mockResolvedValue({ ok: true, value: 'done' });
    bindIpc(ipcMain as never, dispatch, () => true);
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(await handlers.get('openings.list')!({}, undefined)).toEqual({ ok: true, value: 'done' });
    expect(dispatch).toHaveBeenCalledWith('openings.list', undefined);
  });

  it('answers FORBIDDEN to an untrusted sender without reaching the core', async () => {
    const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
    const ipcMain = { handle: (channel: string, handler: (event: unknown, input: unknown) => unknown) => handlers.set(channel, handler) };
    const dispatch = vi.fn();
    bindIpc(ipcMain as never, dispatch, () => false);
    for (const channel of CHANNELS) {
      expect(await handlers.get(channel)!({}, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });
});
