import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FLUSH_TIMEOUT_MS } from '#main/close-guard';
import { FakeApp, FakeWindow, guardedWindow } from './fake-shell';

vi.mock('electron', () => ({}));

const setup = guardedWindow;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('close guard', () => {
  it('holds the first close, asks the page to flush, and closes when the page answers', () => {
    const { guard, window, requests } = setup();
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(requests()).toHaveLength(1);

    guard.acknowledge(requests()[0]);
    expect(window.isDestroyed()).toBe(true);
    expect(window.close).toHaveBeenCalledTimes(2);
  });

  it('closes anyway after the timeout, so a stuck page never traps the user', () => {
    const { window, requests } = setup();
    window.close();
    vi.advanceTimersByTime(FLUSH_TIMEOUT_MS - 1);
    expect(window.isDestroyed()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(window.isDestroyed()).toBe(true);
    expect(requests()).toHaveLength(1);
  });

  it('asks only once when the user clicks close again while waiting, and ignores stale or foreign answers', () => {
    const { guard, window, requests } = setup();
    window.close();
    window.close();
    expect(requests()).toHaveLength(1);
    guard.acknowledge(requests()[0]! + 1);
    guard.acknowledge('1');
    expect(window.isDestroyed()).toBe(false);
    guard.acknowledge(requests()[0]);
    expect(window.isDestroyed()).toBe(true);
    // The timer was cleared with the answer: nothing more happens later.
    vi.advanceTimersByTime(FLUSH_TIMEOUT_MS);
    expect(window.close).toHaveBeenCalledTimes(3);
  });

  it('closes at once when the page is not listening yet', () => {
    const { window, requests } = setup({ ready: false });
    window.close();
    expect(window.isDestroyed()).toBe(true);
    expect(requests()).toHaveLength(0);
  });

  it('flushes before quitting, then quits and closes the window without asking twice', () => {
    const { guard, window, requests } = setup();
    const app = new FakeApp([window]);
    guard.guardQuit(app);
    app.quit();
    expect(app.quitted).toBe(false);
    expect(window.isDestroyed()).toBe(false);
    expect(requests()).toHaveLength(1);

    guard.acknowledge(requests()[0]);
    expect(app.quit).toHaveBeenCalledTimes(2);
    expect(app.quitted).toBe(true);
    expect(window.isDestroyed()).toBe(true);
    expect(requests()).toHaveLength(1);
  });

  it('lets a quit through when no window is open', () => {
    const { guard, window } = setup();
    const app = new FakeApp([]);
    guard.guardQuit(app);
    window.destroyed = true;
    window.emit('closed');
    app.quit();
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.quitted).toBe(true);
  });

  it('guards each new window afresh (reopened after close on macOS)', () => {
    const { guard, window, requests } = setup();
    window.close();
    guard.acknowledge(requests()[0]);
    const next = new FakeWindow();
    guard.attach(next);
    next.close();
    expect(next.isDestroyed()).toBe(false);
    expect(requests()).toHaveLength(2);
  });
});
