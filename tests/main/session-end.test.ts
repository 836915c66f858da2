import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FLUSH_TIMEOUT_MS } from '#main/close-guard';
import { flushOnSessionEnd, flushOnShutdown } from '#main/session-end';
import { FakeApp, guardedWindow } from './fake-shell';

vi.mock('electron', () => ({}));

/** The system's side: an event the app may hold (preventDefault), as Electron passes it. */
function sessionEvent(reasons: string[] = ['logoff']) {
  return { reasons, preventDefault: vi.fn() };
}

function setup({ ready = true } = {}) {
  const { guard, window, requests } = guardedWindow({ ready });
  const app = new FakeApp([window]);
  const powerMonitor = new EventEmitter();
  guard.guardQuit(app);
  flushOnSessionEnd(window, guard);
  flushOnShutdown(powerMonitor, guard);
  return { guard, window, app, powerMonitor, requests };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('when the session ends', () => {
  it('Windows asks first (log-out, shutdown): the end is held while the page saves, then the app quits and lets it go on', () => {
    const { guard, window, app, requests } = setup();
    const query = sessionEvent(['logoff']);
    window.emit('query-session-end', query);
    expect(query.preventDefault).toHaveBeenCalledOnce();
    expect(requests()).toHaveLength(1);
    expect(app.quit).not.toHaveBeenCalled();

    guard.acknowledge(requests()[0]);
    expect(app.quitted).toBe(true);
    expect(window.isDestroyed()).toBe(true);
    // Saved once: the quit that follows does not ask the page again.
    expect(requests()).toHaveLength(1);
  });

  it('Windows’ last word cannot be held: the page is asked to save at once, and the app quits when it has', () => {
    const { guard, window, app, requests } = setup();
    const end = sessionEvent(['shutdown']);
    window.emit('session-end', end);
    expect(requests()).toHaveLength(1);
    guard.acknowledge(requests()[0]);
    expect(app.quitted).toBe(true);
  });

  it('asked and then told (the usual Windows order), the page saves once', () => {
    const { guard, window, app, requests } = setup();
    window.emit('query-session-end', sessionEvent());
    window.emit('session-end', sessionEvent());
    expect(requests()).toHaveLength(1);
    guard.acknowledge(requests()[0]);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.quitted).toBe(true);
  });

  it('Linux and macOS announce a shutdown through powerMonitor: held the same way, then the app quits', () => {
    const { guard, powerMonitor, app, requests } = setup();
    const shutdown = sessionEvent();
    powerMonitor.emit('shutdown', shutdown);
    expect(shutdown.preventDefault).toHaveBeenCalledOnce();
    expect(requests()).toHaveLength(1);
    expect(app.quitted).toBe(false);
    guard.acknowledge(requests()[0]);
    expect(app.quitted).toBe(true);
  });

  it('a log-out on Linux arrives as a quit (SIGTERM): the page saves before the window closes', () => {
    const { guard, window, app, requests } = setup();
    app.quit();
    expect(window.isDestroyed()).toBe(false);
    expect(requests()).toHaveLength(1);
    guard.acknowledge(requests()[0]);
    expect(app.quitted).toBe(true);
  });

  it('never holds the session for long: a page that does not answer is given FLUSH_TIMEOUT_MS', () => {
    const { window, app } = setup();
    window.emit('query-session-end', sessionEvent());
    vi.advanceTimersByTime(FLUSH_TIMEOUT_MS - 1);
    expect(app.quitted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(app.quitted).toBe(true);
  });

  it('holds nothing when no page is listening (still loading, or closed): the session ends at once', () => {
    const { window, powerMonitor, app, requests } = setup({ ready: false });
    const query = sessionEvent();
    window.emit('query-session-end', query);
    const shutdown = sessionEvent();
    powerMonitor.emit('shutdown', shutdown);
    expect(query.preventDefault).not.toHaveBeenCalled();
    expect(shutdown.preventDefault).not.toHaveBeenCalled();
    expect(requests()).toHaveLength(0);
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('holds nothing once the window is gone', () => {
    const { guard, window, powerMonitor, requests } = setup();
    window.close();
    guard.acknowledge(requests()[0]);
    expect(window.isDestroyed()).toBe(true);
    const shutdown = sessionEvent();
    powerMonitor.emit('shutdown', shutdown);
    expect(shutdown.preventDefault).not.toHaveBeenCalled();
    expect(requests()).toHaveLength(1);
  });
});
