import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, setTransport, type Transport } from '#renderer/api';
import { installFlushPoints } from '#renderer/editor/flush-points';
import { flushAll, registerFlush } from '#renderer/editor/flush-registry';

/** A flush the test finishes by hand. */
function pendingFlush() {
  let finish!: () => void;
  const flush = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
  return { flush, finish: () => finish() };
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  vi.unstubAllGlobals();
  document.head.querySelector('meta[name="afterview-preview-token"]')?.remove();
});

describe('flush registry', () => {
  it('waits for every registered editor, or only those of one note', async () => {
    const a = pendingFlush();
    const b = pendingFlush();
    cleanups.push(registerFlush('note-a', a.flush), registerFlush('note-b', b.flush));
    let onlyA = false;
    void flushAll('note-a').then(() => (onlyA = true));
    expect(b.flush).not.toHaveBeenCalled();
    a.finish();
    await vi.waitFor(() => expect(onlyA).toBe(true));

    let all = false;
    void flushAll().then(() => (all = true));
    a.finish();
    await Promise.resolve();
    expect(all).toBe(false);
    b.finish();
    await vi.waitFor(() => expect(all).toBe(true));
  });
});

describe('flush points', () => {
  function shellTransport() {
    const listeners = new Map<string, (payload: unknown) => void>();
    const transport: Transport = {
      invoke: vi.fn(),
      on: (name, listener) => {
        listeners.set(name, listener);
        return () => listeners.delete(name);
      },
      ready: () => undefined,
      flushed: vi.fn(),
    };
    setTransport(transport);
    return { transport, emit: (name: string, payload: unknown) => listeners.get(name)?.(payload) };
  }

  it('answers the shell’s flush request only after every editor has saved', async () => {
    const { transport, emit } = shellTransport();
    const editor = pendingFlush();
    cleanups.push(registerFlush('note', editor.flush), installFlushPoints());

    emit('app.flushRequested', { requestId: 7 });
    expect(editor.flush).toHaveBeenCalledOnce();
    await Promise.resolve();
    expect(transport.flushed).not.toHaveBeenCalled();
    editor.finish();
    await vi.waitFor(() => expect(transport.flushed).toHaveBeenCalledWith(7));
  });

  it('saves when the page is hidden or going away', () => {
    shellTransport();
    const editor = pendingFlush();
    cleanups.push(registerFlush('note', editor.flush), installFlushPoints());

    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    cleanups.push(() => Reflect.deleteProperty(document, 'visibilityState'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(editor.flush).toHaveBeenCalledTimes(1);

    window.dispatchEvent(new Event('pagehide'));
    expect(editor.flush).toHaveBeenCalledTimes(2);
  });
});

describe('browser preview transport', () => {
  function previewPage() {
    setTransport(undefined);
    const meta = document.createElement('meta');
    meta.name = 'afterview-preview-token';
    meta.content = 'secret';
    document.head.append(meta);
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify({ ok: true, value: { id: 'n', revision: 2, updatedAt: 'now' } }), { headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    return fetch;
  }
  const save = (text: string) => call('notes.save', { id: 'n', title: 'T', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } });

  it('sends saves with keepalive, so one started as the tab closes still arrives', async () => {
    const fetch = previewPage();
    await save('short');
    expect(fetch).toHaveBeenCalledWith('/api/notes.save', expect.objectContaining({ method: 'POST', keepalive: true }));
  });

  it('sends a body too large for keepalive normally, and falls back when the keepalive budget is spent', async () => {
    const fetch = previewPage();
    await save('x'.repeat(70_000));
    expect(fetch).toHaveBeenLastCalledWith('/api/notes.save', expect.objectContaining({ keepalive: false }));

    fetch.mockImplementationOnce(() => Promise.reject(new TypeError('keepalive quota exceeded')));
    await expect(save('small')).resolves.toEqual({ id: 'n', revision: 2, updatedAt: 'now' });
    expect(fetch.mock.calls.slice(-2).map(([, init]) => init?.keepalive)).toEqual([true, false]);
  });
});
