import type { EventBridge } from './event-bridge';

/** The renderer's answer to app.flushRequested; repeated in the preload, which cannot import this file. */
export const FLUSHED_SIGNAL = 'afterview:flushed';

/** Long enough for a local save, short enough that a stuck page never keeps the window open. */
export const FLUSH_TIMEOUT_MS = 3000;

interface PreventableEvent {
  preventDefault(): void;
}

interface GuardedWindow {
  on(event: 'close', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  close(): void;
  isDestroyed(): boolean;
}

/** After the flush, may keep the window instead of closing it (close-to-tray); true when it did. */
type KeepInstead = () => boolean;

interface GuardedApp {
  on(event: 'before-quit', listener: (event: PreventableEvent) => void): unknown;
  quit(): void;
}

/**
 * Holds a window close (or the app's quit) until the page has saved every
 * open editor: the first close is prevented, the page is asked to flush, and
 * the close goes ahead when it answers or when FLUSH_TIMEOUT_MS have passed.
 */
export class CloseGuard {
  private window: GuardedWindow | null = null;
  private app: GuardedApp | null = null;
  private nextRequestId = 1;
  private waiting: { requestId: number; timer: ReturnType<typeof setTimeout>; then: (() => void)[] } | null = null;
  /** Set once the page has flushed: the close or quit that follows passes through. */
  private letCloseThrough = false;
  private letQuitThrough = false;

  constructor(
    private readonly bridge: Pick<EventBridge, 'emit' | 'isReady'>,
    private readonly timeoutMs = FLUSH_TIMEOUT_MS,
  ) {}

  /** Guards a newly created main window. */
  attach(window: GuardedWindow, keepInstead?: KeepInstead): void {
    this.window = window;
    this.letCloseThrough = false;
    window.on('close', (event) => {
      if (this.letCloseThrough) {
        this.letCloseThrough = false;
        return;
      }
      event.preventDefault();
      this.flushThen(() => {
        if (window.isDestroyed() || keepInstead?.()) return;
        this.letCloseThrough = true;
        window.close();
      });
    });
    window.on('closed', () => {
      if (this.window === window) this.window = null;
    });
  }

  /** Quitting (menu, Cmd+Q, the tray, SIGTERM at a Linux log-out) flushes the open window first too. */
  guardQuit(app: GuardedApp): void {
    this.app = app;
    app.on('before-quit', (event) => {
      if (this.letQuitThrough || !this.window || this.window.isDestroyed()) return;
      event.preventDefault();
      this.flushThenQuit(app);
    });
  }

  /**
   * The user is logging out or the system is shutting down: the page saves
   * its open editors, then the app quits. True when there is a page to wait
   * for, so the caller holds the session's end (where the system lets it);
   * false when nothing is open and the session may end at once.
   */
  endSession(): boolean {
    if (!this.app || !this.window || this.window.isDestroyed() || !this.bridge.isReady()) return false;
    this.flushThenQuit(this.app);
    return true;
  }

  private flushThenQuit(app: GuardedApp): void {
    this.flushThen(() => {
      if (this.letQuitThrough) return;
      this.letQuitThrough = true;
      // Quitting closes the window next; it has just flushed.
      this.letCloseThrough = true;
      app.quit();
    });
  }

  /** The page's answer; an answer to an older request is ignored. */
  acknowledge(requestId: unknown): void {
    if (this.waiting && this.waiting.requestId === requestId) this.release();
  }

  private flushThen(next: () => void): void {
    if (this.waiting) {
      this.waiting.then.push(next);
      return;
    }
    // A page that is not listening (still loading, crashed) has no editor to flush.
    if (!this.bridge.isReady()) {
      next();
      return;
    }
    const requestId = this.nextRequestId++;
    this.waiting = { requestId, timer: setTimeout(() => this.release(), this.timeoutMs), then: [next] };
    this.bridge.emit('app.flushRequested', { requestId });
  }

  private release(): void {
    const waiting = this.waiting;
    if (!waiting) return;
    clearTimeout(waiting.timer);
    this.waiting = null;
    for (const next of waiting.then) next();
  }
}
