import type { CloseGuard } from './close-guard';

interface HoldableEvent {
  preventDefault(): void;
}

/** A window's session events (Windows only): the system asks, then tells. */
interface SessionWindow {
  on(event: 'query-session-end' | 'session-end', listener: (event: HoldableEvent) => void): unknown;
}

/** Electron's powerMonitor: 'shutdown' on Linux (logind) and macOS, holdable to let the app quit cleanly. */
interface ShutdownMonitor {
  on(event: 'shutdown', listener: (event?: HoldableEvent) => void): unknown;
}

/**
 * Edits waiting to be saved are saved when the session ends, as on quit.
 * Windows asks first (query-session-end): the end is held while the page
 * flushes, then the app quits, which lets the system go on. Its last word
 * (session-end) cannot be held: the flush is asked for at once, for whatever
 * time is left. Linux and macOS announce a shutdown through powerMonitor,
 * held the same way; a log-out there reaches the app as a quit (SIGTERM on
 * Linux, the quit event on macOS), which the close guard already flushes.
 */
export function flushOnSessionEnd(window: SessionWindow, guard: Pick<CloseGuard, 'endSession'>): void {
  window.on('query-session-end', (event) => {
    if (guard.endSession()) event.preventDefault();
  });
  window.on('session-end', () => {
    guard.endSession();
  });
}

export function flushOnShutdown(monitor: ShutdownMonitor, guard: Pick<CloseGuard, 'endSession'>): void {
  monitor.on('shutdown', (event) => {
    if (guard.endSession()) event?.preventDefault();
  });
}
