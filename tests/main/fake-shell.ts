import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import { CloseGuard } from '#main/close-guard';
import { EventBridge, EVENT_CHANNEL } from '#main/event-bridge';

/** A stand-in BrowserWindow: close() emits a preventable 'close', then 'closed' unless prevented. */
export class FakeWindow extends EventEmitter {
  destroyed = false;
  close = vi.fn(() => {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.destroyed = true;
    this.emit('closed');
  });
  isDestroyed() {
    return this.destroyed;
  }
}

/** A stand-in app: quit() emits a preventable 'before-quit', then closes the window as Electron does. */
export class FakeApp extends EventEmitter {
  quitted = false;
  constructor(private readonly windows: FakeWindow[]) {
    super();
  }
  quit = vi.fn(() => {
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    for (const window of this.windows) if (!window.isDestroyed()) window.close();
    this.quitted = this.windows.every((window) => window.isDestroyed());
  });
}

/**
 * A close guard over a stand-in window, with a page behind the event bridge
 * (listening, or still loading); `requests` lists the flushes asked of it.
 */
export function guardedWindow({ ready = true } = {}) {
  const page = { isDestroyed: () => false, send: vi.fn() };
  const bridge = new EventBridge();
  bridge.attach(page);
  if (ready) bridge.markReady();
  const guard = new CloseGuard(bridge);
  const window = new FakeWindow();
  guard.attach(window);
  const requests = () => page.send.mock.calls.filter(([channel, message]) => channel === EVENT_CHANNEL && message.name === 'app.flushRequested').map(([, message]) => message.payload.requestId as number);
  return { guard, window, page, requests };
}
