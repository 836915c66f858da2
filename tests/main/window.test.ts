import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: FakeWindow[] = [];
class FakeWindow extends EventEmitter {
  options: Record<string, unknown>;
  loaded?: string;
  maximized = false;
  webContents = { id: 1 };
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    created.push(this);
  }
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  isDestroyed() {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 900, height: 700 };
  }
  show = vi.fn();
}

vi.mock('electron', () => ({
  BrowserWindow: FakeWindow,
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
}));

const { createMainWindow } = await import('#main/window');

function memoryStore(initial?: unknown) {
  let value = initial;
  return { get: vi.fn(() => value), set: vi.fn((_key: string, next: unknown) => (value = next)) };
}

beforeEach(() => (created.length = 0));

describe('main window', () => {
  it('is sandboxed, context-isolated and without Node in the page', () => {
    createMainWindow({ preloadPath: '/app/out/preload/index.cjs', url: 'app://afterview/index.html', store: memoryStore() as never });
    const prefs = created[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(created[0]!.loaded).toBe('app://afterview/index.html');
    expect(created[0]!.options.show).toBe(false);
  });

  it('reopens where it was left, maximized if it was', () => {
    const store = memoryStore({ bounds: { x: 100, y: 80, width: 1000, height: 700 }, maximized: true });
    createMainWindow({ preloadPath: 'p', url: 'u', store: store as never });
    expect(created[0]!.options).toMatchObject({ x: 100, y: 80, width: 1000, height: 700 });
    expect(created[0]!.maximized).toBe(true);
  });

  it('saves its size and position when closed', () => {
    const store = memoryStore();
    const window = createMainWindow({ preloadPath: 'p', url: 'u', store: store as never });
    (window as unknown as FakeWindow).emit('close');
    expect(store.set).toHaveBeenCalledWith('windowState', { bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: false });
  });

  it('ignores saved bounds that are off every display', () => {
    const store = memoryStore({ bounds: { x: 5000, y: 5000, width: 1000, height: 700 }, maximized: false });
    createMainWindow({ preloadPath: 'p', url: 'u', store: store as never });
    expect(created[0]!.options.x).toBeUndefined();
    expect(created[0]!.options).toMatchObject({ width: 1000, height: 700 });
  });
});
