import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

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
